import { describe, expect, it } from 'vitest';
import { computeReport } from '../../domain/report';
import { smallTraditionalCampus } from '../../domain/lessons/testLayout';
import { layoutToSvg } from './exportSvg';
import { sheetOf, sheetScaleBar } from './sheet';

describe('the sheet an export carries', () => {
  const layout = smallTraditionalCampus();
  const report = computeReport(layout);
  const date = new Date(Date.UTC(2026, 11, 6, 12));

  it('titles the layout with its tier, date and key totals', () => {
    const s = sheetOf(layout, report, 'metric', date);
    expect(s.title).toBe(layout.name);
    expect(s.subtitle).toContain('6 Dec 2026');
    expect(s.totals).toMatch(/^IT [\d.,]+ MW · Facility [\d.,]+ MW · [\d,]+ racks · [\d,]+ GPUs$/);
    expect(s.bearingDeg).toBeNull();
  });

  it('a scale bar of a round length in the user’s units', () => {
    // 0.5 px per metre, up to 140 px: 200 m (100 px); in feet: 500 ft = 152.4 m (76.2 px).
    expect(sheetScaleBar(0.5, 140, 'metric')).toEqual({ px: 100, label: '200 m' });
    expect(sheetScaleBar(0.5, 140, 'imperial')).toMatchObject({ label: '500 ft' });
  });

  it('the SVG has a title block, legend and scale bar; a north arrow only with a site', () => {
    const svg = layoutToSvg(layout, { sheet: sheetOf(layout, report, 'metric', date) });
    for (const part of ['title-block', 'legend', 'scale-bar'])
      expect(svg).toContain(`data-part="${part}"`);
    expect(svg).not.toContain('data-part="north-arrow"');
    const sited = {
      ...layout,
      settings: { ...layout.settings, site: { latitude: 39, longitude: -77.5, bearingDeg: 30 } },
    };
    const withSite = layoutToSvg(sited, { sheet: sheetOf(sited, report, 'metric', date) });
    expect(withSite).toContain('data-part="north-arrow" transform="translate(');
    expect(withSite).toContain('rotate(-30)');
    // Without a sheet: the campus alone, as before.
    expect(layoutToSvg(layout)).not.toContain('data-kind="sheet"');
  });
});
