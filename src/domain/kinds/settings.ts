import * as z from 'zod/mini';
import { REDUNDANCY_LEVELS, TIER_IDS } from '../catalog';
// From anchor.ts itself, not '../geo': the geo index also holds the GeoJSON export, which imports
// the kinds (a cycle).
import { siteAnchorSchema } from '../geo/anchor';
import { id, LIMITS, name, oneOf, ranged } from './fields';

/** "YYYY-MM": a month, 1900-01 to 2999-12. */
const MONTH = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/;

/** A construction phase (format version 2): the elements built in it come online together. */
export const phaseSchema = z.object(
  {
    id: id(),
    name: name(),
    /** The month the phase is energized, "YYYY-MM", or null when not planned. */
    energize: z._default(
      z.nullable(
        z
          .string({ error: 'must be a month "YYYY-MM" or null' })
          .check(z.regex(MONTH, { error: 'must be a month "YYYY-MM" (e.g. "2026-04") or null' })),
      ),
      null,
    ),
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
    targetTier: z._default(oneOf(TIER_IDS, 'tiers'), 'blackwell'),
    redundancy: z._default(oneOf(REDUNDANCY_LEVELS, 'redundancy levels'), 'N+1'),
    powerFactor: z._default(ranged(0.5, 1, ''), 0.95),
    /** null: derive from the cooling types; a number overrides. */
    pue: z._default(z.nullable(ranged(1, 5, '')), null),
    /** Minimum distance of buildings from the parcel edge, m; 0 = no check. */
    setbackM: z._default(ranged(0, 10_000, 'm'), 0),
    /**
     * Construction phases, in order (format version 2): at least one, ids unique (parse.ts checks).
     * An element names its phase by `phaseId`; without one it is in the first phase.
     */
    phases: z._default(
      z
        .array(phaseSchema, { error: 'must be a list of phases' })
        .check(
          z.minLength(1, { error: 'must have at least one phase' }),
          z.maxLength(LIMITS.phases, { error: `must have at most ${LIMITS.phases} phases` }),
        ),
      defaultPhases,
    ),
    /** Mean IT load ÷ IT capacity, for annual energy and water (0–1). */
    utilization: z._default(ranged(0, 1, ''), 0.8),
    /** USD per MWh; null hides energy cost. */
    energyPricePerMwh: z._default(z.nullable(ranged(0, 100_000, 'USD per MWh')), null),
    /** USD per IT MW per year; null hides revenue and payback. */
    revenuePerMwYear: z._default(z.nullable(ranged(0, 1_000_000_000, 'USD per MW-year')), null),
    /** Overrides of the catalog's unit costs, USD per the item's unit, by cost item id. */
    costs: z._default(
      z
        .record(
          z
            .string()
            .check(
              z.regex(COST_ID, { error: COST_ID_MESSAGE }),
              z.maxLength(100, { error: COST_ID_MESSAGE }),
            ),
          ranged(0, 1e12, 'USD'),
          {
            error: (issue) =>
              issue.code === 'invalid_key'
                ? COST_ID_MESSAGE
                : 'must be an object of cost item id → USD',
          },
        )
        .check(
          z.refine((c) => Object.keys(c).length <= LIMITS.costOverrides, {
            error: `must have at most ${MAX_COST_TEXT} cost overrides`,
          }),
        ),
      () => ({}),
    ),
    /**
     * Where the campus sits on the Earth (for the GeoJSON export). Optional: missing and null both
     * mean "not placed". It is left out of the output when missing (no default is filled in) and
     * the serializer omits it when null, so files without a site — every file written before this
     * field — read and write back byte-identically.
     */
    site: z.optional(z.nullable(siteAnchorSchema)).register(z.globalRegistry, {
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
