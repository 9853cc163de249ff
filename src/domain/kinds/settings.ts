import { z } from 'zod';
import { REDUNDANCY_LEVELS, TIER_IDS } from '../catalog';
// From anchor.ts itself, not '../geo': the geo index also holds the GeoJSON export, which imports
// the kinds (a cycle).
import { siteAnchorSchema } from '../geo/anchor';
import { id, LIMITS, MAX_TEXT, oneOf, ranged } from './fields';

/** "YYYY-MM": a month, 1900-01 to 2999-12. */
const MONTH = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/;

/** A construction phase (format version 2): the elements built in it come online together. */
export const phaseSchema = z.object(
  {
    id: id(),
    name: z
      .string({ error: 'must be text' })
      .max(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters` })
      .default(''),
    /** The month the phase is energized, "YYYY-MM", or null when not planned. */
    energize: z
      .string({ error: 'must be a month "YYYY-MM" or null' })
      .regex(MONTH, { error: 'must be a month "YYYY-MM" (e.g. "2026-04") or null' })
      .nullable()
      .default(null),
  },
  { error: 'must be a phase object' },
);
export type Phase = z.output<typeof phaseSchema>;

/** The one phase of a layout that names none (and of every migrated version 1 file). */
export const DEFAULT_PHASE: Phase = { id: 'ph-1', name: 'Phase 1', energize: null };
export const defaultPhases = (): Phase[] => [{ ...DEFAULT_PHASE }];

/** A cost item id (the catalog's, e.g. "hall-mw-dlc", "it-rack-gb300-nvl72"): lower-case words and digits joined by "-". */
const COST_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const COST_ID_MESSAGE = 'must be a cost item id (lower-case letters, digits and "-")';
const MAX_COST_TEXT = LIMITS.costOverrides.toLocaleString('en-US');

export const settingsSchema = z.object(
  {
    targetTier: oneOf(TIER_IDS, 'tiers').default('blackwell'),
    redundancy: oneOf(REDUNDANCY_LEVELS, 'redundancy levels').default('N+1'),
    powerFactor: ranged(0.5, 1, '').default(0.95),
    /** null: derive from the cooling types; a number overrides. */
    pue: ranged(1, 5, '').nullable().default(null),
    /** Minimum distance of buildings from the parcel edge, m; 0 = no check. */
    setbackM: ranged(0, 10_000, 'm').default(0),
    /**
     * Construction phases, in order (format version 2): at least one, ids unique (parse.ts checks).
     * An element names its phase by `phaseId`; without one it is in the first phase.
     */
    phases: z
      .array(phaseSchema, { error: 'must be a list of phases' })
      .min(1, { error: 'must have at least one phase' })
      .max(LIMITS.phases, { error: `must have at most ${LIMITS.phases} phases` })
      .default(defaultPhases),
    /** Mean IT load ÷ IT capacity, for annual energy and water (0–1). */
    utilization: ranged(0, 1, '').default(0.8),
    /** USD per MWh; null hides energy cost. */
    energyPricePerMwh: ranged(0, 100_000, 'USD per MWh').nullable().default(null),
    /** USD per IT MW per year; null hides revenue and payback. */
    revenuePerMwYear: ranged(0, 1_000_000_000, 'USD per MW-year').nullable().default(null),
    /** Overrides of the catalog's unit costs, USD per the item's unit, by cost item id. */
    costs: z
      .record(
        z.string().regex(COST_ID, { error: COST_ID_MESSAGE }).max(100, { error: COST_ID_MESSAGE }),
        ranged(0, 1e12, 'USD'),
        {
          error: (issue) =>
            issue.code === 'invalid_key'
              ? COST_ID_MESSAGE
              : 'must be an object of cost item id → USD',
        },
      )
      .refine((c) => Object.keys(c).length <= LIMITS.costOverrides, {
        error: `must have at most ${MAX_COST_TEXT} cost overrides`,
      })
      .default(() => ({})),
    /**
     * Where the campus sits on the Earth (for the GeoJSON export). Optional: missing and null both
     * mean "not placed". It is left out of the output when missing (no default is filled in) and
     * the serializer omits it when null, so files without a site — every file written before this
     * field — read and write back byte-identically.
     */
    site: siteAnchorSchema.nullable().optional().meta({
      description:
        'Where the campus sits on the Earth, for the GeoJSON export: the latitude and longitude (WGS84 degrees) of the campus origin (0, 0), and bearingDeg, the compass direction of the campus "up" (−y) axis, clockwise from true north. Missing or null: not placed.',
    }),
  },
  { error: 'must be a settings object' },
);
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  targetTier: 'blackwell',
  redundancy: 'N+1',
  powerFactor: 0.95,
  pue: null,
  setbackM: 0,
  phases: defaultPhases(),
  utilization: 0.8,
  energyPricePerMwh: null,
  revenuePerMwYear: null,
  costs: {},
};

/** Fresh default settings (lists and objects not shared with other layouts). */
export const defaultSettings = (): Settings => ({
  ...DEFAULT_SETTINGS,
  phases: defaultPhases(),
  costs: {},
});
