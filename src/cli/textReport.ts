import { COST_BY_ID, isCostItemId, NETWORK, TIERS, type Layout } from '../domain';
import { formatUsd } from '../domain/units';
import type { Check, Report } from '../domain/report/types';

/**
 * The report as a readable plain-text page for a terminal: totals with units, a per-hall table,
 * the latency domains, and the checklist with PASS / WARN / FAIL and each check's message.
 * Only formatting happens here; every figure comes from the report.
 */

const formatters = new Map<string, Intl.NumberFormat>();

/** A number with thousands separators and exactly `digits` decimals ("1,536", "207.36"). */
export function fmt(v: number, digits = 0): string {
  const key = String(digits);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  const s = f.format(Object.is(v, -0) ? 0 : v);
  // "-0.00" for a tiny negative reads as a bug.
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/**
 * Text from the file (names) or from messages, made safe for a terminal: control characters
 * (including ESC, which would start an escape sequence) become U+FFFD.
 */
export function safeText(s: string): string {
  // Bidi and zero-width characters are dropped (they would reorder or hide text), then controls
  // shown as U+FFFD.
  return (
    s
      .replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD')
  );
}

/** "a, b, c (+4 more)" with at most `max` items shown. */
function list(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).map(safeText).join(', ');
  return items.length > max ? `${shown} (+${fmt(items.length - max)} more)` : shown;
}

type Align = 'left' | 'right';

/** A table with a header row; numbers right-aligned. Returns its lines (no trailing spaces). */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string[] {
  // Loops, not Math.max(...rows): spreading 125,000+ rows into arguments overflows the stack.
  const widths = headers.map((h) => h.length);
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (r[i] ?? '').length);
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return align[i] === 'right' ? c.padStart(w) : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const STATUS_LABEL: Readonly<Record<Check['status'], string>> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
};

const MAX_NAME = 32;
function shortName(name: string): string {
  const s = safeText(name);
  return s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s;
}

const usd = (v: number | null): string => (v === null ? '-' : formatUsd(v));

/** PHASES: one line per phase, cumulative figures (rule 13). */
function phasesSection(report: Report): string[] {
  const out = [`PHASES (${fmt(report.phases.length)}; figures cumulative, money estimates)`];
  const rows = report.phases.map((p, i) => [
    String(i + 1),
    shortName(p.name || p.id),
    p.energize ?? '-',
    fmt(p.itMw, 2),
    fmt(p.facilityMw, 2),
    fmt(p.usableMw, 2),
    fmt(p.racks),
    fmt(p.gpus),
    usd(p.capexUsd),
    usd(p.cumulativeCapexUsd),
  ]);
  const headers = [
    '#',
    'phase',
    'energize',
    'IT MW',
    'facility MW',
    'usable MW',
    'racks',
    'GPUs',
    'capex',
    'cumulative capex',
  ];
  const align: Align[] = ['right', 'left', 'left', ...Array<Align>(7).fill('right')];
  for (const line of table(headers, rows, align)) out.push(`  ${line}`);
  return out;
}

/** COST: capex, IT equipment, ratios and capex by category (rule 14), all estimates. */
function costSection(report: Report, layout: Layout): string[] {
  const t = report.totals;
  const out = ['COST (USD, estimates: catalog unit costs, overrides from the layout marked *)'];
  const lines: [string, string][] = [
    ['Capex (facility)', usd(t.capexUsd)],
    ['Capex per IT MW', usd(t.capexPerItMwUsd)],
    ['IT equipment', `${usd(t.itEquipmentUsd)} (apart from capex)`],
    [
      'Energy cost',
      t.energyCostUsdPerYear === null
        ? 'no energy price set'
        : `${usd(t.energyCostUsdPerYear)} per year`,
    ],
    [
      'Revenue',
      t.revenueUsdPerYear === null
        ? 'no revenue per MW-year set'
        : `${usd(t.revenueUsdPerYear)} per year`,
    ],
    ['Simple payback', t.paybackYears === null ? '-' : `${fmt(t.paybackYears, 1)} years`],
  ];
  const w = lines.reduce((m, [k]) => Math.max(m, k.length), 0);
  for (const [k, v] of lines) out.push(`  ${k.padEnd(w)}  ${v}`);
  const rows = Object.entries(report.capexByCategory).map(([id, v]) => {
    const item = isCostItemId(id) ? COST_BY_ID[id] : undefined;
    const over = layout.settings.costs[id] !== undefined ? '*' : '';
    return [`${id}${over}`, item ? `per ${item.unit}` : '', usd(v)];
  });
  if (rows.length > 0) {
    out.push('');
    for (const line of table(['cost item', 'unit', 'USD'], rows, ['left', 'left', 'right']))
      out.push(`  ${line}`);
  }
  return out;
}

export interface TextReportOptions {
  /** --phase K: the report is of the campus as of phase K (1-based) of this many. */
  readonly asOfPhase?: { readonly k: number; readonly of: number };
}

export function formatTextReport(
  report: Report,
  layout: Layout,
  options: TextReportOptions = {},
): string {
  const t = report.totals;
  const s = layout.settings;
  const tier = TIERS[report.targetTier];
  const out: string[] = [];

  out.push(safeText(report.name || '(untitled layout)'));
  out.push(`Target tier: ${tier.label} [${tier.id}]`);
  const asOf = options.asOfPhase;
  if (asOf) {
    const p = report.phases[report.phases.length - 1];
    out.push(
      `As of phase ${fmt(asOf.k)} of ${fmt(asOf.of)}${p ? ` (${shortName(p.name || p.id)}${p.energize ? `, energized ${p.energize}` : ''})` : ''}: only the elements of phase ${fmt(asOf.k)} or earlier`,
    );
  }
  out.push('');

  out.push('TOTALS');
  const pueSource = s.pue === null ? 'from the cooling types' : 'set in the layout';
  const totals: [string, string][] = [
    ['IT load', `${fmt(t.itMw, 2)} MW`],
    ['Facility load', `${fmt(t.facilityMw, 2)} MW (PUE ${fmt(t.pue, 2)}, ${pueSource})`],
    ['Racks', fmt(t.racks)],
    ['GPUs', fmt(t.gpus)],
    ['Installed substations', `${fmt(t.installedMva, 1)} MVA`],
    [
      'Usable power',
      `${fmt(t.usableMw, 2)} MW (${s.redundancy}, power factor ${fmt(s.powerFactor, 2)}; headroom ${fmt(t.powerHeadroomMw, 2)} MW)`,
    ],
    [
      'Cooling capacity',
      `${fmt(t.coolingCapacityMw, 2)} MW (cooled load ${fmt(t.cooledLoadMw, 2)} MW)`,
    ],
    ['Fiber route', `${fmt(t.fiberRouteM)} m = ${fmt(t.fiberRouteMiles, 2)} route miles`],
    ['Fiber strands', `${fmt(t.fiberStrandMiles, 1)} strand miles (route length × fibers)`],
    [
      'Parcel',
      `${fmt(t.parcelAreaM2)} m² = ${fmt(t.parcelAcres, 1)} acres (${fmt(t.itMwPerAcre, 2)} MW IT per acre)`,
    ],
    ['Worst rack point load', `${fmt(t.maxRackKpa, 2)} kPa`],
    [
      'Latency domains',
      `${fmt(t.latencyDomains)} (largest ${fmt(t.largestDomainGpus)} GPUs, ${fmt(t.largestDomainItMw, 2)} MW IT; ` +
        `longest path ${fmt(t.longestPathM)} m = ${fmt(t.longestPathUs, 2)} µs of fiber; ` +
        `${fmt(t.oneWayLatencyUs, 2)} µs one-way with ${fmt(NETWORK.hopsPerPath.value)} switch hops)`,
    ],
  ];
  const labelWidth = totals.reduce((w, [k]) => Math.max(w, k.length), 0);
  for (const [k, v] of totals) out.push(`  ${k.padEnd(labelWidth)}  ${v}`);
  out.push('');

  out.push(`HALLS (${fmt(report.halls.length)})`);
  if (report.halls.length === 0) {
    out.push('  (none)');
  } else {
    const rows = report.halls.map((h) => [
      safeText(h.id),
      shortName(h.name),
      fmt(h.itMw, 2),
      fmt(h.racks),
      fmt(h.gpus),
      fmt(h.areaM2),
      fmt(h.densityKwPerM2, 2),
      fmt(h.maxRackKpa, 2),
      fmt(h.floorRatingKpa, 1),
      fmt(h.maxRowMw, 2),
      fmt(h.rowPowerMw, 2),
      h.domainIndex === null ? '-' : String(h.domainIndex + 1),
    ]);
    const headers = [
      'id',
      'name',
      'IT MW',
      'racks',
      'GPUs',
      'area m²',
      'kW/m²',
      'rack kPa',
      'floor kPa',
      'max row MW',
      'row MW limit',
      'domain',
    ];
    const align: Align[] = ['left', 'left', ...Array<Align>(10).fill('right')];
    for (const line of table(headers, rows, align)) out.push(`  ${line}`);
  }
  out.push('');

  out.push(...phasesSection(report));
  out.push('');
  out.push(...costSection(report, layout));
  out.push('');

  out.push(`LATENCY DOMAINS (${fmt(report.domains.length)})`);
  if (report.domains.length === 0) {
    out.push('  (none: no hall has racks)');
  } else {
    const rows = report.domains.map((d, i) => [
      String(i + 1),
      fmt(d.hallIds.length),
      fmt(d.itMw, 2),
      fmt(d.gpus),
      fmt(d.maxPathM),
      fmt(d.maxLatencyUs, 2),
      fmt(d.oneWayLatencyUs, 2),
      (d.unattached ? 'NOT ON FIBER: ' : '') + list(d.hallIds, 8),
    ]);
    const hops = `one-way µs (${fmt(NETWORK.hopsPerPath.value)} hops)`;
    const headers = ['#', 'halls', 'IT MW', 'GPUs', 'max path m', 'fiber µs', hops, 'hall ids'];
    const align: Align[] = ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];
    for (const line of table(headers, rows, align)) out.push(`  ${line}`);
  }
  out.push('');

  const { pass, warn, fail } = report.summary;
  out.push(
    `CHECKS (${fmt(pass)} pass, ${fmt(warn)} warn, ${fmt(fail)} fail) against ${tier.label}`,
  );
  const idWidth = report.checks.reduce((w, c) => Math.max(w, c.id.length), 0);
  for (const c of report.checks) {
    out.push(`  ${STATUS_LABEL[c.status]}  ${c.id.padEnd(idWidth)}  ${safeText(c.message)}`);
    if (c.status !== 'pass' && c.elementIds.length > 0) {
      out.push(`  ${' '.repeat(4)}  ${' '.repeat(idWidth)}  at: ${list(c.elementIds, 8)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
