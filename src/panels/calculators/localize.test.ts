import { describe, expect, it } from 'vitest';
import { localizeFigures } from './localize';

describe('localizeFigures: SI figures in report text, shown in imperial', () => {
  it('leaves metric text alone', () => {
    const s = 'Data hall 1: 12 kPa floor < 18.6 kPa Blackwell minimum (+4 halls)';
    expect(localizeFigures(s, 'metric')).toBe(s);
  });

  it('turns kPa into psf, m into ft, km into miles', () => {
    expect(
      localizeFigures('Data hall 1: 12 kPa floor < 18.6 kPa Blackwell minimum', 'imperial'),
    ).toBe('Data hall 1: 251 psf floor < 388 psf Blackwell minimum');
    expect(localizeFigures('Hall A: 20 m from the parcel edge < 61 m setback', 'imperial')).toBe(
      'Hall A: 65.6 ft from the parcel edge < 200 ft setback',
    );
    expect(localizeFigures('(2 km reach, 1 domain)', 'imperial')).toBe('(1.24 mi reach, 1 domain)');
    expect(localizeFigures('Area 1,728 m², 2.31 kW/m²', 'imperial')).toBe(
      'Area 18,600 ft², 215 W/ft²',
    );
    expect(localizeFigures('1.36 t rack loads 18.5 kPa', 'imperial')).toBe(
      '2,998 lb rack loads 386 psf',
    );
    expect(localizeFigures('1,360 kg on 0.6 × 1.2 m', 'imperial')).toBe('2,998 lb on 2 × 3.9 ft');
  });

  it('swaps a figure that already carries its psf', () => {
    expect(localizeFigures('18.52 kPa (387 psf)', 'imperial')).toBe('387 psf (18.52 kPa)');
  });

  it('does not touch units inside words, rates or other units', () => {
    const s = 'g = 9.807 m/s²; 600×1200 mm; 20 MW; 3 mi; N+1';
    expect(localizeFigures(s, 'imperial')).toBe(s);
  });

  it('turns a delay per km into one per mile', () => {
    expect(localizeFigures('4.9 µs per km one-way', 'imperial')).toBe('7.89 µs per mile one-way');
    expect(localizeFigures('4.9 µs/km', 'imperial')).toBe('7.89 µs/mi');
  });
});
