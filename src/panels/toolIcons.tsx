import type { ReactNode } from 'react';
import type { ToolId } from '../state/sessionStore';

/** Simple line icons for the toolbar, 24-unit grid, drawn in the button's text colour. */
const PATHS: Readonly<Record<ToolId, ReactNode>> = {
  select: <path d="M5 3.5l6.2 16.2 2.4-6.6 6.6-2.4z" strokeLinejoin="round" />,
  hall: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="1.5" />
      <path d="M6.5 9.5h11M6.5 12h11M6.5 14.5h11" strokeWidth="1.4" />
    </>
  ),
  rackRow: (
    <>
      <rect x="2.5" y="8" width="19" height="8" rx="1" />
      <path d="M7.25 8v8M12 8v8M16.75 8v8" />
    </>
  ),
  coolingZone: (
    <path d="M12 3v18M4.2 7.5l15.6 9M4.2 16.5l15.6-9M9.5 4.5L12 7l2.5-2.5M9.5 19.5L12 17l2.5 2.5" />
  ),
  substation: <path d="M13.5 2.5L5 13.5h6.5l-1 8 8.5-11h-6.5z" strokeLinejoin="round" />,
  fiberTrench: (
    <>
      <path d="M4 18l6-10 5 7 5-9" strokeLinejoin="round" />
      <circle cx="4" cy="18" r="1.8" fill="currentColor" />
      <circle cx="10" cy="8" r="1.8" fill="currentColor" />
      <circle cx="15" cy="15" r="1.8" fill="currentColor" />
      <circle cx="20" cy="6" r="1.8" fill="currentColor" />
    </>
  ),
  generatorYard: (
    <>
      <rect x="3" y="6" width="18" height="12" rx="1.5" />
      <path d="M13 8.5l-3.5 4.5h4l-3.5 4.5" strokeLinejoin="round" strokeWidth="1.5" />
      <path d="M6 18v2M18 18v2" />
    </>
  ),
  batteryYard: (
    <>
      <rect x="3" y="7" width="16" height="11" rx="1.5" />
      <path d="M21 10.5v4" strokeWidth="2.2" />
      <path d="M7 10v5M11 10v5M15 10v5" strokeWidth="2" />
    </>
  ),
  coolingPlant: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="1.5" />
      <circle cx="8" cy="12" r="3.3" />
      <circle cx="16" cy="12" r="3.3" />
      <path d="M8 10v4M6 12h4M16 10v4M14 12h4" strokeWidth="1.2" />
    </>
  ),
  powerFeeder: (
    <>
      <path d="M3.5 19l6-6 4 3 7-9" strokeLinejoin="round" strokeDasharray="3 2.2" />
      <path d="M18.5 3.5l-2 3.5h3l-2 3.5" strokeLinejoin="round" strokeWidth="1.4" />
    </>
  ),
  parcel: (
    <>
      <path d="M4.5 7.5l8.5-3 6.5 5.5-2.5 9.5-11-1.5z" strokeLinejoin="round" />
      <rect x="3" y="6" width="3" height="3" fill="currentColor" stroke="none" />
      <rect x="11.5" y="3" width="3" height="3" fill="currentColor" stroke="none" />
      <rect x="18" y="8.5" width="3" height="3" fill="currentColor" stroke="none" />
      <rect x="15.5" y="18" width="3" height="3" fill="currentColor" stroke="none" />
      <rect x="3" y="16.5" width="3" height="3" fill="currentColor" stroke="none" />
    </>
  ),
};

export function ToolIcon({ tool }: { tool: ToolId }) {
  return (
    <svg
      className="tool-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[tool]}
    </svg>
  );
}
