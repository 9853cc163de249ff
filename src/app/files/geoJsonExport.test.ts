import { getIssues } from '@placemarkio/check-geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayoutText } from '../../domain/format';
import { minimalLayout } from '../../domain/format/testing';
import { geoJsonText } from './geoJsonExport';

const ASHBURN = { latitude: 39.0438, longitude: -77.4874, bearingDeg: 20 };

describe('the GeoJSON export', () => {
  it('is valid GeoJSON (check-geojson) for the minimal layout and every seed', () => {
    const layouts = [minimalLayout()];
    const dir = join(import.meta.dirname, '..', '..', '..', 'seeds');
    for (const id of ['traditional-20mw', 'blackwell-200mw', 'rubin-300mw', 'illustrative-750mw']) {
      const r = parseLayoutText(readFileSync(join(dir, `${id}.json`), 'utf8'));
      if (!r.ok) throw new Error(r.error.message);
      layouts.push(r.layout);
    }
    for (const layout of layouts) {
      const text = geoJsonText(layout, ASHBURN);
      expect(getIssues(text)).toEqual([]);
      const fc = JSON.parse(text) as { type: string; features: unknown[] };
      expect(fc.type).toBe('FeatureCollection');
      // The parcel and every element, each once.
      const elements =
        layout.halls.length +
        layout.rackRows.length +
        layout.coolingZones.length +
        layout.substations.length +
        layout.fiberTrenches.length +
        layout.generatorYards.length +
        layout.batteryYards.length +
        layout.coolingPlants.length +
        layout.powerFeeders.length;
      expect(fc.features).toHaveLength(1 + elements);
      expect(text.endsWith('}\n')).toBe(true);
    }
  });
});
