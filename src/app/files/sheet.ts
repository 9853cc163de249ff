import { COOLING_TYPE_IDS, TIERS, type Layout } from '../../domain';
import type { Report } from '../../domain/report';
import { formatCount, formatExact, formatMw, M_PER_FT, type UnitSystem } from '../../domain/units';
import { niceScaleBar } from '../../editor/camera';
import type { Editor } from '../../editor/editor';
import { CANVAS_COLOURS, COOLING_COLOURS, KW_BANDS } from '../../canvas/palette';

/**
 * What an exported picture carries besides the campus, so that it can be handed on alone: a title
 * block (layout name, target tier, date, key totals), the legend, a scale bar, and a north arrow
 * when the site is placed. One description, drawn by the PNG (exportImage.ts), the SVG
 * (exportSvg.ts) and so the print report (its picture is the campus PNG).
 */

export interface LegendSwatch {
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  readonly style: 'box' | 'dashed' | 'hatched' | 'line';
}

export interface LegendRow {
  readonly heading: string;
  readonly swatches: readonly LegendSwatch[];
}

export interface Sheet {
  readonly title: string;
  /** "Target tier Blackwell (120 kW NVL72) · 6 Dec 2026". */
  readonly subtitle: string;
  /** "IT 218.1 MW · Facility 261.7 MW · 1,536 racks · 110,592 GPUs", or why there are none. */
  readonly totals: string;
  readonly legend: readonly LegendRow[];
  /** The site's bearing (screen-up from true north, clockwise), or null when no site is set. */
  readonly bearingDeg: number | null;
  readonly units: UnitSystem;
}

/** The legend, as on the canvas (CanvasOverlays' Legend reads the same palette). */
export const SHEET_LEGEND: readonly LegendRow[] = [
  {
    heading: 'Racks, kW each',
    swatches: KW_BANDS.map((b) => ({
      label: b.label.replace(' kW', ''),
      fill: b.fill,
      stroke: b.stroke,
      style: 'box' as const,
    })),
  },
  {
    heading: 'Cooling',
    swatches: [
      ...COOLING_TYPE_IDS.map((id) => ({
        label: COOLING_COLOURS[id].short,
        fill: COOLING_COLOURS[id].fill,
        stroke: COOLING_COLOURS[id].stroke,
        style: 'dashed' as const,
      })),
      {
        label: 'Substation',
        fill: CANVAS_COLOURS.substationFill,
        stroke: CANVAS_COLOURS.substationStroke,
        style: 'hatched',
      },
      {
        label: 'Fiber trench',
        fill: CANVAS_COLOURS.trench,
        stroke: CANVAS_COLOURS.trench,
        style: 'line',
      },
    ],
  },
];

/** The key totals line of the title block. */
export function totalsLine(report: Report | null): string {
  if (!report) return 'Figures unavailable: the report could not be computed';
  const t = report.totals;
  return `IT ${formatMw(t.itMw)} · Facility ${formatMw(t.facilityMw)} · ${formatCount(t.racks)} racks · ${formatCount(t.gpus)} GPUs`;
}

export function sheetOf(
  layout: Layout,
  report: Report | null,
  units: UnitSystem,
  date: Date = new Date(),
): Sheet {
  const when = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return {
    title: layout.name || 'Untitled campus',
    subtitle: `Target tier ${TIERS[layout.settings.targetTier].label} · ${when} · Campus Planner`,
    totals: totalsLine(report),
    legend: SHEET_LEGEND,
    bearingDeg: layout.settings.site ? layout.settings.site.bearingDeg : null,
    units,
  };
}

/** The sheet of the editor's open layout, in the user's units. */
export function sheetFor(editor: Editor): Sheet {
  const doc = editor.document.getState().doc;
  const state = editor.reportOf(doc);
  return sheetOf(doc, state.ok ? state.report : null, editor.session.getState().units);
}

/**
 * A scale bar for a drawing at `pxPerM` pixels (or drawing units) per metre: the longest round
 * length (1, 2 or 5 × 10ⁿ m or ft) that fits in `maxPx`, its length in drawing units and its label.
 */
export function sheetScaleBar(
  pxPerM: number,
  maxPx: number,
  units: UnitSystem,
): { px: number; label: string } {
  const unitM = units === 'imperial' ? M_PER_FT : 1;
  const { length, px } = niceScaleBar(pxPerM, maxPx, unitM);
  const big = units === 'imperial' ? length >= 5280 && length % 5280 === 0 : length >= 1000;
  const label =
    units === 'imperial'
      ? big
        ? `${formatExact(length / 5280, 0)} mi`
        : `${formatExact(length, 0)} ft`
      : big
        ? `${formatExact(length / 1000, 0)} km`
        : `${formatExact(length, 0)} m`;
  return { px, label };
}
