import { describe, expect, it } from 'vitest';
import {
  readFiberCount,
  readKwPerRack,
  readRackCount,
  readZoneCapacityMw,
} from './toolOptionsInput';

describe('tool options fields', () => {
  it('rack count: a whole number from 1 to 1,000', () => {
    expect(readRackCount('12')).toEqual({ ok: true, value: 12 });
    expect(readRackCount(' 1,000 ')).toEqual({ ok: true, value: 1000 });
    for (const bad of ['0', '1001', '2.5', '', 'ten', '-3', '1e2', '12abc']) {
      expect(readRackCount(bad)).toEqual({
        ok: false,
        message: 'Rack count: a whole number from 1 to 1,000',
      });
    }
  });

  it('kW per rack: 0.1 to 2,000, or empty for the profile default', () => {
    expect(readKwPerRack('132.5')).toEqual({ ok: true, value: 132.5 });
    expect(readKwPerRack('.1')).toEqual({ ok: true, value: 0.1 });
    expect(readKwPerRack('  ')).toEqual({ ok: true, value: null });
    for (const bad of ['0.05', '2000.5', 'abc', '-5', 'NaN', 'Infinity']) {
      expect(readKwPerRack(bad).ok).toBe(false);
    }
    expect(readKwPerRack('0')).toEqual({ ok: false, message: 'kW per rack: from 0.1 to 2,000 kW' });
  });

  it('zone capacity: more than 0, at most 10,000 MW', () => {
    expect(readZoneCapacityMw('40')).toEqual({ ok: true, value: 40 });
    expect(readZoneCapacityMw('0').ok).toBe(false);
    expect(readZoneCapacityMw('10001').ok).toBe(false);
    expect(readZoneCapacityMw('').ok).toBe(false);
  });

  it('fiber count: a whole number from 1 to 100,000', () => {
    expect(readFiberCount('6912')).toEqual({ ok: true, value: 6912 });
    expect(readFiberCount('3,456')).toEqual({ ok: true, value: 3456 });
    expect(readFiberCount('0').ok).toBe(false);
    expect(readFiberCount('144.5').ok).toBe(false);
  });
});
