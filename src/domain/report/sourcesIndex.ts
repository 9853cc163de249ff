import {
  BESS,
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  GENERATOR,
  HALL_LAYOUT,
  NETWORK,
  PLANT_TYPE_IDS,
  PLANT_TYPES,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  TIER_IDS,
  TIERS,
  type Sourced,
} from '../catalog';
import { COST_ITEMS } from '../catalog/cost';
import { LESSON_DEFAULTS, TRADITIONAL_FACILITY } from '../lessons/densityComparison';
import { PHYSICS } from '../units';
import { EXPLAIN_REFERENCES } from './explain';

/**
 * Every default of the catalog as one list (the app's Sources page and the ⓘ links to it): each
 * value with a stable anchor id, its group, what it is, its unit and the Sourced value itself
 * (value, basis, grade, range). docs/sources.md is written from the same catalog objects.
 */
export interface SourceEntry {
  /** Stable anchor id: `src-<group>-<owner>-<field>`, e.g. src-tier-blackwell-minFloorKpa. */
  readonly anchor: string;
  readonly group: string;
  /** What the value is ("GB200 NVL72: kW per rack"). */
  readonly item: string;
  readonly unit: string;
  readonly s: Sourced<unknown>;
}

const PROFILE_FIELDS = [
  ['kwPerRack', 'kW per rack', 'kW'],
  ['gpusPerRack', 'GPUs per rack (packages)', 'GPUs'],
  ['massKg', 'mass per rack', 'kg'],
  ['widthM', 'footprint width (along the row)', 'm'],
  ['depthM', 'footprint depth (across the row)', 'm'],
] as const;

const TIER_FIELDS = [
  ['designKwPerRack', 'design kW per rack (tier-density)', 'kW'],
  ['minFloorKpa', 'minimum floor rating (tier-floor)', 'kPa'],
  ['coolingAllowed', 'cooling types allowed (tier-cooling)', ''],
  ['minRowPowerMw', 'minimum row power (tier-row-power)', 'MW'],
  ['minRedundancy', 'minimum redundancy (tier-redundancy)', ''],
  ['recommendedRedundancy', 'recommended redundancy (tier-redundancy)', ''],
  ['minTrenchFibers', 'minimum fibers per trench (fiber-density)', 'fibers'],
  ['domainReachM', 'latency-domain reach', 'm'],
  ['clusterGpus', 'training-cluster size (latency-domain)', 'GPUs'],
  ['whiteSpaceFraction', 'white-space share of a hall', ''],
  ['pointLoadRatingKn', 'point-load rating (floor-point-load)', 'kN'],
  ['maxHallKwPerM2', 'hall density ceiling (hall-density)', 'kW/m²'],
] as const;

const HALL_LAYOUT_UNITS: Readonly<Record<keyof typeof HALL_LAYOUT, string>> = {
  coldAisleAirM: 'm',
  coldAisleLiquidM: 'm',
  hotAisleM: 'm',
  endClearanceM: 'm',
  wallClearanceM: 'm',
  crossAisleM: 'm',
  rowRacksLiquid: 'racks',
  rowRacksAir: 'racks',
  cduKw: 'kW',
  cduPositions: 'rack positions',
  maxHalfAisleM: 'm',
  rackFeet: 'feet',
  whiteSpaceM2PerAiRack: 'm² per rack',
};

const NETWORK_UNITS: Readonly<Record<keyof typeof NETWORK, string>> = {
  switchHopUs: 'µs',
  hopsPerPath: 'hops',
  scaleAcrossM: 'm',
};

const GENERATOR_UNITS: Readonly<Record<keyof typeof GENERATOR, string>> = {
  unitMw: 'MW',
  units: 'gensets',
};

const BESS_UNITS: Readonly<Record<keyof typeof BESS, string>> = {
  powerMw: 'MW',
  durationH: 'h',
};

function flat<K extends string>(
  group: string,
  slug: string,
  values: Readonly<Record<K, Sourced<unknown>>>,
  unit: (k: K) => string,
): SourceEntry[] {
  return (Object.keys(values) as K[]).map((k) => ({
    anchor: `src-${slug}-${k}`,
    group,
    item: k,
    unit: unit(k),
    s: values[k],
  }));
}

function build(): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const id of RACK_PROFILE_IDS) {
    const p = RACK_PROFILES[id];
    for (const [key, what, unit] of PROFILE_FIELDS) {
      out.push({
        anchor: `src-profile-${id}-${key}`,
        group: 'Rack profiles',
        item: `${p.label}: ${what}`,
        unit,
        s: p[key],
      });
    }
  }
  for (const id of COOLING_TYPE_IDS) {
    const c = COOLING_TYPES[id];
    out.push(
      {
        anchor: `src-cooling-${id}-maxKwPerRack`,
        group: 'Cooling types',
        item: `${c.label}: max heat per rack`,
        unit: 'kW',
        s: c.maxKwPerRack,
      },
      {
        anchor: `src-cooling-${id}-pue`,
        group: 'Cooling types',
        item: `${c.label}: planning PUE`,
        unit: '',
        s: c.pue,
      },
    );
  }
  out.push(...flat('Hall layout', 'hall', HALL_LAYOUT, (k) => HALL_LAYOUT_UNITS[k]));
  for (const id of TIER_IDS) {
    const t = TIERS[id];
    for (const [key, what, unit] of TIER_FIELDS) {
      out.push({
        anchor: `src-tier-${id}-${key}`,
        group: 'Tiers',
        item: `${t.label}: ${what}`,
        unit,
        s: t[key],
      });
    }
  }
  out.push(...flat('Network', 'network', NETWORK, (k) => NETWORK_UNITS[k]));
  for (const id of PLANT_TYPE_IDS) {
    const p = PLANT_TYPES[id];
    out.push(
      {
        anchor: `src-plant-${id}-wueLPerKwh`,
        group: 'Cooling plant types',
        item: `${p.label}: water use (WUE)`,
        unit: 'L/kWh',
        s: p.wueLPerKwh,
      },
      {
        anchor: `src-plant-${id}-unitMw`,
        group: 'Cooling plant types',
        item: `${p.label}: heat rejected per unit`,
        unit: 'MW',
        s: p.unitMw,
      },
    );
  }
  out.push(...flat('Generator yards', 'generator', GENERATOR, (k) => GENERATOR_UNITS[k]));
  out.push(...flat('Battery yards', 'bess', BESS, (k) => BESS_UNITS[k]));
  for (const c of COST_ITEMS) {
    out.push({
      anchor: `src-cost-${c.id}`,
      group: 'Costs (USD, estimates)',
      item: `${c.label} (${c.id}): includes ${c.includes}`,
      unit: `USD per ${c.unit}`,
      s: c.usd,
    });
  }
  out.push(...flat('Density lesson', 'lesson', LESSON_DEFAULTS, () => ''));
  out.push(...flat('Traditional facility', 'facility', TRADITIONAL_FACILITY, () => ''));
  out.push(...flat('Reference figures', 'reference', EXPLAIN_REFERENCES, () => ''));
  out.push(...flat('Physical constants', 'physics', PHYSICS, () => ''));
  return out;
}

let entries: readonly SourceEntry[] | null = null;
let byValue: Map<Sourced<unknown>, string> | null = null;

/** Every default, in the order of docs/sources.md's sections. */
export function sourceEntries(): readonly SourceEntry[] {
  entries ??= build();
  return entries;
}

/**
 * The anchor of a catalog value (the first entry holding that very object: a value shared by
 * several profiles or tiers links to the first), or undefined for a figure worked out on the fly.
 */
export function sourceAnchor(s: Sourced<unknown>): string | undefined {
  if (!byValue) {
    byValue = new Map();
    for (const e of sourceEntries()) if (!byValue.has(e.s)) byValue.set(e.s, e.anchor);
  }
  return byValue.get(s);
}

/** Entries whose text (item, group, value, unit, basis, grade) holds every word of `query`. */
export function filterSources(query: string): readonly SourceEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sourceEntries();
  return sourceEntries().filter((e) => {
    const text =
      `${e.group} ${e.item} ${String(e.s.value)} ${e.unit} ${e.s.basis} grade ${e.s.grade}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
