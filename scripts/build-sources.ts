/**
 * Writes docs/sources.md — every default value of the catalog with its unit, basis, source and
 * confidence grade — from the catalog itself (src/domain/catalog, and the few planner defaults and
 * reference figures kept beside the code that uses them), so the page and the code never drift.
 *
 *   npx tsx scripts/build-sources.ts           write the file   (npm run sources)
 *   npx tsx scripts/build-sources.ts --check   only say whether the committed file is current
 *
 * scripts/sources.test.ts fails when the committed page is not what this script writes.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BESS,
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  HALL_LAYOUT,
  NETWORK,
  GENERATOR,
  PLANT_TYPE_IDS,
  PLANT_TYPES,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  TIER_IDS,
  TIERS,
  type Grade,
  type RackProfile,
  type Sourced,
  type Tier,
} from '../src/domain/catalog';
import { COST_ITEMS } from '../src/domain/catalog/cost';
import { COST_RECONCILIATION } from '../src/domain/report/explain';
import { LESSON_DEFAULTS, TRADITIONAL_FACILITY } from '../src/domain/lessons';
import { EXPLAIN_REFERENCES } from '../src/domain/report/explain';
import { PHYSICS } from '../src/domain/units';
import { writeOrCheck } from './generatedFile';

export const SOURCES_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'docs',
  'sources.md',
);

type AnySourced = Sourced<unknown>;

/** One table row: what the value is, its unit, and the sourced value. */
interface Entry {
  readonly item: string;
  readonly unit: string;
  readonly s: AnySourced;
}

const GRADES: Readonly<Record<Grade, string>> = {
  A: 'a vendor or standards document',
  B: 'reputable press, or several sources that agree',
  C: 'a single source, or sources that disagree (the range shows the spread)',
  D: 'arithmetic on graded figures',
  X: 'no public figure found: an estimate, labelled so in the app',
};

const numberText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

function valueText(v: unknown): string {
  if (typeof v === 'number') return numberText.format(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x)).join(', ');
  return String(v);
}

/** Table cells may not hold a bare "|" or a line break. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(entries: readonly Entry[]): string {
  const lines = [
    '| item | value | unit | range | grade | basis and source |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { item, unit, s } of entries) {
    const range = s.range ? `${valueText(s.range[0])}–${valueText(s.range[1])}` : '';
    const grade = s.estimate && s.grade !== 'X' ? `${s.grade} (estimate)` : s.grade;
    lines.push(
      `| ${[item, valueText(s.value), unit, range, grade, s.basis].map(cell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

const code = (id: string) => `\`${id}\``;

/** Per catalog entry: a row per field, as [what it is, unit, the sourced value]. */
type Fields<T> = readonly (readonly [item: string, unit: string, get: (x: T) => AnySourced])[];

/** One section per catalog entry: its id and label as heading, a line about it, its table. */
function sections<T extends { readonly label: string }>(
  entries: readonly (readonly [string, T])[],
  fields: Fields<T>,
  note: (x: T) => string,
): string {
  return entries
    .map(([id, x]) => {
      const rows = fields.map(([item, unit, get]) => ({ item, unit, s: get(x) }));
      return `### ${code(id)} — ${x.label}\n\n${note(x)}\n\n${table(rows)}`;
    })
    .join('\n\n');
}

const PROFILE_FIELDS: Fields<RackProfile> = [
  ['kW per rack', 'kW', (p) => p.kwPerRack],
  ['GPUs per rack (packages)', 'GPUs', (p) => p.gpusPerRack],
  ['mass per rack', 'kg', (p) => p.massKg],
  ['footprint width (along the row)', 'm', (p) => p.widthM],
  ['footprint depth (across the row)', 'm', (p) => p.depthM],
];

const TIER_FIELDS: Fields<Tier> = [
  ['design kW per rack (`tier-density`)', 'kW', (t) => t.designKwPerRack],
  ['minimum floor rating (`tier-floor`)', 'kPa', (t) => t.minFloorKpa],
  ['cooling types allowed (`tier-cooling`)', '', (t) => t.coolingAllowed],
  ['minimum row power (`tier-row-power`)', 'MW', (t) => t.minRowPowerMw],
  ['minimum redundancy (`tier-redundancy`)', '', (t) => t.minRedundancy],
  ['minimum fibers per trench (`fiber-density`)', 'fibers', (t) => t.minTrenchFibers],
  ['latency-domain reach', 'm', (t) => t.domainReachM],
  ['training-cluster size (`latency-domain`)', 'GPUs', (t) => t.clusterGpus],
  [
    'white-space share of a hall (default of `whiteSpaceFraction`)',
    '',
    (t) => t.whiteSpaceFraction,
  ],
  [
    'point-load rating (default of `pointLoadRatingKn`, `floor-point-load`)',
    'kN',
    (t) => t.pointLoadRatingKn,
  ],
  ['hall density ceiling (`hall-density`)', 'kW/m²', (t) => t.maxHallKwPerM2],
];

const rackProfiles = (): string =>
  sections(
    RACK_PROFILE_IDS.map((id) => [id, RACK_PROFILES[id]] as const),
    PROFILE_FIELDS,
    (p) => `Default cooling: ${code(p.defaultCooling)}.`,
  );

const tiers = (): string =>
  sections(
    TIER_IDS.map((id) => [id, TIERS[id]] as const),
    TIER_FIELDS,
    (t) => `Flagship rack: ${code(t.flagshipProfile)}.`,
  );

function coolingTypes(): string {
  const entries: Entry[] = COOLING_TYPE_IDS.flatMap((id) => {
    const c = COOLING_TYPES[id];
    return [
      { item: `${code(id)} (${c.label}): max heat per rack`, unit: 'kW', s: c.maxKwPerRack },
      { item: `${code(id)} (${c.label}): planning PUE`, unit: '', s: c.pue },
    ];
  });
  return table(entries);
}

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

function plantTypes(): string {
  const entries: Entry[] = PLANT_TYPE_IDS.flatMap((id) => {
    const p = PLANT_TYPES[id];
    return [
      {
        item: `${code(id)} (${p.label}): water use (WUE)`,
        unit: 'L per kWh of IT energy',
        s: p.wueLPerKwh,
      },
      { item: `${code(id)} (${p.label}): heat rejected per unit`, unit: 'MW', s: p.unitMw },
    ];
  });
  return table(entries);
}

const GENERATOR_UNITS: Readonly<Record<keyof typeof GENERATOR, string>> = {
  unitMw: 'MW per genset',
  units: 'gensets per new yard',
};
const BESS_UNITS: Readonly<Record<keyof typeof BESS, string>> = {
  powerMw: 'MW per new yard',
  durationH: 'hours at full power',
};

const LESSON_UNITS: Readonly<Record<keyof typeof LESSON_DEFAULTS, string>> = {
  rowRacksLiquid: 'racks',
  rowRacksAir: 'racks',
  whiteSpaceFt2Liquid: 'ft² per rack',
  whiteSpaceFt2Air: 'ft² per rack',
  hallWhiteSpaceM2: 'm²',
  fibersPerRackBase: 'fibers per rack',
  fibersPerGpu: 'fibers per GPU',
  plantM2PerMw: 'm² per MW rejected',
  gensetM2PerMw: 'm² per MW of gensets',
  utilization: 'mean IT load ÷ IT capacity',
};

const FACILITY_UNITS: Readonly<Record<keyof typeof TRADITIONAL_FACILITY, string>> = {
  floorKpa: 'kPa',
  airMaxKw: 'kW',
  airTypicalKw: 'kW',
  rowMw: 'MW',
};

const REFERENCE_UNITS: Readonly<Record<keyof typeof EXPLAIN_REFERENCES, string>> = {
  rated3Floor: 'kPa',
  powerFactor: '',
  redundancy: '',
  gridConnection: '',
  floorCdu: '',
  cableCounts: '',
  landPerMw: '',
  setbackExample: 'm',
  aislePitch: 'm',
  opticReach: '',
};

const PHYSICS_UNITS: Readonly<Record<keyof typeof PHYSICS, string>> = {
  gravity: 'm/s²',
  fiberUsPerKm: 'µs per km',
  metresPerMile: 'm',
  squareMetresPerAcre: 'm²',
  kpaPerPsf: 'kPa per psf',
};

function entriesOf<K extends string>(
  values: Readonly<Record<K, AnySourced>>,
  units: Readonly<Record<K, string>>,
): Entry[] {
  return (Object.keys(values) as K[]).map((k) => ({ item: code(k), unit: units[k], s: values[k] }));
}

/** The text of docs/sources.md. */
export function sourcesMarkdown(): string {
  const grades = (Object.keys(GRADES) as Grade[]).map((g) => `- **${g}** — ${GRADES[g]}.`);
  return `${[
    '# Sources of the default values',
    '<!-- Generated by scripts/build-sources.ts from src/domain/catalog (npm run sources); do not edit by hand. -->',
    'Every default the planner uses — rack profiles, cooling types, tier thresholds, planner defaults and ' +
      'physical constants — with its value, unit, the spread the sources give (range), its confidence ' +
      'grade and its basis: where the figure comes from, or how it was worked out. The app shows the ' +
      "same basis and grade in each figure's ⓘ explanation; [rules.md](rules.md) says where each value is used.",
    'Grades:',
    grades.join('\n'),
    'A value marked "estimate" is one no public source fixes: a planner default chosen to make the ' +
      'escalation between tiers visible, or an estimate where nothing is published. Override a rack ' +
      "profile's kW and mass per row (`kwPerRack`, `massKg`) and the layout's PUE and power factor in " +
      'its settings.',
    '## Rack profiles',
    rackProfiles(),
    '## Cooling types',
    coolingTypes(),
    '## Hall layout',
    '"Fill hall with rows", the distributed floor load and the `hall-density` ceilings use these.',
    table(entriesOf(HALL_LAYOUT, HALL_LAYOUT_UNITS)),
    '## Tiers',
    tiers(),
    '## Network',
    'The latency domains add these switch hops to the fiber propagation.',
    table([
      { item: code('switchHopUs'), unit: 'µs', s: NETWORK.switchHopUs },
      { item: code('hopsPerPath'), unit: 'hops', s: NETWORK.hopsPerPath },
      { item: code('scaleAcrossM'), unit: 'm', s: NETWORK.scaleAcrossM },
    ]),
    '## Cooling plant types',
    'Heat rejection outside the halls (format version 2): the site water each type uses and the ' +
      'default size of one unit of a new plant (`unitMw`, editable per plant).',
    plantTypes(),
    '## Generator and battery yards',
    'Defaults of new generator yards (`units`, `unitMw`) and battery yards (`powerMw`; ' +
      '`energyMwh` = power × duration).',
    table([...entriesOf(GENERATOR, GENERATOR_UNITS), ...entriesOf(BESS, BESS_UNITS)]),
    '## Costs (rule 14, US dollars, estimates)',
    'Unit costs of capex (`settings.costs` overrides any of them by item id). The `it-rack-*` items ' +
      'price the IT equipment, shown apart from facility capex. Every money figure is an estimate.',
    `How the defaults reconcile the public anchors: ${COST_RECONCILIATION}`,
    table(
      COST_ITEMS.map((c) => ({
        item: `${code(c.id)} (${c.label}): includes ${c.includes}`,
        unit: `USD per ${c.unit}`,
        s: c.usd,
      })),
    ),
    '## Planner defaults of the density lesson',
    'The "How density drives infrastructure" lesson sizes rows, white space and fiber with these.',
    table(entriesOf(LESSON_DEFAULTS, LESSON_UNITS)),
    'What a traditional facility offers, the yardstick of the lesson:',
    table(entriesOf(TRADITIONAL_FACILITY, FACILITY_UNITS)),
    '## Reference figures the explanations cite',
    'Not inputs of any rule (the power factor used is `settings.powerFactor`), but shown beside the ' +
      'figures they help to judge.',
    table(entriesOf(EXPLAIN_REFERENCES, REFERENCE_UNITS)),
    '## Physical constants',
    table(entriesOf(PHYSICS, PHYSICS_UNITS)),
  ].join('\n\n')}\n`;
}

function main(args: readonly string[]): number {
  return writeOrCheck(SOURCES_PATH, sourcesMarkdown(), {
    check: args.includes('--check'),
    name: 'docs/sources.md',
    command: 'npm run sources',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
