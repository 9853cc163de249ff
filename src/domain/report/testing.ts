import type { TierId } from '../catalog';
import {
  createCoolingPlant,
  createGeneratorYard,
  createPowerFeeder,
  defaultSettings,
  type Settings,
} from '../kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';
import { computeReport } from './computeReport';
import type { Check, CheckId, Report } from './types';

/** Test helpers: a layout from parts (2 km square parcel, default settings unless given). */
export function layoutOf(
  parts: Partial<Omit<Layout, 'format' | 'version' | 'settings'>> & {
    settings?: Partial<Settings>;
  } = {},
): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name: parts.name ?? 'Test campus',
    settings: { ...defaultSettings(), ...parts.settings },
    parcel: parts.parcel ?? {
      points: [
        [-1000, -1000],
        [1000, -1000],
        [1000, 1000],
        [-1000, 1000],
      ],
    },
    halls: parts.halls ?? [],
    rackRows: parts.rackRows ?? [],
    coolingZones: parts.coolingZones ?? [],
    substations: parts.substations ?? [],
    fiberTrenches: parts.fiberTrenches ?? [],
    generatorYards: parts.generatorYards ?? [],
    batteryYards: parts.batteryYards ?? [],
    coolingPlants: parts.coolingPlants ?? [],
    powerFeeders: parts.powerFeeders ?? [],
  };
}

/** One check of a report, by id. */
export function checkOf(report: Report, id: CheckId): Check {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

/** Compute the report and return one check. */
export function runCheck(layout: Layout, id: CheckId, tier?: TierId): Check {
  return checkOf(computeReport(layout, tier ? { tier } : {}), id);
}

/** Every number anywhere in a value (for "no NaN, no Infinity" tests), with its path. */
export function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  }
  return [];
}

/**
 * The layout with what rules 9–11 want drawn, sized from its own report, for tests whose subject
 * is something else: every hall with racks gets two feeders straight from the first substation
 * (each able to carry the hall's facility load, so N, N+1 and 2N all pass), and the campus gets
 * one generator yard and one dry-cooler plant, each with two spare units, south of everything.
 * Needs at least one substation. Not a planner's layout: the feeders run centre to centre.
 */
export function withCampusPlant(layout: Layout): Layout {
  const sub = layout.substations[0];
  if (!sub) throw new Error('withCampusPlant needs a substation');
  const report = computeReport(layout);
  const pf = layout.settings.powerFactor;
  const powerFeeders = layout.halls.flatMap((h, i) => {
    const need = (report.halls[i]?.itMw ?? 0) * report.totals.pue;
    if (need <= 0) return [];
    const capacityMva = Math.ceil(need / pf) + 1;
    return ['a', 'b'].map((s) =>
      createPowerFeeder(
        `fd-${h.id}-${s}`,
        [
          [sub.x, sub.y],
          [h.x, h.y],
        ],
        { capacityMva },
      ),
    );
  });
  const maxY = Math.max(
    ...[...layout.halls, ...layout.coolingZones, ...layout.substations].map(
      (e) => e.y + Math.max(e.width, e.depth),
    ),
  );
  const generatorYards = [
    createGeneratorYard(
      'gen-test',
      { x: sub.x, y: maxY + 40 },
      { units: Math.ceil(report.totals.facilityMw / 3) + 2, unitMw: 3 },
    ),
  ];
  const coolingPlants = [
    createCoolingPlant(
      'cp-test',
      { x: sub.x, y: maxY + 100 },
      { type: 'dry-cooler', units: Math.ceil(report.totals.itMw / 2) + 2, unitMw: 2 },
    ),
  ];
  return {
    ...layout,
    powerFeeders: [...layout.powerFeeders, ...powerFeeders],
    generatorYards: [...layout.generatorYards, ...generatorYards],
    coolingPlants: [...layout.coolingPlants, ...coolingPlants],
  };
}
