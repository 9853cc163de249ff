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

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(w * k)}" height="${Math.round(h * k)}" viewBox="${n(minX)} ${n(minY)} ${n(w)} ${n(h)}" font-family="${escapeXml(CANVAS_FONT)}">`,
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
    '</svg>',
  ];
  return `${out.filter((s) => s !== '').join('\n')}\n`;
}
