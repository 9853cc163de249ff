import {
  hallWhiteSpaceFraction,
  layoutKindContext,
  PLANT_TYPES,
  rowKwPerRack,
  rowRectInHall,
  rowsTotals,
  type AABB,
  type AnyElement,
  type Collection,
  type ElementOf,
  type Hall,
  type KindContext,
  type Layout,
  type RackRow,
  type TierId,
} from '../../domain';
import { layoutBounds } from '../../editor/bounds';
import { sheetScaleBar, type Sheet } from './sheet';
import {
  CANVAS_COLOURS,
  CANVAS_FONT,
  COOLING_COLOURS,
  KW_BANDS,
  feederWidthPx,
  kwBandIndex,
  trenchWidthPx,
} from '../../canvas/palette';

/**
 * The campus as an SVG drawing, written from the document (not a picture of the canvas): the
 * parcel, cooling zones, halls with their rack rows, substations, generator and battery yards,
 * cooling plants, power feeders, fiber trenches and labels.
 * Units are metres in the viewBox (x right, y down, as in the file); every element carries
 * data-kind and data-id. Text from the file is escaped, and characters XML cannot hold are
 * replaced, so any name gives a well-formed document.
 */

export interface SvgOptions {
  /** Width or height in px, whichever is longer (the viewBox stays in metres). */
  readonly longSidePx?: number;
  /**
   * The title block, legend, scale bar and north arrow, drawn in a band under the campus (the File
   * menu's export passes the open layout's; without it, the campus alone).
   */
  readonly sheet?: Sheet;
}

/** Characters XML 1.0 cannot hold at all (controls other than tab/newline/CR, lone surrogates…). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text or an attribute value, escaped for XML. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number to the millimetre, without "-0" or exponent noise. */
const n = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** fill/stroke attributes for a CSS colour, "rgba(…, a)" split into rgb + opacity for old viewers. */
function paint(attr: 'fill' | 'stroke', colour: string): string {
  const m = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/.exec(colour);
  if (!m) return `${attr}="${colour}"`;
  return `${attr}="rgb(${m[1]}, ${m[2]}, ${m[3]})" ${attr}-opacity="${m[4]}"`;
}

const STROKE = 'vector-effect="non-scaling-stroke"';

/** A label's font size in metres for an element this big. */
const fontFor = (w: number, d: number) => Math.min(Math.max(Math.min(w, d) * 0.14, 1), 40);

function label(text: string, x: number, y: number, size: number, colour: string, weight = 600) {
  if (!text) return '';
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}" font-weight="${weight}" fill="${colour}">${escapeXml(text)}</text>`;
}

function rectGroup(
  kind: string,
  e: {
    id: string;
    name: string;
    x: number;
    y: number;
    width: number;
    depth: number;
    rotation: number;
  },
  fill: string,
  stroke: string,
  labelColour: string,
  extraLabel = '',
): string {
  const f = fontFor(e.width, e.depth);
  return [
    `<g data-kind="${kind}" data-id="${escapeXml(e.id)}" transform="translate(${n(e.x)} ${n(e.y)}) rotate(${n(e.rotation)}) translate(${n(-e.width / 2)} ${n(-e.depth / 2)})">`,
    `<title>${escapeXml(e.name || e.id)}</title>`,
    `<rect width="${n(e.width)}" height="${n(e.depth)}" ${paint('fill', fill)} ${paint('stroke', stroke)} stroke-width="1" ${STROKE}/>`,
    label(e.name, f * 0.5, f * 1.3, f, labelColour),
    extraLabel ? label(extraLabel, f * 0.5, f * 2.5, f * 0.8, labelColour, 400) : '',
    '</g>',
  ].join('');
}

function rowRect(row: RackRow): string {
  const r = rowRectInHall(row);
  const band = KW_BANDS[kwBandIndex(rowKwPerRack(row))]!;
  return `<rect data-kind="rackRow" data-id="${escapeXml(row.id)}" transform="translate(${n(r.x)} ${n(r.y)}) rotate(${n(r.rotation)})" x="${n(-r.width / 2)}" y="${n(-r.depth / 2)}" width="${n(r.width)}" height="${n(r.depth)}" fill="${band.fill}" stroke="${band.stroke}" stroke-width="0.5" ${STROKE}/>`;
}

/** The hall's support band (no rows): shaded and hatched along the far side, as on the canvas. */
function supportBand(hall: Hall, tier: TierId): string {
  const white = hall.depth * hallWhiteSpaceFraction(hall, tier);
  const band = hall.depth - white;
  if (band <= 0) return '';
  return [
    `<g data-kind="hallSupport">`,
    `<rect y="${n(white)}" width="${n(hall.width)}" height="${n(band)}" ${paint('fill', CANVAS_COLOURS.hallSupportFill)}/>`,
    `<rect y="${n(white)}" width="${n(hall.width)}" height="${n(band)}" fill="url(#support-hatch)"/>`,
    `<line x1="0" y1="${n(white)}" x2="${n(hall.width)}" y2="${n(white)}" stroke="${CANVAS_COLOURS.hallStroke}" stroke-width="0.5" stroke-dasharray="2 1.5" ${STROKE}/>`,
    '</g>',
  ].join('');
}

/** The hatch pattern of the halls' support bands (in metres, as the drawing). */
export const SUPPORT_HATCH_DEF = `<pattern id="support-hatch" patternUnits="userSpaceOnUse" width="3" height="3" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="3" ${paint('stroke', CANVAS_COLOURS.hallSupportHatch)} stroke-width="0.4"/></pattern>`;

function hallGroup(hall: Hall, rows: readonly RackRow[], tier: TierId): string {
  const f = fontFor(hall.width, hall.depth);
  const { racks, itKw } = rowsTotals(rows);
  const itMw = itKw / 1000;
  const sub =
    racks > 0 ? `${itMw.toFixed(1)} MW · ${racks.toLocaleString('en-US')} racks` : 'no racks';
  return [
    `<g data-kind="hall" data-id="${escapeXml(hall.id)}" transform="translate(${n(hall.x)} ${n(hall.y)}) rotate(${n(hall.rotation)}) translate(${n(-hall.width / 2)} ${n(-hall.depth / 2)})">`,
    `<title>${escapeXml(hall.name || hall.id)}</title>`,
    `<rect width="${n(hall.width)}" height="${n(hall.depth)}" ${paint('fill', CANVAS_COLOURS.hallFill)} stroke="${CANVAS_COLOURS.hallStroke}" stroke-width="1.25" ${STROKE}/>`,
    supportBand(hall, tier),
    ...rows.map(rowRect),
    label(hall.name, f * 0.4, f * 1.2, f, CANVAS_COLOURS.hallLabel),
    label(sub, f * 0.4, f * 2.2, f * 0.7, CANVAS_COLOURS.hallLabelSub, 400),
    '</g>',
  ].join('');
}

const points = (pts: readonly (readonly [number, number])[]) =>
  pts.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');

interface SvgLayer {
  readonly layer: string;
  readonly collection: Collection;
  readonly write: (e: AnyElement, ctx: KindContext) => string;
}
const svgLayer = <C extends Collection>(
  layer: string,
  collection: C,
  write: (e: ElementOf[C], ctx: KindContext) => string,
): SvgLayer => ({ layer, collection, write: write as SvgLayer['write'] });

/**
 * One SVG writer per kind, in drawing order: the SVG counterpart of the canvas renderers
 * (src/canvas/nodes/renderers.ts). Rows are drawn by their hall, as on the canvas.
 */
const SVG_LAYERS: readonly SvgLayer[] = [
  svgLayer('cooling-zones', 'coolingZones', (z) => {
    const c = COOLING_COLOURS[z.type];
    return rectGroup(
      'coolingZone',
      z,
      c.fill,
      c.stroke,
      c.stroke,
      `${c.short} · ${z.capacityMw} MW`,
    );
  }),
  svgLayer('halls', 'halls', (hall, ctx) =>
    hallGroup(hall, ctx.rowsOfHall(hall.id), ctx.doc.settings.targetTier),
  ),
  svgLayer('substations', 'substations', (s) =>
    rectGroup(
      'substation',
      s,
      CANVAS_COLOURS.substationFill,
      CANVAS_COLOURS.substationStroke,
      CANVAS_COLOURS.substationLabel,
      `${s.capacityMva} MVA · ${s.voltageKv} kV`,
    ),
  ),
  svgLayer('generator-yards', 'generatorYards', (g) =>
    rectGroup(
      'generatorYard',
      g,
      CANVAS_COLOURS.generatorFill,
      CANVAS_COLOURS.generatorStroke,
      CANVAS_COLOURS.generatorLabel,
      `${g.units} × ${g.unitMw} MW gensets`,
    ),
  ),
  svgLayer('battery-yards', 'batteryYards', (b) =>
    rectGroup(
      'batteryYard',
      b,
      CANVAS_COLOURS.batteryFill,
      CANVAS_COLOURS.batteryStroke,
      CANVAS_COLOURS.batteryLabel,
      `${b.powerMw} MW · ${b.energyMwh} MWh`,
    ),
  ),
  svgLayer('cooling-plants', 'coolingPlants', (p) =>
    rectGroup(
      'coolingPlant',
      p,
      CANVAS_COLOURS.plantFill,
      CANVAS_COLOURS.plantStroke,
      CANVAS_COLOURS.plantLabel,
      `${p.units} × ${p.unitMw} MW · ${PLANT_TYPES[p.type].label.toLowerCase()}`,
    ),
  ),
  svgLayer(
    'power-feeders',
    'powerFeeders',
    (f) =>
      `<polyline data-kind="powerFeeder" data-id="${escapeXml(f.id)}" points="${points(f.points)}" fill="none" stroke="${CANVAS_COLOURS.feeder}" stroke-width="${n(feederWidthPx(f.capacityMva))}" stroke-dasharray="10 5" stroke-linejoin="round" ${STROKE}><title>${escapeXml(`${f.name || f.id} (${f.capacityMva.toLocaleString('en-US')} MVA)`)}</title></polyline>`,
  ),
  svgLayer(
    'fiber-trenches',
    'fiberTrenches',
    (t) =>
      `<polyline data-kind="fiberTrench" data-id="${escapeXml(t.id)}" points="${points(t.points)}" fill="none" stroke="${CANVAS_COLOURS.trench}" stroke-width="${n(trenchWidthPx(t.fiberCount))}" stroke-linecap="round" stroke-linejoin="round" ${STROKE}><title>${escapeXml(`${t.name || t.id} (${t.fiberCount.toLocaleString('en-US')} fibers)`)}</title></polyline>`,
  ),
];

/** The layout as an SVG document (text). */
export function layoutToSvg(layout: Layout, options: SvgOptions = {}): string {
  const longSide = options.longSidePx ?? 2000;
  const b: AABB = layoutBounds(layout);
  const pad = Math.max(b.maxX - b.minX, b.maxY - b.minY) * 0.03 + 1;
  const minX = b.minX - pad;
  const minY = b.minY - pad;
  const w = b.maxX - b.minX + 2 * pad;
  const h = b.maxY - b.minY + 2 * pad;
  const k = longSide / Math.max(w, h);

  const ctx = layoutKindContext(layout);
  const widthPx = Math.round(w * k);
  const band = options.sheet ? sheetBandSvg(options.sheet, widthPx, k) : null;
  // The band is drawn in pixels under the campus: its height in metres extends the viewBox.
  const bandM = band ? band.heightPx / k : 0;

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${Math.round((h + bandM) * k)}" viewBox="${n(minX)} ${n(minY)} ${n(w)} ${n(h + bandM)}" font-family="${escapeXml(CANVAS_FONT)}">`,
    `<title>${escapeXml(layout.name || 'Campus layout')}</title>`,
    `<defs>${SUPPORT_HATCH_DEF}</defs>`,
    '<desc>AI campus layout exported by Campus Planner. Units: metres; x to the right, y downward.</desc>',
    `<rect data-kind="background" x="${n(minX)}" y="${n(minY)}" width="${n(w)}" height="${n(h)}" fill="${CANVAS_COLOURS.background}"/>`,
    `<polygon data-kind="parcel" points="${points(layout.parcel.points)}" fill="${CANVAS_COLOURS.parcelFill}" stroke="${CANVAS_COLOURS.parcelStroke}" stroke-width="2" stroke-dasharray="8 4" ${STROKE}/>`,
    ...SVG_LAYERS.flatMap(({ layer, collection, write }) => [
      `<g data-layer="${layer}">`,
      ...(layout[collection] as readonly AnyElement[]).map((e) => write(e, ctx)),
      '</g>',
    ]),
    band
      ? `<g data-kind="sheet" transform="translate(${n(minX)} ${n(minY + h)}) scale(${n(1 / k)})">${band.svg}</g>`
      : '',
    '</svg>',
  ];
  return `${out.filter((s) => s !== '').join('\n')}\n`;
}

/** Shorten text to about `maxPx` at `sizePx` (no text metrics in a file: ~0.56 em a character). */
function clip(text: string, maxPx: number, sizePx: number, bold = false): string {
  const chars = Math.max(4, Math.floor(maxPx / (sizePx * (bold ? 0.64 : 0.56))));
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/**
 * The sheet's band in pixels (k px per metre in the drawing): the same layout as the PNG's band
 * (exportImage.ts) — title block left, legend middle, scale bar and north arrow right.
 */
function sheetBandSvg(sheet: Sheet, widthPx: number, k: number): { heightPx: number; svg: string } {
  const f = Math.max(0.6, widthPx / 1600);
  const heightPx = Math.round(104 * f);
  const p = (v: number) => n(v * f);
  const pad = 16;
  const titleW = (widthPx * 0.45) / f - pad;
  const text = (x: number, y: number, size: number, weight: number, fill: string, t: string) =>
    `<text x="${p(x)}" y="${p(y)}" font-size="${p(size)}" font-weight="${weight}" fill="${fill}">${escapeXml(t)}</text>`;
  const parts: string[] = [
    `<rect width="${widthPx}" height="${heightPx}" fill="#ffffff"/>`,
    `<rect width="${widthPx}" height="${n(Math.max(1, f))}" fill="#c3ccd7"/>`,
    `<g data-part="title-block">`,
    text(pad, 34, 22, 650, '#1c2430', clip(sheet.title, titleW, 22, true)),
    text(pad, 58, 13, 400, '#4a5668', clip(sheet.subtitle, titleW, 13)),
    text(pad, 82, 14, 600, '#1c2430', clip(sheet.totals, titleW, 14, true)),
    '</g>',
    `<g data-part="legend">`,
  ];
  const legendRight = widthPx / f - 210;
  sheet.legend.forEach((row, i) => {
    let x = (widthPx * 0.45) / f + pad;
    const y = 30 + i * 30;
    parts.push(text(x, y, 12, 650, '#4a5668', row.heading));
    x += row.heading.length * 12 * 0.62 + 10;
    for (const s of row.swatches) {
      const w = s.label.length * 12 * 0.56;
      if (x + 22 + w > legendRight) break;
      parts.push(
        s.style === 'line'
          ? `<rect x="${p(x)}" y="${p(y - 6)}" width="${p(16)}" height="${p(4)}" fill="${s.fill}"/>`
          : `<rect x="${p(x)}" y="${p(y - 10)}" width="${p(16)}" height="${p(11)}" ${paint('fill', s.fill)} stroke="${s.stroke}" stroke-width="${p(1.2)}"${s.style === 'dashed' ? ` stroke-dasharray="${p(3)} ${p(2)}"` : ''}/>`,
        text(x + 20, y, 12, 400, '#1c2430', s.label),
      );
      x += 28 + w;
    }
  });
  parts.push('</g>');
  const bar = sheetScaleBar(k, 140 * f, sheet.units);
  const bx = widthPx / f - pad - (sheet.bearingDeg === null ? 0 : 50) - bar.px / f;
  parts.push(
    `<g data-part="scale-bar"><polyline points="${p(bx)},${p(49)} ${p(bx)},${p(56)} ${n(bx * f + bar.px)},${p(56)} ${n(bx * f + bar.px)},${p(49)}" fill="none" stroke="#1c2430" stroke-width="${p(2)}"/>`,
    text(bx, 74, 12, 400, '#1c2430', bar.label),
    '</g>',
  );
  if (sheet.bearingDeg !== null) {
    const cx = widthPx / f - pad - 18;
    parts.push(
      `<g data-part="north-arrow" transform="translate(${p(cx)} ${n(heightPx / 2)}) rotate(${n(-sheet.bearingDeg)})">`,
      `<polygon points="0,${p(-18)} ${p(8)},${p(14)} 0,${p(8)} ${p(-8)},${p(14)}" fill="#1c2430"/>`,
      `<text x="0" y="${p(-22)}" font-size="${p(13)}" font-weight="700" fill="#1c2430" text-anchor="middle">N</text>`,
      '</g>',
    );
  }
  return { heightPx, svg: parts.join('') };
}
