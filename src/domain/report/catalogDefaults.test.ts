import { describe, expect, it } from 'vitest';
import { COOLING_TYPES, RACK_PROFILE_IDS, RACK_PROFILES, type RackProfileId } from '../catalog';
import { createCoolingZone, createHall, createRackRow } from '../kinds';
import { computeReport } from './computeReport';
import { checkOf, layoutOf } from './testing';

/**
 * One 100 × 40 m hall holding one row of 8 racks of `profile` at its catalog defaults (kW and
 * mass null), under one zone of the profile's default cooling type that covers the hall.
 */
function defaultRowOf(profile: RackProfileId) {
  return layoutOf({
    halls: [createHall('hall-1', { x: 0, y: 0 }, { width: 100, depth: 40, rowPowerMw: 10 })],
    rackRows: [
      createRackRow(
        'row-1',
        'hall-1',
        { x: 20, y: 10 },
        { rackCount: 8, profile, kwPerRack: null, massKg: null },
      ),
    ],
    coolingZones: [
      createCoolingZone(
        'cz-1',
        { x: 0, y: 0, width: 110, depth: 50 },
        { type: RACK_PROFILES[profile].defaultCooling, capacityMw: 100 },
      ),
    ],
  });
}

describe('the catalog’s defaults agree with the planner’s own checks', () => {
  it.each(RACK_PROFILE_IDS)(
    'a default %s row on its default cooling type passes cooling-density',
    (id) => {
      const p = RACK_PROFILES[id];
      const report = computeReport(defaultRowOf(id));
      expect(report.rows[0]!.coolingZoneId).toBe('cz-1');
      expect(report.rows[0]!.kwPerRack).toBe(p.kwPerRack.value);
      expect(checkOf(report, 'cooling-density'), `${id} on ${p.defaultCooling}`).toMatchObject({
        status: 'pass',
      });
      expect(p.kwPerRack.value).toBeLessThanOrEqual(
        COOLING_TYPES[p.defaultCooling].maxKwPerRack.value,
      );
    },
  );

  it('the Hopper-class racks default to active rear doors: 40.8 and 57 kW are over air’s 40 kW', () => {
    expect(RACK_PROFILES['hgx-h100'].defaultCooling).toBe('rdhx');
    expect(RACK_PROFILES['hgx-b200'].defaultCooling).toBe('rdhx');
    // On air instead, a default HGX B200 row fails: 57 kW/rack > 40 kW/rack.
    const onAir = defaultRowOf('hgx-b200');
    const air = layoutOf({
      ...onAir,
      coolingZones: [{ ...onAir.coolingZones[0]!, type: 'air', name: 'CRAH' }],
    });
    expect(checkOf(computeReport(air), 'cooling-density')).toMatchObject({
      status: 'fail',
      message: 'row-1: 57 kW/rack > 40 kW/rack limit of air zone CRAH',
    });
  });

  it('every default kW per rack lies within its sourced range', () => {
    for (const id of RACK_PROFILE_IDS) {
      const k = RACK_PROFILES[id].kwPerRack;
      if (!k.range) continue;
      expect(k.value, id).toBeGreaterThanOrEqual(k.range[0]);
      expect(k.value, id).toBeLessThanOrEqual(k.range[1]);
    }
  });
});
