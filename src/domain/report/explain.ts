import {
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  defaultAisles,
  HALL_LAYOUT,
  GENERATOR,
  NETWORK,
  PLANT_TYPE_IDS,
  PLANT_TYPES,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  sourced,
  TIERS,
  type CoolingTypeId,
  type Grade,
  type RackProfileId,
  type Sourced,
  type TierId,
} from '../catalog';
import { coolingPlantMw, generatorYardMw, trenchLengthM } from '../kinds';
import type { Layout } from '../model';
import {
  convertsToImperial,
  factor,
  fig,
  figBoth,
  formatNumber,
  msg,
  PHYSICS,
  unitWord,
  type Message,
  type Text,
} from '../units';
import { COST_BY_ID, COST_ITEMS, isCostItemId, unitCostUsd, type CostItem } from '../catalog/cost';
import { formatUsd } from '../units';
import { oneWayLatencyUs } from './latency';
import type { CheckId, Report, Totals } from './types';

/**
 * "Every figure explains itself": for each report total and each check, the formula (docs/rules.md
 * rule by rule), the figures that went into it, and the catalog values behind it with their
 * public source and grade. Pure; the panels render it as text.
 */

export interface ExplanationSource {
  readonly label: string;
  /** The value as shown, with its unit (a Message: the panels show it in the user's units). */
  readonly value: Text;
  readonly basis: string;
  readonly grade: Grade;
  /** A planner default or estimate that no public source fixes (always so for grade X). */
  readonly estimate: boolean;
  /** The catalog value itself (its entry on the Sources page: sourceAnchor). */
  readonly ref?: Sourced<unknown>;
}

/**
 * Formulas and values are Text: plain, or a Message whose figures (`fig`) the panels render in the
 * user's units (`renderMessage`; `siText` for the SI wording). Formulas that only name SI units
 * ("rack kPa = mass × 9.807 / …") describe the computation as it is done and stay as they are.
 */
export interface Explanation {
  readonly title: string;
  readonly formula: Text;
  readonly inputs: readonly { readonly label: string; readonly value: Text }[];
  readonly sources: readonly ExplanationSource[];
}

// Reference figures an explanation cites that are not catalog values (each with its source and grade).
export const EXPLAIN_REFERENCES = {
  rated3Floor: sourced(12, 'A', 'TIA-942 Rated-3 floor: 12 kPa (250 psf) distributed live load'),
  powerFactor: sourced(0.95, 'C', 'planning default: power factor 0.95 for MVA → MW'),
  redundancy: sourced(
    'N: 100%; N+1: Σ − largest unit; 2N: 50%',
    'D',
    'arithmetic: usable fraction of installed capacity by redundancy (Uptime tiers: N+1 components, 2N fault tolerant)',
  ),
  gridConnection: sourced(
    '100–500 MW at 69–345 kV',
    'B',
    'hyperscale campus grid connections, stepped down to 34.5 or 13.8 kV (utility and trade press)',
  ),
  floorCdu: sourced(
    '1–5 MW',
    'B',
    'floor-mounted CDU datasheets: Motivair to 2.5 MW, Carrier 1.3–5 MW',
  ),
  cableCounts: sourced(
    '432, 864, 1,728, 3,456, 6,912 fibers',
    'A',
    'cable vendors’ standard fiber counts (1,728 ~25 mm OD, 3,456 ~32 mm)',
  ),
  landPerMw: sourced(
    '0.5–1.2 acre per MW',
    'C',
    'single-storey AI campuses (~0.15 multi-storey), from public campus acreages',
  ),
  setbackExample: sourced(
    61,
    'A',
    'Fairfax County VA zoning: data-center buildings ≥ 200 ft (61 m) from residential lots',
  ),
  aislePitch: sourced(
    4.27,
    'B',
    'classic hot/cold-aisle pitch: 7 tiles = 4.27 m per aisle pair; rows ≤ 20 cabinets',
  ),
  opticReach: sourced(
    'SR8 100 m; DR4 500 m; FR4 2 km; LR4 10 km',
    'A',
    'IEEE 802.3 / MSA 400G optic reach (SR8, DR4, FR4, LR4 datasheets)',
  ),
} as const;

type Input = { readonly label: string; readonly value: Text };

const n = (v: number, decimals?: number): string => formatNumber(v, decimals);
/** A figure with its unit: a Message where imperial readers see another unit, else plain text. */
const q = (v: number, unit: string, decimals?: number): Text =>
  convertsToImperial(unit) ? [fig(v, unit, decimals)] : `${n(v, decimals)} ${unit}`;
/** A floor rating or load, shown in both systems: "18.6 kPa (388 psf)". */
const qBoth = (v: number, decimals?: number): Message => [figBoth(v, 'kPa', decimals)];
/** The fiber formula's "km × 4.9" (per mile in imperial). */
const perKmFormula = (): Message =>
  msg`${unitWord('km')} × ${factor(PHYSICS.fiberUsPerKm.value, 'µs/km')}`;

function showValue(v: unknown, unit = ''): Text {
  if (typeof v === 'number') return unit ? q(v, unit) : n(v);
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

function src(label: string, s: Sourced<unknown>, unit = ''): ExplanationSource {
  return {
    label,
    value: showValue(s.value, unit),
    basis: s.basis,
    grade: s.grade,
    estimate: s.estimate === true || s.grade === 'X',
    ref: s,
  };
}

function profilesUsed(layout: Layout): RackProfileId[] {
  const used = new Set(layout.rackRows.map((r) => r.profile));
  return RACK_PROFILE_IDS.filter((id) => used.has(id));
}

function kwSources(layout: Layout): ExplanationSource[] {
  return profilesUsed(layout).map((id) =>
    src(`${RACK_PROFILES[id].label}: kW per rack`, RACK_PROFILES[id].kwPerRack, 'kW'),
  );
}

/**
 * What the domain reach is: the reach of the optic on a link, not a latency budget. A longer link
 * needs another optic class, and NVIDIA treats links beyond ~500 m as "scale-across".
 */
function reachMeaning(reachM: number): Input {
  return {
    label: 'Reach limit',
    value: msg`${q(reachM, 'm')}: the optic's reach (400G FR4 2 km, DR4 500 m), not a latency budget; beyond it a link needs another optic class, and NVIDIA treats links beyond ~${q(NETWORK.scaleAcrossM.value, 'm')} as "scale-across" between sites`,
  };
}

function pueSources(layout: Layout, report: Report): ExplanationSource[] {
  if (layout.settings.pue != null) return [];
  const types = new Set<CoolingTypeId>(layout.coolingZones.map((z) => z.type));
  if (report.rows.some((r) => r.coolingZoneId === null) || types.size === 0) types.add('air');
  return COOLING_TYPE_IDS.filter((t) => types.has(t)).map((t) =>
    src(`${COOLING_TYPES[t].label}: PUE`, COOLING_TYPES[t].pue),
  );
}

/** IT MW served by each cooling type (unserved rows as "unserved, counted as air"). */
function itByCooling(layout: Layout, report: Report): Input[] {
  const zoneType = new Map(layout.coolingZones.map((z) => [z.id, z.type] as const));
  const kw = new Map<string, number>();
  for (const r of report.rows) {
    const t = r.coolingZoneId === null ? undefined : zoneType.get(r.coolingZoneId);
    const key = t
      ? `IT on ${COOLING_TYPES[t].label} (PUE ${n(COOLING_TYPES[t].pue.value)})`
      : `IT with no cooling zone (counted as air, PUE ${n(COOLING_TYPES.air.pue.value)})`;
    kw.set(key, (kw.get(key) ?? 0) + r.itKw);
  }
  return [...kw].map(([label, v]) => ({ label, value: q(v / 1000, 'MW') }));
}

function usableFormula(redundancy: string): string {
  if (redundancy === 'N') return 'usable MW = power factor × Σ substation MVA (N)';
  if (redundancy === 'N+1')
    return 'usable MW = power factor × (Σ substation MVA − largest unit) (N+1)';
  return 'usable MW = power factor × Σ substation MVA / 2 (2N)';
}

/** How the cost defaults reconcile the public anchors (rule 14), for the capex ⓘ. */
export const COST_RECONCILIATION =
  'Cushman & Wakefield 2025: $9.3–15.0 M per critical MW all-in (average $11.7 M), land apart. The planner splits it: the hall items (~$6.5–7.3 M per IT MW: shell, electrical and mechanical fit-out) plus the campus plant drawn around them (substation, feeders, generators, batteries, heat rejection: ~$2–3 M per IT MW at N+1), so a complete liquid-cooled sketch lands near $9–11 M per IT MW. The seed’s $300–350 M for IREN’s 75 MW Horizon 1 is ≈ $4–4.7 M per gross MW, or $6–7 M per IT MW (50 MW IT): a self-built shell and fit-out, close to the hall item alone. Turner & Townsend: AI halls cost 7–10 % more than conventional, hence liquid halls ~8 % above air. IT equipment is apart.';

/** Each priced cost item of the report: quantity × unit cost = USD, overrides marked. */
function costInputs(layout: Layout, report: Report, it: boolean): Input[] {
  return Object.entries(report.capexByCategory)
    .filter(([id]) => isCostItemId(id) && id.startsWith('it-rack-') === it)
    .map(([id, usd]) => {
      const item = COST_BY_ID[id as CostItem['id']];
      const unit = unitCostUsd(layout.settings.costs, item.id);
      const over = layout.settings.costs[item.id] !== undefined ? ' (override)' : '';
      const qty = unit > 0 ? usd / unit : 0;
      return {
        label: `${item.label} (${item.id})`,
        value: `${n(qty)} ${item.unit} × ${formatUsd(unit)}${over} = ${formatUsd(usd)}`,
      };
    });
}

/** The catalog sources of the cost items priced in the report, with what each includes. */
function costSources(report: Report, it: boolean): ExplanationSource[] {
  return COST_ITEMS.filter(
    (c) => c.id.startsWith('it-rack-') === it && report.capexByCategory[c.id] !== undefined,
  ).map((c) => ({
    ...src(`${c.label}: USD per ${c.unit}`, c.usd),
    value: `${formatUsd(c.usd.value)} per ${c.unit}`,
    basis: `includes ${c.includes}. ${c.usd.basis}`,
  }));
}

const money = (v: number | null): string => (v === null ? '—' : formatUsd(v));

interface TotalContext {
  readonly layout: Layout;
  readonly report: Report;
  readonly t: Totals;
}

type TotalExplainer = (c: TotalContext) => Explanation;

const TOTALS: { readonly [K in keyof Totals]: TotalExplainer } = {
  itMw: ({ layout, t }) => ({
    title: 'IT power',
    formula: 'IT MW = Σ rows (rackCount × kW per rack) / 1000',
    inputs: [
      { label: 'Rows', value: n(layout.rackRows.length) },
      { label: 'Racks', value: n(t.racks) },
      {
        label: 'Rows with their own kW per rack',
        value: n(layout.rackRows.filter((r) => r.kwPerRack !== null).length),
      },
      { label: 'IT load', value: q(t.itMw, 'MW') },
    ],
    sources: kwSources(layout),
  }),
  facilityMw: ({ layout, report, t }) => ({
    title: 'Facility power',
    formula: 'facility MW = IT MW × PUE',
    inputs: [
      { label: 'IT load', value: q(t.itMw, 'MW') },
      { label: 'PUE', value: n(t.pue, 3) },
      { label: 'Facility load', value: q(t.facilityMw, 'MW') },
    ],
    sources: pueSources(layout, report),
  }),
  pue: ({ layout, report, t }) => ({
    title: 'Power usage effectiveness',
    formula:
      layout.settings.pue != null
        ? 'PUE = settings.pue (set by hand for this layout)'
        : "PUE = Σ (row IT kW × PUE of its zone's cooling type) / Σ IT kW; rows no zone serves count as air",
    inputs:
      layout.settings.pue != null
        ? [{ label: 'PUE set in settings', value: n(layout.settings.pue, 3) }]
        : [...itByCooling(layout, report), { label: 'PUE', value: n(t.pue, 3) }],
    sources: pueSources(layout, report),
  }),
  racks: ({ layout, t }) => ({
    title: 'Racks',
    formula: 'racks = Σ rows rackCount',
    inputs: [
      { label: 'Rows', value: n(layout.rackRows.length) },
      { label: 'Racks', value: n(t.racks) },
    ],
    sources: [],
  }),
  gpus: ({ layout, t }) => ({
    title: 'GPUs',
    formula: "GPUs = Σ rows (rackCount × GPUs per rack of the row's profile)",
    inputs: [
      { label: 'Racks', value: n(t.racks) },
      { label: 'GPUs', value: n(t.gpus) },
    ],
    sources: profilesUsed(layout).map((id) =>
      src(`${RACK_PROFILES[id].label}: GPUs per rack`, RACK_PROFILES[id].gpusPerRack),
    ),
  }),
  installedMva: ({ layout, t }) => ({
    title: 'Installed substation capacity',
    formula: 'installed MVA = Σ substation capacityMva',
    inputs: [
      { label: 'Substations', value: n(layout.substations.length) },
      {
        label: 'Largest unit',
        value: q(
          layout.substations.reduce((m, s) => Math.max(m, s.capacityMva), 0),
          'MVA',
        ),
      },
      { label: 'Installed', value: q(t.installedMva, 'MVA') },
    ],
    sources: [src('Campus grid connection', EXPLAIN_REFERENCES.gridConnection)],
  }),
  usableMw: ({ layout, t }) => ({
    title: 'Usable power',
    formula: usableFormula(layout.settings.redundancy),
    inputs: [
      { label: 'Installed', value: q(t.installedMva, 'MVA') },
      {
        label: 'Largest unit',
        value: q(
          layout.substations.reduce((m, s) => Math.max(m, s.capacityMva), 0),
          'MVA',
        ),
      },
      { label: 'Redundancy', value: layout.settings.redundancy },
      { label: 'Power factor', value: n(layout.settings.powerFactor, 3) },
      { label: 'Usable', value: q(t.usableMw, 'MW') },
    ],
    sources: [
      src('Power factor default', EXPLAIN_REFERENCES.powerFactor),
      src('Usable fraction by redundancy', EXPLAIN_REFERENCES.redundancy),
    ],
  }),
  powerHeadroomMw: ({ layout, report, t }) => ({
    title: 'Power headroom',
    formula: 'headroom MW = usable MW − facility MW (negative: short of power)',
    inputs: [
      { label: 'Usable', value: q(t.usableMw, 'MW') },
      { label: 'Facility load', value: q(t.facilityMw, 'MW') },
      { label: 'Headroom', value: q(t.powerHeadroomMw, 'MW') },
    ],
    sources: [
      src('Power factor default', EXPLAIN_REFERENCES.powerFactor),
      ...pueSources(layout, report),
    ],
  }),
  coolingCapacityMw: ({ layout, t }) => ({
    title: 'Cooling capacity',
    formula: 'cooling capacity MW = Σ cooling zone capacityMw',
    inputs: [
      { label: 'Cooling zones', value: n(layout.coolingZones.length) },
      { label: 'Capacity', value: q(t.coolingCapacityMw, 'MW') },
    ],
    sources: [src('Floor-mounted CDU sizes', EXPLAIN_REFERENCES.floorCdu)],
  }),
  cooledLoadMw: ({ report, t }) => ({
    title: 'Cooled heat load',
    formula:
      'cooled load MW = Σ IT kW of the rows a cooling zone serves / 1000 (all IT power becomes heat)',
    inputs: [
      {
        label: 'Rows served',
        value: n(report.rows.filter((r) => r.coolingZoneId !== null).length),
      },
      {
        label: 'Rows no zone serves',
        value: n(report.rows.filter((r) => r.coolingZoneId === null).length),
      },
      { label: 'IT load', value: q(t.itMw, 'MW') },
      { label: 'Cooled load', value: q(t.cooledLoadMw, 'MW') },
    ],
    sources: [],
  }),
  fiberRouteM: ({ layout, t }) => ({
    title: 'Fiber route length',
    formula:
      'route m = length of the union of the trench polylines (a stretch several trenches share counts once)',
    inputs: [
      { label: 'Trenches', value: n(layout.fiberTrenches.length) },
      { label: 'Σ trench lengths', value: q(t.fiberTrenchM, 'm') },
      { label: 'Shared stretches (counted once)', value: q(t.fiberTrenchM - t.fiberRouteM, 'm') },
      { label: 'Route length', value: q(t.fiberRouteM, 'm') },
    ],
    sources: [],
  }),
  fiberTrenchM: ({ layout, t }) => ({
    title: 'Trench length',
    formula:
      'trench m = Σ trench polyline lengths, every trench in full (what is dug if none shares)',
    inputs: [
      { label: 'Trenches', value: n(layout.fiberTrenches.length) },
      { label: 'Σ trench lengths', value: q(t.fiberTrenchM, 'm') },
      { label: 'Route length (union)', value: q(t.fiberRouteM, 'm') },
    ],
    sources: [],
  }),
  fiberRouteMiles: ({ t }) => ({
    title: 'Fiber route miles',
    formula: 'route miles = route m / 1609.344',
    inputs: [
      { label: 'Route length', value: q(t.fiberRouteM, 'm') },
      { label: 'Route miles', value: q(t.fiberRouteMiles, 'mi') },
    ],
    sources: [src('Metres per mile', PHYSICS.metresPerMile, 'm')],
  }),
  fiberStrandMiles: ({ layout, t }) => {
    const fiberM = layout.fiberTrenches.reduce((s, tr) => s + trenchLengthM(tr) * tr.fiberCount, 0);
    return {
      title: 'Fiber strand miles',
      formula: 'strand miles = Σ (trench length × fiberCount) / 1609.344',
      inputs: [
        { label: 'Trenches', value: n(layout.fiberTrenches.length) },
        { label: 'Σ length × fibers', value: q(fiberM, 'fiber-m') },
        { label: 'Route miles', value: q(t.fiberRouteMiles, 'mi') },
        { label: 'Strand miles', value: q(t.fiberStrandMiles, 'mi') },
      ],
      sources: [
        src('Metres per mile', PHYSICS.metresPerMile, 'm'),
        src('Cable fiber counts', EXPLAIN_REFERENCES.cableCounts),
      ],
    };
  },
  parcelAreaM2: ({ layout, t }) => ({
    title: 'Parcel area',
    formula: 'parcel m² = |Σ (xᵢ × yᵢ₊₁ − xᵢ₊₁ × yᵢ)| / 2 (shoelace)',
    inputs: [
      { label: 'Parcel vertices', value: n(layout.parcel.points.length) },
      { label: 'Area', value: q(t.parcelAreaM2, 'm²') },
    ],
    sources: [],
  }),
  parcelAcres: ({ t }) => ({
    title: 'Parcel acres',
    formula: 'acres = parcel m² / 4046.8564224',
    inputs: [
      { label: 'Area', value: q(t.parcelAreaM2, 'm²') },
      { label: 'Acres', value: q(t.parcelAcres, 'ac') },
    ],
    sources: [src('Square metres per acre', PHYSICS.squareMetresPerAcre, 'm²')],
  }),
  itMwPerAcre: ({ t }) => ({
    title: 'IT power per acre',
    formula: 'IT MW per acre = IT MW / parcel acres',
    inputs: [
      { label: 'IT load', value: q(t.itMw, 'MW') },
      { label: 'Acres', value: q(t.parcelAcres, 'ac') },
      { label: 'IT MW per acre', value: n(t.itMwPerAcre, 3) },
    ],
    sources: [src('Land per MW, AI campuses', EXPLAIN_REFERENCES.landPerMw)],
  }),
  maxRackKpa: ({ layout, report, t }) => {
    const hallIds = new Set(layout.halls.map((h) => h.id));
    let worst: Report['rows'][number] | undefined;
    for (const r of report.rows) {
      if (hallIds.has(r.hallId) && (!worst || r.rackKpa > worst.rackKpa)) worst = r;
    }
    const row = worst ? layout.rackRows.find((r) => r.id === worst.id) : undefined;
    const p = row ? RACK_PROFILES[row.profile] : undefined;
    const inputs: Input[] = [];
    const sources: ExplanationSource[] = [src('Standard gravity', PHYSICS.gravity, 'm/s²')];
    if (worst && row && p) {
      inputs.push(
        { label: 'Worst row', value: `${row.id} (${p.label})` },
        {
          label: 'Mass per rack',
          value: q(worst.racks > 0 ? worst.massKg / worst.racks : 0, 'kg'),
        },
        {
          label: 'Footprint',
          value: msg`${factor(p.widthM.value, 'm', 3)} × ${fig(p.depthM.value, 'm', 3)}`,
        },
      );
      if (row.massKg === null) sources.push(src(`${p.label}: mass`, p.massKg, 'kg'));
      sources.push(
        src(`${p.label}: width`, p.widthM, 'm'),
        src(`${p.label}: depth`, p.depthM, 'm'),
      );
    }
    inputs.push({
      label: 'Rack point load',
      value: qBoth(t.maxRackKpa, 2),
    });
    sources.push(src('Rated-3 raised floor', EXPLAIN_REFERENCES.rated3Floor, 'kPa'));
    return {
      title: 'Worst rack point load',
      formula: 'rack kPa = mass × 9.807 / (w × d) / 1000, worst rack in any hall',
      inputs,
      sources,
    };
  },
  latencyDomains: ({ report, t }) => {
    const tier = TIERS[report.targetTier];
    return {
      title: 'Latency domains',
      formula: msg`domains: halls with racks, largest IT MW first, grouped so that every pair is within ${q(tier.domainReachM.value, 'm')} of fiber (the ${tier.label} reach)`,
      inputs: [
        { label: 'Halls with racks', value: n(report.halls.filter((h) => h.racks > 0).length) },
        { label: 'Reach', value: q(tier.domainReachM.value, 'm') },
        { label: 'Domains', value: n(t.latencyDomains) },
        reachMeaning(tier.domainReachM.value),
      ],
      sources: [
        src(`${tier.label}: domain reach`, tier.domainReachM, 'm'),
        src('Optic reach', EXPLAIN_REFERENCES.opticReach),
        src('Scale-across threshold', NETWORK.scaleAcrossM, 'm'),
      ],
    };
  },
  largestDomainGpus: ({ report, t }) => {
    const tier = TIERS[report.targetTier];
    return {
      title: 'GPUs in the largest latency domain',
      formula: 'largest domain GPUs = Σ GPUs of the halls of the domain with the most GPUs',
      inputs: [
        { label: 'Domains', value: n(t.latencyDomains) },
        { label: 'Largest domain', value: q(t.largestDomainGpus, 'GPUs') },
        { label: `${tier.label} training cluster`, value: q(tier.clusterGpus.value, 'GPUs') },
      ],
      sources: [src(`${tier.label}: cluster GPUs`, tier.clusterGpus)],
    };
  },
  largestDomainItMw: ({ report, t }) => {
    const tier = TIERS[report.targetTier];
    return {
      title: 'IT power of the largest latency domain',
      formula: 'largest domain IT MW = Σ IT MW of the halls of the domain with the most GPUs',
      inputs: [
        { label: 'Domains', value: n(t.latencyDomains) },
        { label: 'Largest domain', value: q(t.largestDomainItMw, 'MW') },
        { label: 'Campus IT load', value: q(t.itMw, 'MW') },
      ],
      sources: [src(`${tier.label}: domain reach`, tier.domainReachM, 'm')],
    };
  },
  longestPathM: ({ report, t }) => {
    const tier = TIERS[report.targetTier];
    return {
      title: 'Longest fiber path in a domain',
      formula:
        'longest path m = max over domains of the shortest fiber path between its two farthest halls',
      inputs: [
        { label: 'Longest path', value: q(t.longestPathM, 'm') },
        { label: 'Reach', value: q(tier.domainReachM.value, 'm') },
      ],
      sources: [src(`${tier.label}: domain reach`, tier.domainReachM, 'm')],
    };
  },
  longestPathUs: ({ t }) => ({
    title: 'One-way fiber delay',
    formula: msg`fiber µs = longest path ${perKmFormula()} (propagation only; the one-way latency adds switch hops)`,
    inputs: [
      { label: 'Longest path', value: q(t.longestPathM / 1000, 'km', 3) },
      { label: 'Fiber delay', value: q(t.longestPathUs, 'µs') },
    ],
    sources: [src('Propagation in single-mode fiber', PHYSICS.fiberUsPerKm, 'µs/km')],
  }),
  backupMw: ({ layout, report, t }) => {
    const spare = TIERS[report.targetTier].minRedundancy.value !== 'N';
    return {
      title: 'Backup generation',
      formula: `backup MW = Σ units × unitMw over the generator yards${spare ? ', each yard’s largest unit left out (the tier asks for N+1 or more)' : ''}`,
      inputs: [
        { label: 'Generator yards', value: n(layout.generatorYards.length) },
        {
          label: 'Installed',
          value: q(
            layout.generatorYards.reduce((sum, g) => sum + generatorYardMw(g), 0),
            'MW',
          ),
        },
        { label: 'Backup (firm)', value: q(t.backupMw, 'MW') },
        { label: 'Facility load', value: q(t.facilityMw, 'MW') },
      ],
      sources: [src('Diesel genset rating', GENERATOR.unitMw, 'MW')],
    };
  },
  rideThroughMin: ({ layout, t }) => ({
    title: 'Battery ride-through',
    formula: 'minutes = Σ battery energy MWh ÷ facility MW × 60 (none without a facility load)',
    inputs: [
      { label: 'Battery yards', value: n(layout.batteryYards.length) },
      {
        label: 'Energy',
        value: q(
          layout.batteryYards.reduce((sum, b) => sum + b.energyMwh, 0),
          'MWh',
        ),
      },
      { label: 'Facility load', value: q(t.facilityMw, 'MW') },
      {
        label: 'Ride-through',
        value: t.rideThroughMin === null ? '—' : `${n(t.rideThroughMin)} min`,
      },
    ],
    sources: [],
  }),
  plantMw: ({ layout, report, t }) => {
    const spare = TIERS[report.targetTier].minRedundancy.value !== 'N';
    return {
      title: 'Heat-rejection plant',
      formula: `plant MW = Σ units × unitMw over the cooling plants${spare ? ', each plant’s largest unit left out (the tier asks for N+1 or more)' : ''}`,
      inputs: [
        { label: 'Cooling plants', value: n(layout.coolingPlants.length) },
        {
          label: 'Installed',
          value: q(
            layout.coolingPlants.reduce((sum, p) => sum + coolingPlantMw(p), 0),
            'MW',
          ),
        },
        { label: 'Plant (firm)', value: q(t.plantMw, 'MW') },
        { label: 'Heat to reject', value: q(t.heatToRejectMw, 'MW') },
      ],
      sources: PLANT_TYPE_IDS.map((id) =>
        src(`${PLANT_TYPES[id].label}: unit`, PLANT_TYPES[id].unitMw, 'MW'),
      ),
    };
  },
  heatToRejectMw: ({ t }) => ({
    title: 'Heat to reject',
    formula:
      'heat MW = Σ cooling zone loads (the IT heat of the rows the zones serve: all IT power becomes heat)',
    inputs: [
      { label: 'Cooled IT load', value: q(t.cooledLoadMw, 'MW') },
      { label: 'Heat to reject', value: q(t.heatToRejectMw, 'MW') },
    ],
    sources: [],
  }),
  itEnergyMwhPerYear: ({ layout, t }) => ({
    title: 'IT energy per year',
    formula: 'IT MWh/yr = IT MW × 8,760 h × utilization',
    inputs: [
      { label: 'IT load', value: q(t.itMw, 'MW') },
      { label: 'Utilization (settings)', value: n(layout.settings.utilization, 2) },
      { label: 'IT energy', value: q(t.itEnergyMwhPerYear, 'MWh') },
    ],
    sources: [],
  }),
  waterM3PerYear: ({ layout, t }) => ({
    title: 'Site water per year',
    formula:
      'water m³/yr = Σ over plants (plant MW ÷ Σ plant MW) × IT MWh × WUE (L/kWh; MWh × L/kWh = m³); each plant’s share by its installed MW',
    inputs: [
      ...layout.coolingPlants.slice(0, 6).map((p) => ({
        label: `${p.name || p.id} (${PLANT_TYPES[p.type].label})`,
        value: msg`${q(coolingPlantMw(p), 'MW')} × WUE ${n(PLANT_TYPES[p.type].wueLPerKwh.value, 2)} L/kWh`,
      })),
      { label: 'IT energy', value: q(t.itEnergyMwhPerYear, 'MWh') },
      { label: 'Water', value: `${n(t.waterM3PerYear)} m³ = ${n(t.waterGallonsPerYear)} US gal` },
    ],
    sources: PLANT_TYPE_IDS.map((id) =>
      src(`${PLANT_TYPES[id].label}: WUE`, PLANT_TYPES[id].wueLPerKwh, 'L/kWh'),
    ),
  }),
  waterGallonsPerYear: ({ t }) => ({
    title: 'Site water per year (US gallons)',
    formula: 'gallons = m³ × 264.172',
    inputs: [
      { label: 'Water', value: `${n(t.waterM3PerYear)} m³` },
      { label: 'Water', value: `${n(t.waterGallonsPerYear)} US gal` },
    ],
    sources: [],
  }),
  wueLPerKwh: ({ t }) => ({
    title: 'Site water-use effectiveness (WUE)',
    formula: 'WUE = site water L ÷ IT kWh (The Green Grid); 0 with no IT energy',
    inputs: [
      { label: 'Water', value: `${n(t.waterM3PerYear)} m³` },
      { label: 'IT energy', value: q(t.itEnergyMwhPerYear, 'MWh') },
      { label: 'WUE', value: `${n(t.wueLPerKwh, 2)} L/kWh` },
    ],
    sources: PLANT_TYPE_IDS.map((id) =>
      src(`${PLANT_TYPES[id].label}: WUE`, PLANT_TYPES[id].wueLPerKwh, 'L/kWh'),
    ),
  }),
  capexUsd: ({ layout, report, t }) => ({
    title: 'Capex, facility (estimate)',
    formula:
      'capex = Σ over cost items of quantity × unit cost (catalog default, or the override in settings.costs); land in the first phase; IT racks apart',
    inputs: [
      ...costInputs(layout, report, false),
      { label: 'Capex (facility)', value: money(t.capexUsd) },
      { label: 'How the defaults compare', value: COST_RECONCILIATION },
    ],
    sources: costSources(report, false),
  }),
  itEquipmentUsd: ({ layout, report, t }) => ({
    title: 'IT equipment (estimate)',
    formula: 'IT equipment = Σ rows racks × the rack profile’s unit cost (it-rack-<profile>)',
    inputs: [
      ...costInputs(layout, report, true),
      { label: 'IT equipment', value: money(t.itEquipmentUsd) },
    ],
    sources: costSources(report, true),
  }),
  capexPerItMwUsd: ({ t }) => ({
    title: 'Capex per IT MW (estimate)',
    formula: 'capex per IT MW = facility capex ÷ IT MW (IT equipment not included)',
    inputs: [
      { label: 'Capex (facility)', value: money(t.capexUsd) },
      { label: 'IT', value: q(t.itMw, 'MW') },
      { label: 'Capex per IT MW', value: money(t.capexPerItMwUsd) },
      { label: 'How the defaults compare', value: COST_RECONCILIATION },
    ],
    sources: [],
  }),
  revenueUsdPerYear: ({ layout, t }) => ({
    title: 'Revenue per year (estimate)',
    formula: 'revenue = revenue per IT MW-year (settings) × IT MW; hidden when not set',
    inputs: [
      {
        label: 'Revenue per IT MW-year',
        value:
          layout.settings.revenuePerMwYear === null
            ? 'not set'
            : formatUsd(layout.settings.revenuePerMwYear),
      },
      { label: 'IT', value: q(t.itMw, 'MW') },
      { label: 'Revenue', value: money(t.revenueUsdPerYear) },
    ],
    sources: [],
  }),
  paybackYears: ({ t }) => ({
    title: 'Simple payback (estimate)',
    formula:
      'payback years = facility capex ÷ (revenue − energy cost) per year; none when that is not positive or no revenue is set; no financing, tax or IT refresh',
    inputs: [
      { label: 'Capex (facility)', value: money(t.capexUsd) },
      { label: 'Revenue per year', value: money(t.revenueUsdPerYear) },
      { label: 'Energy cost per year', value: money(t.energyCostUsdPerYear) },
      { label: 'Payback', value: t.paybackYears === null ? '—' : `${n(t.paybackYears)} years` },
    ],
    sources: [],
  }),
  energyCostUsdPerYear: ({ layout, t }) => ({
    title: 'Energy cost per year (estimate)',
    formula:
      'USD/yr = IT MWh/yr × PUE × energy price (USD per MWh, settings); hidden when no price is set',
    inputs: [
      { label: 'IT energy', value: q(t.itEnergyMwhPerYear, 'MWh') },
      { label: 'PUE', value: n(t.pue, 3) },
      {
        label: 'Energy price',
        value:
          layout.settings.energyPricePerMwh === null
            ? 'not set'
            : `$${n(layout.settings.energyPricePerMwh)} per MWh`,
      },
      {
        label: 'Energy cost',
        value: t.energyCostUsdPerYear === null ? '—' : `$${n(t.energyCostUsdPerYear)} per year`,
      },
    ],
    sources: [],
  }),
  oneWayLatencyUs: ({ report, t }) => {
    const tier = TIERS[report.targetTier];
    const hops = NETWORK.hopsPerPath.value;
    const hopUs = NETWORK.switchHopUs.value;
    return {
      title: 'One-way latency',
      formula: msg`one-way µs = longest path ${perKmFormula()} + ${n(hops)} switch hops × ${n(hopUs)} µs (0 without a domain)`,
      inputs: [
        { label: 'Longest path', value: q(t.longestPathM / 1000, 'km', 3) },
        { label: 'Fiber delay', value: q(t.longestPathUs, 'µs') },
        {
          label: 'Switch hops',
          value: msg`${n(hops)} (leaf–spine–leaf) × ${q(hopUs, 'µs')} = ${q(hops * hopUs, 'µs')}`,
        },
        { label: 'One-way latency', value: q(t.oneWayLatencyUs, 'µs') },
        reachMeaning(tier.domainReachM.value),
      ],
      sources: [
        src('Propagation in single-mode fiber', PHYSICS.fiberUsPerKm, 'µs/km'),
        src('Switch hop', NETWORK.switchHopUs, 'µs'),
        src('Switch hops per path', NETWORK.hopsPerPath),
        src('Scale-across threshold', NETWORK.scaleAcrossM, 'm'),
      ],
    };
  },
};

/** Every report total, in the Totals order (each has an explanation). */
export const EXPLAINED_TOTALS = Object.keys(TOTALS) as readonly (keyof Totals)[];

/** Why a report total has its value: formula, the figures in it, and the catalog values behind it. */
export function explainTotal(field: keyof Totals, layout: Layout, report: Report): Explanation {
  return TOTALS[field]({ layout, report, t: report.totals });
}

// ---------------------------------------------------------------------------------------------
// Checks

type CheckExplainer = (tier: TierId) => Omit<Explanation, 'inputs'> & { inputs: Input[] };

function flagship(tier: TierId) {
  return RACK_PROFILES[TIERS[tier].flagshipProfile];
}

function flagshipLoad(tier: TierId): Input {
  const p = flagship(tier);
  const kpa = (p.massKg.value * PHYSICS.gravity.value) / (p.widthM.value * p.depthM.value) / 1000;
  return {
    label: `${p.label} (the ${TIERS[tier].label} rack)`,
    value: msg`${q(p.massKg.value, 'kg')} on ${factor(p.widthM.value, 'm', 3)} × ${fig(p.depthM.value, 'm', 3)} → ${q(kpa, 'kPa', 2)}`,
  };
}

const CHECKS: { readonly [K in CheckId]: CheckExplainer } = {
  'row-power': (tier) => {
    const p = flagship(tier);
    return {
      title: 'Row power within the hall rating',
      formula: "row MW = rackCount × kW per rack / 1000 ≤ the hall's rowPowerMw",
      inputs: [
        { label: `${p.label} per rack`, value: q(p.kwPerRack.value, 'kW') },
        {
          label: `${TIERS[tier].label} row power`,
          value: msg`≥ ${q(TIERS[tier].minRowPowerMw.value, 'MW')}`,
        },
      ],
      sources: [
        src(`${p.label}: kW per rack`, p.kwPerRack, 'kW'),
        src(`${TIERS[tier].label}: row power`, TIERS[tier].minRowPowerMw, 'MW'),
      ],
    };
  },
  'floor-load': (tier) => {
    const p = flagship(tier);
    const { coldAisleM, hotAisleM } = defaultAisles(p);
    const area = p.widthM.value * (p.depthM.value + (coldAisleM + hotAisleM) / 2);
    const kpa = (p.massKg.value * PHYSICS.gravity.value) / area / 1000;
    return {
      title: 'Distributed floor load within the floor rating',
      formula:
        "row kPa = rack mass × 9.807 / (row length × (row depth + ½ aisle each side)) / 1000 ≤ the hall's floorRatingKpa; an aisle is the clear gap to the nearest parallel row facing that side, half of it counted up to 0.9 m (also where no row faces)",
      inputs: [
        {
          label: `${p.label} between a ${n(coldAisleM)} m cold and a ${n(hotAisleM)} m hot aisle`,
          value: msg`${q(p.massKg.value, 'kg')} on ${n(area, 3)} m² → ${q(kpa, 'kPa', 2)}`,
        },
        flagshipLoad(tier),
        {
          label: 'Rated-3 floor (distributed)',
          value: q(EXPLAIN_REFERENCES.rated3Floor.value, 'kPa'),
        },
      ],
      sources: [
        src('Standard gravity', PHYSICS.gravity, 'm/s²'),
        src(`${p.label}: mass`, p.massKg, 'kg'),
        src(`${p.label}: width`, p.widthM, 'm'),
        src(`${p.label}: depth`, p.depthM, 'm'),
        src('Half aisle counted, at most', HALL_LAYOUT.maxHalfAisleM, 'm'),
        src('Rated-3 raised floor', EXPLAIN_REFERENCES.rated3Floor, 'kPa'),
      ],
    };
  },
  'floor-point-load': (tier) => {
    const p = flagship(tier);
    const feet = HALL_LAYOUT.rackFeet.value;
    const kn = (p.massKg.value * PHYSICS.gravity.value) / feet / 1000;
    return {
      title: 'Rack foot load within the point-load rating',
      formula: `kN per foot = rack mass × 9.807 / ${feet} / 1000 ≤ the hall's pointLoadRatingKn (empty: the tier's default)`,
      inputs: [
        {
          label: `${p.label} on ${feet} feet`,
          value: msg`${q(p.massKg.value, 'kg')} → ${q(kn, 'kN', 2)} per foot`,
        },
        {
          label: `${TIERS[tier].label} point-load rating (default)`,
          value: q(TIERS[tier].pointLoadRatingKn.value, 'kN'),
        },
      ],
      sources: [
        src('Standard gravity', PHYSICS.gravity, 'm/s²'),
        src(`${p.label}: mass`, p.massKg, 'kg'),
        src('Feet per rack', HALL_LAYOUT.rackFeet),
        src(`${TIERS[tier].label}: point-load rating`, TIERS[tier].pointLoadRatingKn, 'kN'),
      ],
    };
  },
  'hall-density': (tier) => {
    const t = TIERS[tier];
    const p = flagship(tier);
    return {
      title: "Hall density within the tier's sources",
      formula:
        "hall kW/m² = Σ row IT kW / (width × depth) ≤ the tier's ceiling: its flagship kW × white-space share / white space per rack in the densest sourced layout (footprint + ½ cold + ½ hot aisle, plus its share of in-row CDUs)",
      inputs: [
        { label: `${t.label} ceiling`, value: q(t.maxHallKwPerM2.value, 'kW/m²') },
        { label: 'White-space share (default)', value: n(t.whiteSpaceFraction.value) },
        {
          label: 'Trade figure for AI white space per rack',
          value: `${n(HALL_LAYOUT.whiteSpaceM2PerAiRack.range![0])}–${n(HALL_LAYOUT.whiteSpaceM2PerAiRack.range![1])} m² (30–50 ft²)`,
        },
      ],
      sources: [
        src(`${t.label}: hall density ceiling`, t.maxHallKwPerM2, 'kW/m²'),
        src(`${t.label}: white-space share`, t.whiteSpaceFraction),
        src(`${p.label}: kW per rack`, p.kwPerRack, 'kW'),
        src('Cold aisle (air)', HALL_LAYOUT.coldAisleAirM, 'm'),
        src('Cold aisle (liquid rack-scale)', HALL_LAYOUT.coldAisleLiquidM, 'm'),
        src('Hot aisle', HALL_LAYOUT.hotAisleM, 'm'),
        src('In-row CDU capacity', HALL_LAYOUT.cduKw, 'kW'),
        src('AI white space per rack', HALL_LAYOUT.whiteSpaceM2PerAiRack, 'm²'),
      ],
    };
  },
  'cooling-coverage': () => ({
    title: 'Every row in a cooling zone',
    formula:
      "each row is served by the first cooling zone, in file order, whose footprint contains the row's centre",
    inputs: [
      {
        label: 'Rows no zone serves',
        value: `count as air for PUE (${n(COOLING_TYPES.air.pue.value)})`,
      },
    ],
    sources: [src(`${COOLING_TYPES.air.label}: PUE`, COOLING_TYPES.air.pue)],
  }),
  'cooling-capacity': () => ({
    title: 'Cooling zones within capacity',
    formula:
      "zone load MW = Σ IT kW of the rows it serves / 1000 ≤ the zone's capacityMw (all IT power becomes heat)",
    inputs: [],
    sources: [src('Floor-mounted CDU sizes', EXPLAIN_REFERENCES.floorCdu)],
  }),
  'cooling-density': (tier) => {
    const p = flagship(tier);
    return {
      title: 'Rack density within the cooling type',
      formula: "row kW per rack ≤ the max kW per rack of its serving zone's cooling type",
      inputs: [
        { label: `${p.label} per rack`, value: q(p.kwPerRack.value, 'kW') },
        ...COOLING_TYPE_IDS.map((t) => ({
          label: `${COOLING_TYPES[t].label} limit`,
          value: q(COOLING_TYPES[t].maxKwPerRack.value, 'kW'),
        })),
      ],
      sources: COOLING_TYPE_IDS.map((t) =>
        src(`${COOLING_TYPES[t].label}: max kW per rack`, COOLING_TYPES[t].maxKwPerRack, 'kW'),
      ),
    };
  },
  'power-capacity': () => ({
    title: 'Facility power within usable capacity',
    formula:
      'facility MW = IT MW × PUE ≤ usable MW = power factor × (N: Σ MVA; N+1: Σ MVA − largest; 2N: Σ MVA / 2)',
    inputs: [],
    sources: [
      src('Power factor default', EXPLAIN_REFERENCES.powerFactor),
      src('Usable fraction by redundancy', EXPLAIN_REFERENCES.redundancy),
      ...COOLING_TYPE_IDS.map((t) => src(`${COOLING_TYPES[t].label}: PUE`, COOLING_TYPES[t].pue)),
    ],
  }),
  'fiber-connectivity': (tier) => ({
    title: 'Every hall with racks on the fiber network',
    formula:
      'each hall with racks attaches to the fiber graph: a trench vertex inside it or within 1 m of its edge, or a trench segment crossing its edge',
    inputs: [
      { label: `${TIERS[tier].label} reach`, value: q(TIERS[tier].domainReachM.value, 'm') },
    ],
    sources: [src(`${TIERS[tier].label}: domain reach`, TIERS[tier].domainReachM, 'm')],
  }),
  geometry: () => ({
    title: 'Inside the parcel; rows inside halls',
    formula:
      'every hall, cooling zone and substation lies inside the parcel polygon; every row inside its hall',
    inputs: [],
    sources: [],
  }),
  setback: () => ({
    title: 'Setback from the parcel edge',
    formula:
      'distance from each hall, cooling zone and substation to the parcel edge ≥ settings.setbackM (0: no check)',
    inputs: [],
    sources: [src('Setback example', EXPLAIN_REFERENCES.setbackExample, 'm')],
  }),
  overlap: () => ({
    title: 'No overlapping halls or rows',
    formula: 'no two halls overlap; no two rows overlap',
    inputs: [],
    sources: [src('Aisle pitch', EXPLAIN_REFERENCES.aislePitch, 'm')],
  }),
  'tier-floor': (tier) => {
    const T = TIERS[tier];
    const p = flagship(tier);
    return {
      title: 'Floor rating meets the tier',
      formula: msg`hall floorRatingKpa ≥ ${q(T.minFloorKpa.value, 'kPa')} (the ${T.label} minimum)`,
      inputs: [
        {
          label: `${T.label} minimum floor`,
          value: qBoth(T.minFloorKpa.value),
        },
        flagshipLoad(tier),
      ],
      sources: [
        src(`${T.label}: minimum floor`, T.minFloorKpa, 'kPa'),
        src(`${p.label}: mass`, p.massKg, 'kg'),
        src('Rated-3 raised floor', EXPLAIN_REFERENCES.rated3Floor, 'kPa'),
      ],
    };
  },
  'tier-cooling': (tier) => {
    const T = TIERS[tier];
    return {
      title: 'Cooling types the tier allows',
      formula: `every cooling zone serving racks is of a type the ${T.label} tier allows: ${T.coolingAllowed.value.join(', ')}`,
      inputs: [
        { label: 'Allowed', value: T.coolingAllowed.value.join(', ') },
        { label: `${T.label} design density`, value: q(T.designKwPerRack.value, 'kW per rack') },
      ],
      sources: [
        src(`${T.label}: cooling allowed`, T.coolingAllowed),
        ...T.coolingAllowed.value.map((t) =>
          src(`${COOLING_TYPES[t].label}: max kW per rack`, COOLING_TYPES[t].maxKwPerRack, 'kW'),
        ),
      ],
    };
  },
  'tier-density': (tier) => {
    const T = TIERS[tier];
    return {
      title: "Racks at the tier's design density",
      formula: msg`row kW per rack ≥ ${q(T.designKwPerRack.value, 'kW')} (the ${T.label} design density; below it: warn)`,
      inputs: [
        { label: `${T.label} design density`, value: q(T.designKwPerRack.value, 'kW per rack') },
      ],
      sources: [src(`${T.label}: design kW per rack`, T.designKwPerRack, 'kW')],
    };
  },
  'tier-row-power': (tier) => {
    const T = TIERS[tier];
    return {
      title: 'Row power meets the tier',
      formula: msg`hall rowPowerMw ≥ ${q(T.minRowPowerMw.value, 'MW')} (the ${T.label} row)`,
      inputs: [{ label: `${T.label} row power`, value: q(T.minRowPowerMw.value, 'MW') }],
      sources: [src(`${T.label}: row power`, T.minRowPowerMw, 'MW')],
    };
  },
  'tier-redundancy': (tier) => {
    const T = TIERS[tier];
    const min = T.minRedundancy.value;
    const rec = T.recommendedRedundancy.value;
    return {
      title: 'Power redundancy meets the tier',
      formula:
        rec === min
          ? `settings.redundancy ≥ ${min} (N < N+1 < 2N; below it: fail)`
          : `settings.redundancy ≥ ${min} (below it: fail); ≥ ${rec} recommended (below it: warn); N < N+1 < 2N`,
      inputs: [
        { label: `${T.label} minimum`, value: min },
        { label: `${T.label} recommended`, value: rec },
      ],
      sources: [
        src(`${T.label}: minimum redundancy`, T.minRedundancy),
        src(`${T.label}: recommended redundancy`, T.recommendedRedundancy),
        src('Usable fraction by redundancy', EXPLAIN_REFERENCES.redundancy),
      ],
    };
  },
  'fiber-density': (tier) => {
    const T = TIERS[tier];
    return {
      title: 'Trench fiber count meets the tier',
      formula: `every trench fiberCount ≥ ${n(T.minTrenchFibers.value)} (the ${T.label} minimum)`,
      inputs: [{ label: `${T.label} minimum`, value: q(T.minTrenchFibers.value, 'fibers') }],
      sources: [
        src(`${T.label}: trench fibers`, T.minTrenchFibers, 'fibers'),
        src('Cable fiber counts', EXPLAIN_REFERENCES.cableCounts),
      ],
    };
  },
  'hall-feed': () => ({
    title: 'Every hall fed from a substation within its feeders',
    formula:
      'a feeder that attaches to a substation and a hall (a vertex in or within 1 m, or a crossing of the edge) feeds it; power factor × hall feed MVA (Σ its feeders; N+1: less the largest; 2N: half) ≥ hall IT MW × PUE; no feeders drawn at all: warn',
    inputs: [],
    sources: [
      src('Power factor default', EXPLAIN_REFERENCES.powerFactor),
      src('Usable fraction by redundancy', EXPLAIN_REFERENCES.redundancy),
    ],
  }),
  'backup-power': (tier) => ({
    title: 'Backup generation covers the facility load',
    formula: `backup MW (Σ units × unitMw${TIERS[tier].minRedundancy.value !== 'N' ? ', each yard’s largest unit left out' : ''}) ≥ facility MW; short: warn — many AI training halls run on reduced backup (generators for cooling and critical loads, the training load riding on batteries and restarts), so a shortfall is a design choice to state, not an error`,
    inputs: [],
    sources: [
      src('Diesel genset rating', GENERATOR.unitMw, 'MW'),
      src(`${TIERS[tier].label}: redundancy`, TIERS[tier].minRedundancy),
    ],
  }),
  'phase-power': () => ({
    title: 'Every phase powered when it comes online',
    formula:
      'for each phase k: facility MW of the halls of phase ≤ k ≤ usable MW of the substations of phase ≤ k (rule 4, same redundancy and power factor); fails naming the first short phase',
    inputs: [
      {
        label: 'Why it matters',
        value:
          'A hall energized before its substation has no power: grid interconnection takes years (36–48 months in Northern Virginia) and switchgear 46–48 weeks, so the substation has to be in the same phase as the halls it feeds, or an earlier one',
      },
    ],
    sources: [],
  }),
  'phase-cooling': () => ({
    title: 'Every phase cooled when it comes online',
    formula:
      'for each phase k: heat to reject of the rows of phase ≤ k ≤ plant MW of the cooling plants of phase ≤ k (rule 11, largest unit spare at N+1 or above); no plants at all: warn',
    inputs: [],
    sources: [],
  }),
  'heat-rejection': (tier) => ({
    title: 'Cooling plant rejects the heat',
    formula: `plant MW (Σ units × unitMw${TIERS[tier].minRedundancy.value !== 'N' ? ', each plant’s largest unit left out' : ''}) ≥ heat to reject (Σ cooling zone loads); no plants drawn at all: warn`,
    inputs: [],
    sources: PLANT_TYPE_IDS.map((id) =>
      src(`${PLANT_TYPES[id].label}: unit`, PLANT_TYPES[id].unitMw, 'MW'),
    ),
  }),
  'latency-domain': (tier) => {
    const T = TIERS[tier];
    const reachUs = oneWayLatencyUs(T.domainReachM.value);
    const hops = NETWORK.hopsPerPath.value;
    const hopUs = NETWORK.switchHopUs.value;
    return {
      title: 'Largest latency domain holds a training cluster',
      formula: msg`largest latency domain GPUs ≥ ${n(T.clusterGpus.value)}; a domain's halls are pairwise within ${q(T.domainReachM.value, 'm')} of fiber (one-way µs = ${perKmFormula()} + ${n(hops)} hops × ${n(hopUs)} µs)`,
      inputs: [
        { label: `${T.label} training cluster`, value: q(T.clusterGpus.value, 'GPUs') },
        {
          label: 'Reach',
          value: msg`${q(T.domainReachM.value, 'm')} (${q(reachUs, 'µs')} one-way with ${n(hops)} switch hops)`,
        },
        reachMeaning(T.domainReachM.value),
      ],
      sources: [
        src(`${T.label}: cluster GPUs`, T.clusterGpus, 'GPUs'),
        src(`${T.label}: domain reach`, T.domainReachM, 'm'),
        src('Propagation in single-mode fiber', PHYSICS.fiberUsPerKm, 'µs/km'),
        src('Switch hop', NETWORK.switchHopUs, 'µs'),
        src('Switch hops per path', NETWORK.hopsPerPath),
        src('Scale-across threshold', NETWORK.scaleAcrossM, 'm'),
      ],
    };
  },
};

/**
 * What a check tests and where its thresholds come from under `tier`. With a report, the inputs
 * end with the check's status and message in that report.
 */
export function explainCheck(id: CheckId, tier: TierId, report?: Report): Explanation {
  const e = CHECKS[id](tier);
  const check = report?.checks.find((c) => c.id === id);
  if (!check) return e;
  return {
    ...e,
    inputs: [
      ...e.inputs,
      { label: 'Status', value: check.status },
      { label: 'Result', value: check.message },
    ],
  };
}
