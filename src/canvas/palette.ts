import type { CoolingTypeId } from '../domain';

/**
 * Colours of the canvas, shared with the legend. Rack rows are coloured by kW per rack in bands
 * that follow the tiers (air → Hopper → B200 → NVL72 → Rubin → Kyber), cool to hot.
 */
export interface KwBand {
  /** Upper bound of the band, kW per rack (inclusive). */
  readonly maxKw: number;
  readonly fill: string;
  readonly stroke: string;
  readonly label: string;
}

export const KW_BANDS: readonly KwBand[] = [
  { maxKw: 15, fill: '#9fb1c8', stroke: '#5d6f88', label: '≤ 15 kW' },
  { maxKw: 45, fill: '#5b8def', stroke: '#2f5fb8', label: '15–45 kW' },
  { maxKw: 100, fill: '#2fae8f', stroke: '#1b7560', label: '45–100 kW' },
  { maxKw: 160, fill: '#f0a72e', stroke: '#a86d0c', label: '100–160 kW' },
  { maxKw: 300, fill: '#e5603a', stroke: '#a33618', label: '160–300 kW' },
  { maxKw: Infinity, fill: '#b8235a', stroke: '#78113a', label: '> 300 kW' },
];

export function kwBandIndex(kwPerRack: number): number {
  for (let i = 0; i < KW_BANDS.length; i++) if (kwPerRack <= KW_BANDS[i]!.maxKw) return i;
  return KW_BANDS.length - 1;
}

export interface CoolingColour {
  readonly fill: string;
  readonly stroke: string;
  readonly label: string;
  /** For tags on the canvas. */
  readonly short: string;
}

export const COOLING_COLOURS: Readonly<Record<CoolingTypeId, CoolingColour>> = {
  air: { fill: 'rgba(56, 152, 236, 0.16)', stroke: '#2b7bc4', label: 'Air', short: 'Air' },
  rdhx: {
    fill: 'rgba(99, 102, 241, 0.16)',
    stroke: '#4f46e5',
    label: 'Rear door (RDHx)',
    short: 'RDHx',
  },
  dlc: {
    fill: 'rgba(8, 178, 196, 0.17)',
    stroke: '#0b8a99',
    label: 'Direct liquid (DLC)',
    short: 'DLC',
  },
  immersion: {
    fill: 'rgba(219, 39, 119, 0.13)',
    stroke: '#be185d',
    label: 'Immersion',
    short: 'Immersion',
  },
};

export const CANVAS_COLOURS = {
  background: '#e9edf1',
  gridMinor: 'rgba(71, 85, 105, 0.07)',
  gridMajor: 'rgba(71, 85, 105, 0.13)',
  parcelFill: '#f3f5ec',
  parcelStroke: '#5f7a45',
  hallFill: 'rgba(255, 255, 255, 0.88)',
  hallStroke: '#44546a',
  /** The hall's support band (electrical rooms, CDU galleries, corridors): no rows go there. */
  hallSupportFill: 'rgba(148, 163, 184, 0.22)',
  hallSupportHatch: 'rgba(71, 85, 105, 0.28)',
  /** In-row CDU positions in a rack row. */
  cduFill: 'rgba(14, 116, 144, 0.55)',
  hallLabel: '#1f2a37',
  hallLabelSub: '#52627a',
  labelHalo: 'rgba(255, 255, 255, 0.86)',
  substationFill: '#efedea',
  substationStroke: '#6b645c',
  substationHatch: 'rgba(107, 100, 92, 0.3)',
  substationLabel: '#3a342e',
  generatorFill: '#fbf1de',
  generatorStroke: '#a16207',
  generatorUnit: 'rgba(161, 98, 7, 0.45)',
  generatorLabel: '#5c3a06',
  batteryFill: '#e6f4ea',
  batteryStroke: '#2f7d4a',
  batteryCell: 'rgba(47, 125, 74, 0.35)',
  batteryLabel: '#1d4d2e',
  plantFill: '#e3f1f7',
  plantStroke: '#1f6f8b',
  plantFan: 'rgba(31, 111, 139, 0.45)',
  plantLabel: '#123f50',
  feeder: '#c2410c',
  trench: '#6d3fd6',
  trenchCasing: 'rgba(255, 255, 255, 0.9)',
  attachmentFill: '#ffffff',
  selection: '#2563eb',
  guide: '#e11d74',
  fault: '#dc2626',
} as const;

/** Trench line width in screen pixels: wider for more fibers (log scale, 1.25 px at 12 fibers to 4.5 px at 13,824). */
export function trenchWidthPx(fiberCount: number): number {
  const t = Math.log2(Math.max(fiberCount, 12) / 12) / Math.log2(13824 / 12);
  return 1.25 + 3.25 * Math.min(1, Math.max(0, t));
}

/** System UI font stack for canvas text (matches app.css). */
export const CANVAS_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Feeder line width in screen pixels: wider for more MVA (log scale, 1.5 px at 5 MVA to 5 px at 500). */
export function feederWidthPx(capacityMva: number): number {
  const t = Math.log10(Math.max(capacityMva, 5) / 5) / 2;
  return 1.5 + 3.5 * Math.min(1, Math.max(0, t));
}
