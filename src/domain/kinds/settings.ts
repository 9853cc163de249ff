import { z } from 'zod';
import { REDUNDANCY_LEVELS, TIER_IDS } from '../catalog';
// From anchor.ts itself, not '../geo': the geo index also holds the GeoJSON export, which imports
// the kinds (a cycle).
import { siteAnchorSchema } from '../geo/anchor';
import { oneOf, ranged } from './fields';

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
};
