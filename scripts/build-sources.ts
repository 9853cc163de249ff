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
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  TIER_IDS,
  TIERS,
  type Grade,
  type Sourced,
} from '../src/domain/catalog';
import { LESSON_DEFAULTS, TRADITIONAL_FACILITY } from '../src/domain/lessons';
import { EXPLAIN_REFERENCES } from '../src/domain/report/explain';
import { PHYSICS } from '../src/domain/units';

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

function rackProfiles(): string {
  return RACK_PROFILE_IDS.map((id) => {
    const p = RACK_PROFILES[id];
    const entries: Entry[] = [
      { item: 'kW per rack', unit: 'kW', s: p.kwPerRack },
      { item: 'GPUs per rack (packages)', unit: 'GPUs', s: p.gpusPerRack },
      { item: 'mass per rack', unit: 'kg', s: p.massKg },
      { item: 'footprint width (along the row)', unit: 'm', s: p.widthM },
      { item: 'footprint depth (across the row)', unit: 'm', s: p.depthM },
    ];
    return `### ${code(id)} — ${p.label}\n\nDefault cooling: ${code(p.defaultCooling)}.\n\n${table(entries)}`;
  }).join('\n\n');
}

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

function tiers(): string {
  return TIER_IDS.map((id) => {
    const t = TIERS[id];
    const entries: Entry[] = [
      { item: 'design kW per rack (`tier-density`)', unit: 'kW', s: t.designKwPerRack },
      { item: 'minimum floor rating (`tier-floor`)', unit: 'kPa', s: t.minFloorKpa },
      { item: 'cooling types allowed (`tier-cooling`)', unit: '', s: t.coolingAllowed },
      { item: 'minimum row power (`tier-row-power`)', unit: 'MW', s: t.minRowPowerMw },
      { item: 'minimum redundancy (`tier-redundancy`)', unit: '', s: t.minRedundancy },
      { item: 'minimum fibers per trench (`fiber-density`)', unit: 'fibers', s: t.minTrenchFibers },
      { item: 'latency-domain reach', unit: 'm', s: t.domainReachM },
      { item: 'training-cluster size (`latency-domain`)', unit: 'GPUs', s: t.clusterGpus },
    ];
    return `### ${code(id)} — ${t.label}\n\nFlagship rack: ${code(t.flagshipProfile)}.\n\n${table(entries)}`;
  }).join('\n\n');
}

const LESSON_UNITS: Readonly<Record<keyof typeof LESSON_DEFAULTS, string>> = {
  rowRacksLiquid: 'racks',
  rowRacksAir: 'racks',
  whiteSpaceFt2Liquid: 'ft² per rack',
  whiteSpaceFt2Air: 'ft² per rack',
  hallWhiteSpaceM2: 'm²',
  fibersPerRackBase: 'fibers per rack',
  fibersPerGpu: 'fibers per GPU',
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
    '## Tiers',
    tiers(),
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
  const text = sourcesMarkdown();
  if (args.includes('--check')) {
    let current: string | null;
    try {
      current = readFileSync(SOURCES_PATH, 'utf8');
    } catch {
      current = null;
    }
    if (current !== text) {
      console.error('docs/sources.md is not current (run npm run sources)');
      return 1;
    }
    console.log('docs/sources.md is current');
    return 0;
  }
  writeFileSync(SOURCES_PATH, text);
  console.log('wrote docs/sources.md');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
