import type { TierId } from '../catalog';
import { defaultSettings, type Settings } from '../kinds';
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
