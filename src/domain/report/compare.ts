import {
  convertsToImperial,
  fig,
  formatExact,
  renderMessage,
  type FigureUnit,
  type Text,
  type UnitSystem,
} from '../units';
import type { CheckId, CheckStatus, Report } from './types';

/**
 * Two reports side by side: the figures of both, the difference (B − A) and whether B is better,
 * worse or equal on each, and the checks whose status differs. The compare dialog puts the open
 * layout (A) beside a file, a sample or a saved scenario (B); the What-if lesson puts the layout
 * under its own tier (A) beside the same layout under another tier (B).
 *
 * Every figure of the table is one line of COMPARE_FIGURES: a label, the unit its value is in (a
 * FigureUnit of src/domain/units, which also decides how an imperial reader sees it), its
 * decimals, which way is better, and a getter on the Report. A figure the report gains later
 * (capex, phases) is one more line.
 */

/** Which way a figure is better: more, less, or neither (a size, not a merit). */
export type Better = 'higher' | 'lower' | 'neither';

export interface CompareFigure {
  /** Stable id (the table's test ids and keys). */
  readonly id: string;
  readonly label: string;
  /** The group it is listed under. */
  readonly group: string;
  /** The unit the getter's value is in (m, ha, kPa … convert for imperial readers; MW does not). */
  readonly unit: FigureUnit;
  /** Decimals the value is shown with; undefined: about three significant figures. */
  readonly decimals?: number;
  readonly better: Better;
  /** The figure from a report; null when the report has none (no energy price set, say). */
  readonly get: (r: Report) => number | null;
}

const M2_PER_HA = 10_000;

/** The table's figures, in the order shown. */
export const COMPARE_FIGURES: readonly CompareFigure[] = [
  {
    id: 'itMw',
    group: 'Power',
    label: 'IT load',
    unit: 'MW',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.itMw,
  },
  {
    id: 'facilityMw',
    group: 'Power',
    label: 'Facility load',
    unit: 'MW',
    decimals: 1,
    better: 'neither',
    get: (r) => r.totals.facilityMw,
  },
  {
    id: 'pue',
    group: 'Power',
    label: 'PUE',
    unit: '',
    decimals: 2,
    better: 'lower',
    get: (r) => r.totals.pue,
  },
  {
    id: 'installedMva',
    group: 'Power',
    label: 'Installed substations',
    unit: 'MVA',
    decimals: 1,
    better: 'neither',
    get: (r) => r.totals.installedMva,
  },
  {
    id: 'usableMw',
    group: 'Power',
    label: 'Usable power',
    unit: 'MW',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.usableMw,
  },
  {
    id: 'powerHeadroomMw',
    group: 'Power',
    label: 'Power headroom',
    unit: 'MW',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.powerHeadroomMw,
  },
  {
    id: 'backupMw',
    group: 'Backup',
    label: 'Backup generation',
    unit: 'MW',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.backupMw,
  },
  {
    id: 'rideThroughMin',
    group: 'Backup',
    label: 'Battery ride-through',
    unit: 'min',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.rideThroughMin,
  },
  {
    id: 'racks',
    group: 'Compute',
    label: 'Racks',
    unit: '',
    decimals: 0,
    better: 'neither',
    get: (r) => r.totals.racks,
  },
  {
    id: 'gpus',
    group: 'Compute',
    label: 'GPUs',
    unit: '',
    decimals: 0,
    better: 'higher',
    get: (r) => r.totals.gpus,
  },
  {
    id: 'halls',
    group: 'Compute',
    label: 'Halls',
    unit: '',
    decimals: 0,
    better: 'neither',
    get: (r) => r.halls.length,
  },
  {
    id: 'coolingCapacityMw',
    group: 'Cooling',
    label: 'Cooling capacity',
    unit: 'MW',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.coolingCapacityMw,
  },
  {
    id: 'cooledLoadMw',
    group: 'Cooling',
    label: 'Heat load cooled',
    unit: 'MW',
    decimals: 1,
    better: 'neither',
    get: (r) => r.totals.cooledLoadMw,
  },
  {
    id: 'plantMw',
    group: 'Cooling',
    label: 'Cooling plant',
    unit: 'MW',
    decimals: 1,
    better: 'higher',
    get: (r) => r.totals.plantMw,
  },
  {
    id: 'heatToRejectMw',
    group: 'Cooling',
    label: 'Heat to reject',
    unit: 'MW',
    decimals: 1,
    better: 'neither',
    get: (r) => r.totals.heatToRejectMw,
  },
  {
    id: 'maxRackKpa',
    group: 'Floor',
    label: 'Worst rack point load',
    unit: 'kPa',
    decimals: 1,
    better: 'lower',
    get: (r) => r.totals.maxRackKpa,
  },
  {
    id: 'parcelArea',
    group: 'Land',
    label: 'Parcel',
    unit: 'ha',
    decimals: 2,
    better: 'neither',
    get: (r) => r.totals.parcelAreaM2 / M2_PER_HA,
  },
  {
    id: 'itMwPerAcre',
    group: 'Land',
    label: 'IT MW per acre',
    unit: 'MW/ac',
    decimals: 2,
    better: 'higher',
    get: (r) => r.totals.itMwPerAcre,
  },
  {
    id: 'fiberRoute',
    group: 'Fiber',
    label: 'Trench route length',
    unit: 'm',
    decimals: 0,
    better: 'neither',
    get: (r) => r.totals.fiberRouteM,
  },
  {
    id: 'fiberStrandMiles',
    group: 'Fiber',
    label: 'Strand miles',
    unit: 'mi',
    decimals: 1,
    better: 'neither',
    get: (r) => r.totals.fiberStrandMiles,
  },
  {
    id: 'latencyDomains',
    group: 'Fiber',
    label: 'Latency domains',
    unit: '',
    decimals: 0,
    better: 'neither',
    get: (r) => r.totals.latencyDomains,
  },
  {
    id: 'largestDomainGpus',
    group: 'Fiber',
    label: 'GPUs in the largest domain',
    unit: '',
    decimals: 0,
    better: 'higher',
    get: (r) => r.totals.largestDomainGpus,
  },
  {
    id: 'oneWayLatencyUs',
    group: 'Fiber',
    label: 'One-way latency across it',
    unit: 'µs',
    decimals: 2,
    better: 'lower',
    get: (r) => r.totals.oneWayLatencyUs,
  },
  {
    id: 'itEnergyMwhPerYear',
    group: 'Energy and water',
    label: 'IT energy',
    unit: 'MWh/yr',
    decimals: 0,
    better: 'neither',
    get: (r) => r.totals.itEnergyMwhPerYear,
  },
  {
    id: 'waterM3PerYear',
    group: 'Energy and water',
    label: 'Water',
    unit: 'm³/yr',
    decimals: 0,
    better: 'lower',
    get: (r) => r.totals.waterM3PerYear,
  },
  {
    id: 'wueLPerKwh',
    group: 'Energy and water',
    label: 'Site WUE',
    unit: 'L/kWh',
    decimals: 2,
    better: 'lower',
    get: (r) => r.totals.wueLPerKwh,
  },
  {
    id: 'energyCostUsdPerYear',
    group: 'Energy and water',
    label: 'Energy cost (estimate)',
    unit: 'USD/yr',
    decimals: 0,
    better: 'lower',
    get: (r) => r.totals.energyCostUsdPerYear,
  },
  {
    id: 'capexUsd',
    group: 'Cost',
    label: 'Capex, facility (estimate)',
    unit: 'USD',
    decimals: 0,
    better: 'lower',
    get: (r) => r.totals.capexUsd,
  },
  {
    id: 'capexPerItMwUsd',
    group: 'Cost',
    label: 'Capex per IT MW (estimate)',
    unit: 'USD',
    decimals: 0,
    better: 'lower',
    get: (r) => r.totals.capexPerItMwUsd,
  },
  {
    id: 'itEquipmentUsd',
    group: 'Cost',
    label: 'IT equipment (estimate)',
    unit: 'USD',
    decimals: 0,
    better: 'neither',
    get: (r) => r.totals.itEquipmentUsd,
  },
  {
    id: 'paybackYears',
    group: 'Cost',
    label: 'Simple payback (estimate)',
    unit: 'years',
    decimals: 1,
    better: 'lower',
    get: (r) => r.totals.paybackYears,
  },
  {
    id: 'phases',
    group: 'Cost',
    label: 'Phases',
    unit: '',
    decimals: 0,
    better: 'neither',
    get: (r) => r.phases.length,
  },
  {
    id: 'checksFailing',
    group: 'Checks',
    label: 'Checks failing',
    unit: '',
    decimals: 0,
    better: 'lower',
    get: (r) => r.summary.fail,
  },
  {
    id: 'checksWarning',
    group: 'Checks',
    label: 'Checks warning',
    unit: '',
    decimals: 0,
    better: 'lower',
    get: (r) => r.summary.warn,
  },
];

/** How B stands against A on one figure. `changed`: differs, but neither way is better. */
export type Verdict = 'better' | 'worse' | 'equal' | 'changed';

export interface FigureRow {
  readonly figure: CompareFigure;
  readonly a: number | null;
  readonly b: number | null;
  /** b − a; null when either is missing. */
  readonly delta: number | null;
  readonly verdict: Verdict;
}

export interface CheckRow {
  readonly id: CheckId;
  readonly title: string;
  /** The status in A; null when A's report has no such check. */
  readonly before: CheckStatus | null;
  readonly after: CheckStatus | null;
  readonly changed: boolean;
  /** B's message (with its figures; SI text, or a Message); A's when B has no such check. */
  readonly message: Text;
  /** A's message; B's when A has no such check. */
  readonly beforeMessage: Text;
  /** Elements at fault in B. */
  readonly elementIds: readonly string[];
}

export interface Comparison {
  readonly figures: readonly FigureRow[];
  /** Every check of either report, in B's order (then A's checks B lacks). */
  readonly checks: readonly CheckRow[];
  /** The checks whose status differs. */
  readonly changedChecks: readonly CheckRow[];
  /** How many figures are better, worse, changed and equal in B. */
  readonly count: Readonly<Record<Verdict, number>>;
}

/** Two values this close (relative to the larger, or 1e-9 absolute) are equal. */
const REL_EPS = 1e-9;

/** The verdict of B against A for a figure whose better way is `better`. */
export function verdictOf(a: number | null, b: number | null, better: Better): Verdict {
  if (a === null && b === null) return 'equal';
  if (a === null || b === null) return 'changed';
  const d = b - a;
  if (Math.abs(d) <= REL_EPS * Math.max(1, Math.abs(a), Math.abs(b))) return 'equal';
  if (better === 'neither') return 'changed';
  return (better === 'higher') === d > 0 ? 'better' : 'worse';
}

const STATUS_RANK: Readonly<Record<CheckStatus, number>> = { pass: 0, warn: 1, fail: 2 };

/** Whether a check's change of status is for the worse (pass → warn → fail) or the better. */
export function statusDirection(before: CheckStatus, after: CheckStatus): 'worse' | 'better' {
  return STATUS_RANK[after] > STATUS_RANK[before] ? 'worse' : 'better';
}

/** Compare report B against report A on every figure of `figures` and every check. */
export function compareReports(
  a: Report,
  b: Report,
  figures: readonly CompareFigure[] = COMPARE_FIGURES,
): Comparison {
  const count: Record<Verdict, number> = { better: 0, worse: 0, equal: 0, changed: 0 };
  const rows = figures.map((figure): FigureRow => {
    const va = figure.get(a);
    const vb = figure.get(b);
    const verdict = verdictOf(va, vb, figure.better);
    count[verdict]++;
    return { figure, a: va, b: vb, delta: va === null || vb === null ? null : vb - va, verdict };
  });
  const aById = new Map(a.checks.map((c) => [c.id, c] as const));
  const bIds = new Set(b.checks.map((c) => c.id));
  const checks: CheckRow[] = [];
  for (const cb of b.checks) {
    const ca = aById.get(cb.id);
    checks.push({
      id: cb.id,
      title: cb.title,
      before: ca?.status ?? null,
      after: cb.status,
      changed: ca?.status !== cb.status,
      message: cb.messageParts ?? cb.message,
      beforeMessage: ca ? (ca.messageParts ?? ca.message) : (cb.messageParts ?? cb.message),
      elementIds: cb.elementIds,
    });
  }
  for (const ca of a.checks) {
    if (bIds.has(ca.id)) continue;
    const text = ca.messageParts ?? ca.message;
    checks.push({
      id: ca.id,
      title: ca.title,
      before: ca.status,
      after: null,
      changed: true,
      message: text,
      beforeMessage: text,
      elementIds: [],
    });
  }
  return { figures: rows, checks, changedChecks: checks.filter((c) => c.changed), count };
}

/**
 * A magnitude in the figure's unit for a reader: exactly the figure's decimals where the unit
 * reads the same in both systems ("20.0 MW", "1,536"), else converted by the Message rules
 * (ha → ac, kPa → psf, m → ft).
 */
function showValue(f: CompareFigure, value: number, system: UnitSystem): string {
  if (f.decimals !== undefined && (system === 'metric' || !convertsToImperial(f.unit))) {
    const n = formatExact(value, f.decimals);
    return f.unit === '' ? n : `${n} ${f.unit}`;
  }
  return renderMessage([fig(value, f.unit, f.decimals)], system);
}

/** A figure's value as its reader sees it ("216.0 MW", "197.68 ac" in imperial); "—" for none. */
export function showFigure(f: CompareFigure, value: number | null, system: UnitSystem): string {
  return value === null ? '—' : showValue(f, value, system);
}

/** A difference with its sign ("+12.0 MW", "−3", "±0"); "—" when a side has no value. */
export function showDelta(f: CompareFigure, delta: number | null, system: UnitSystem): string {
  if (delta === null) return '—';
  const text = showValue(f, Math.abs(delta), system);
  if (/^[0.,]+(\s|$)/.test(text)) return `±${text}`;
  return `${delta > 0 ? '+' : '−'}${text}`;
}
