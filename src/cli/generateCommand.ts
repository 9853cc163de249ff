import {
  COOLING_TYPE_IDS,
  PLANT_TYPE_IDS,
  RACK_PROFILE_IDS,
  REDUNDANCY_LEVELS,
  TIER_IDS,
  type CoolingTypeId,
  type PlantTypeId,
  type RackProfileId,
  type Redundancy,
  type TierId,
} from '../domain/catalog';
import { MAX_FILE_BYTES, parseLayoutText, serializeLayout } from '../domain/format';
import { generateCampus, MAX_GENERATED_PHASES, type GenerateOptions } from '../domain/generate';
import { EXIT_BAD_INPUT, EXIT_OK, loadErrorText, type ReportIo } from './reportCommand';
import { safeText } from './textReport';

/**
 * The generate command (README "Generate a campus"), as a function of its arguments and I/O:
 *
 *   npm run -s generate -- --parcel <layout.json> (--mw N | --max) [--tier ID] [--phases N]
 *                          [--setback M] [--profile ID] [--redundancy R] [--cooling T] [--plant T]
 *
 * Reads the parcel (and, unless overridden, the target tier and setback) from a layout file and
 * writes the generated layout's JSON to stdout. Exit status: 0 the layout was written; 2 nothing
 * fits (the reason on stderr, one sentence), the file is missing or invalid, or bad arguments.
 */

export const GENERATE_USAGE = `usage: npm run -s generate -- --parcel <layout.json> (--mw N | --max) [options]

Generates a complete campus on the parcel of a layout file and writes its layout JSON to stdout:
halls with rows, cooling zones, substations, feeders, generator and battery yards, cooling plants
and fiber, in phases of equal MW, passing every check of the tier.

  --parcel FILE      the layout whose parcel to build on (its tier and setback are the defaults)
  --mw N             IT MW to reach (the campus lands within 5 % above it)
  --max              as much IT as fits
  --tier ID          ${TIER_IDS.join(', ')}
  --phases N         construction phases of equal MW (1–${MAX_GENERATED_PHASES}; default 1)
  --setback M        building setback from the parcel edge, m (default: the file's, else 30)
  --profile ID       rack profile (default: the tier's flagship)
  --redundancy R     ${REDUNDANCY_LEVELS.join(', ')} (default: the tier's recommendation)
  --cooling T        ${COOLING_TYPE_IDS.join(', ')}
  --plant T          ${PLANT_TYPE_IDS.join(', ')} (default dry-cooler)
  --help             this message

exit status:
  0  the layout was written
  2  nothing fits (the reason is printed), the file is missing or invalid, or bad arguments
`;

export interface GenerateArgs {
  readonly parcel: string;
  readonly target: number | 'max';
  readonly tier: TierId | null;
  readonly phases: number;
  readonly setbackM: number | null;
  readonly profile: RackProfileId | null;
  readonly redundancy: Redundancy | null;
  readonly cooling: CoolingTypeId | null;
  readonly plant: PlantTypeId | null;
}

type Parsed =
  { ok: true; args: GenerateArgs } | { ok: true; help: true } | { ok: false; message: string };

const VALUED = [
  '--parcel',
  '--mw',
  '--tier',
  '--phases',
  '--setback',
  '--profile',
  '--redundancy',
  '--cooling',
  '--plant',
] as const;
type Valued = (typeof VALUED)[number];

function oneOf<T extends string>(
  ids: readonly T[],
  name: string,
  value: string,
): { ok: true; value: T } | { ok: false; message: string } {
  return (ids as readonly string[]).includes(value)
    ? { ok: true, value: value as T }
    : { ok: false, message: `unknown ${name} ${JSON.stringify(value)}: one of ${ids.join(', ')}` };
}

export function parseGenerateArgs(argv: readonly string[]): Parsed {
  const values = new Map<Valued, string>();
  let max = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { ok: true, help: true };
    if (a === '--max') {
      max = true;
      continue;
    }
    const eq = a.indexOf('=');
    const key = (eq > 0 ? a.slice(0, eq) : a) as Valued;
    if (!VALUED.includes(key))
      return { ok: false, message: `unknown argument ${JSON.stringify(a)}` };
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { ok: false, message: `${key} needs a value` };
    values.set(key, value);
  }
  const parcel = values.get('--parcel');
  if (!parcel) return { ok: false, message: 'no --parcel layout file given' };
  const mwText = values.get('--mw');
  if (max === (mwText !== undefined)) {
    return { ok: false, message: 'give either --mw N or --max' };
  }
  const num = (key: Valued, lo: number, hi: number, whole = false) => {
    const text = values.get(key);
    if (text === undefined) return { ok: true as const, value: null };
    const v = Number(text);
    if (!Number.isFinite(v) || v < lo || v > hi || (whole && !Number.isInteger(v))) {
      return {
        ok: false as const,
        message: `${key} must be ${whole ? 'a whole number' : 'a number'} from ${lo} to ${hi.toLocaleString('en-US')}, not ${JSON.stringify(text)}`,
      };
    }
    return { ok: true as const, value: v };
  };
  const mw = num('--mw', 0.001, 1_000_000);
  if (!mw.ok) return mw;
  const phases = num('--phases', 1, MAX_GENERATED_PHASES, true);
  if (!phases.ok) return phases;
  const setback = num('--setback', 0, 10_000);
  if (!setback.ok) return setback;
  const pick = <T extends string>(key: Valued, ids: readonly T[], name: string) => {
    const text = values.get(key);
    return text === undefined ? ({ ok: true, value: null } as const) : oneOf(ids, name, text);
  };
  const tier = pick('--tier', TIER_IDS, 'tier');
  if (!tier.ok) return tier;
  const profile = pick('--profile', RACK_PROFILE_IDS, 'rack profile');
  if (!profile.ok) return profile;
  const redundancy = pick('--redundancy', REDUNDANCY_LEVELS, 'redundancy');
  if (!redundancy.ok) return redundancy;
  const cooling = pick('--cooling', COOLING_TYPE_IDS, 'cooling type');
  if (!cooling.ok) return cooling;
  const plant = pick('--plant', PLANT_TYPE_IDS, 'plant type');
  if (!plant.ok) return plant;
  return {
    ok: true,
    args: {
      parcel,
      target: max ? 'max' : mw.value!,
      tier: tier.value,
      phases: phases.value ?? 1,
      setbackM: setback.value,
      profile: profile.value,
      redundancy: redundancy.value,
      cooling: cooling.value,
      plant: plant.value,
    },
  };
}

/** The setback a generated campus keeps when none is given: the file's, else 30 m. */
export const DEFAULT_GENERATE_SETBACK_M = 30;

export function runGenerate(argv: readonly string[], io: ReportIo): number {
  const parsed = parseGenerateArgs(argv);
  if (!parsed.ok) {
    io.stderr(`error: ${safeText(parsed.message)}\n\n${GENERATE_USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if ('help' in parsed) {
    io.stdout(GENERATE_USAGE);
    return EXIT_OK;
  }
  const a = parsed.args;
  const shown = safeText(a.parcel);
  let text: string;
  try {
    const size = io.fileSize?.(a.parcel);
    if (size !== undefined && size > MAX_FILE_BYTES) {
      io.stderr(`error: ${shown} is over ${MAX_FILE_BYTES / (1024 * 1024)} MB\n`);
      return EXIT_BAD_INPUT;
    }
    text = io.readFile(a.parcel);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    io.stderr(`error: cannot read ${shown}: ${safeText(why)}\n`);
    return EXIT_BAD_INPUT;
  }
  const loaded = parseLayoutText(text);
  if (!loaded.ok) {
    io.stderr(loadErrorText(a.parcel, loaded.error));
    return EXIT_BAD_INPUT;
  }
  const file = loaded.layout;
  const options: GenerateOptions = {
    tier: a.tier ?? file.settings.targetTier,
    targetMw: a.target,
    phases: a.phases,
    setbackM:
      a.setbackM ??
      (file.settings.setbackM > 0 ? file.settings.setbackM : DEFAULT_GENERATE_SETBACK_M),
    ...(a.profile ? { profile: a.profile } : {}),
    ...(a.redundancy ? { redundancy: a.redundancy } : {}),
    ...(a.cooling ? { cooling: a.cooling } : {}),
    ...(a.plant ? { plant: a.plant } : {}),
  };
  const result = generateCampus(file.parcel, options);
  if (!result.ok) {
    io.stderr(`error: ${safeText(result.reason)}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(serializeLayout(result.layout));
  const s = result.summary;
  io.stderr(
    `generated ${s.itMw.toLocaleString('en-US', { maximumFractionDigits: 1 })} MW IT: ${s.racks.toLocaleString('en-US')} racks in ${s.halls} halls, ${s.phases} phase${s.phases === 1 ? '' : 's'}\n`,
  );
  return EXIT_OK;
}
