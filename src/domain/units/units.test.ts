import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acresToM2,
  formatNumber,
  formatQuantity,
  fromSi,
  ft2ToM2,
  ftToM,
  inputUnit,
  kgToLb,
  kmToMiles,
  kpaToPsf,
  kwPerM2ToWPerFt2,
  lbToKg,
  m2ToAcres,
  m2ToFt2,
  milesToKm,
  milesToM,
  mToFt,
  mToMiles,
  parseQuantity,
  psfToKpa,
  QUANTITIES,
  toDisplay,
  toSi,
  UNIT_SYSTEMS,
  UNITS,
  unitsFor,
  wPerFt2ToKwPerM2,
  type ParseResult,
} from './index';

function si(r: ParseResult): number {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function relClose(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

describe('unit conversions (hand-checked)', () => {
  it('an NVL72 rack load of 18.52 kPa is 386.8 psf, and 12 kPa is the 250 psf Rated-3 floor', () => {
    expect(kpaToPsf(18.52)).toBeCloseTo(386.8, 1);
    expect(kpaToPsf(12)).toBeCloseTo(250.6, 1);
    expect(psfToKpa(250)).toBeCloseTo(11.97, 2);
    // 1 kPa = 20.885 psf, from 1 psf = 0.04788026 kPa.
    expect(kpaToPsf(1)).toBeCloseTo(20.885, 3);
  });

  it('a mile is 1,609.344 m, 5,280 ft and 1.609344 km', () => {
    expect(milesToM(1)).toBe(1609.344);
    expect(mToFt(1609.344)).toBeCloseTo(5280, 9);
    expect(mToMiles(1609.344)).toBe(1);
    expect(milesToKm(1)).toBeCloseTo(1.609344, 12);
    expect(kmToMiles(100)).toBeCloseTo(62.137, 3);
    expect(ftToM(1)).toBe(0.3048);
  });

  it('an acre is 4,046.8564224 m² and 43,560 ft²', () => {
    expect(acresToM2(1)).toBe(4046.8564224);
    expect(m2ToFt2(4046.8564224)).toBeCloseTo(43560, 6);
    expect(m2ToAcres(4046.8564224)).toBe(1);
    expect(ft2ToM2(1)).toBe(0.09290304);
  });

  it('a 1.36 t rack weighs 2,998 lb; a pound is 0.45359237 kg', () => {
    expect(kgToLb(1360)).toBeCloseTo(2998.29, 2);
    expect(lbToKg(1)).toBe(0.45359237);
  });

  it('1 kW/m² is 92.9 W/ft²', () => {
    expect(kwPerM2ToWPerFt2(1)).toBeCloseTo(92.903, 3);
    expect(wPerFt2ToKwPerM2(92.90304)).toBeCloseTo(1, 12);
  });
});

describe('formatQuantity', () => {
  it('shows an NVL72 rack load as 18.5 kPa or 387 psf', () => {
    expect(formatQuantity(18.52, 'pressure', 'metric')).toMatchObject({
      text: '18.5 kPa',
      number: '18.5',
      unit: 'kPa',
      value: 18.52,
    });
    const psf = formatQuantity(18.52, 'pressure', 'imperial');
    expect(psf.text).toBe('387 psf');
    expect(psf.value).toBeCloseTo(386.8, 1);
  });

  it('shows a mile of distance as 1,609 m or 5,280 ft, and 10 km and more in km or mi', () => {
    expect(formatQuantity(1609.344, 'distance', 'metric').text).toBe('1,609 m');
    expect(formatQuantity(1609.344, 'distance', 'imperial').text).toBe('5,280 ft');
    expect(formatQuantity(12_000, 'distance', 'metric').text).toBe('12 km');
    expect(formatQuantity(12_000, 'distance', 'imperial').text).toBe('7.46 mi');
    expect(formatQuantity(160_934.4, 'distance', 'imperial').text).toBe('100 mi');
    // 'length' never switches: a 12 km parcel edge stays in metres.
    expect(formatQuantity(12_000, 'length', 'metric').text).toBe('12,000 m');
    expect(formatQuantity(12_000, 'length', 'imperial').text).toBe('39,370 ft');
  });

  it('shows land in ha or acres, and floor area in m² or ft²', () => {
    expect(formatQuantity(4046.8564224, 'landArea', 'imperial').text).toBe('1 ac');
    expect(formatQuantity(4046.8564224, 'landArea', 'metric').text).toBe('4,047 m²');
    expect(formatQuantity(1_650_000, 'landArea', 'metric').text).toBe('165 ha');
    expect(formatQuantity(1_650_000, 'landArea', 'imperial').text).toBe('408 ac');
    expect(formatQuantity(0.72, 'area', 'metric').text).toBe('0.72 m²');
    expect(formatQuantity(0.72, 'area', 'imperial').text).toBe('7.75 ft²');
  });

  it('shows masses in kg, t above 10 t, or lb; densities in kW/m² or W/ft²', () => {
    expect(formatQuantity(1360, 'mass', 'metric').text).toBe('1,360 kg');
    expect(formatQuantity(10_880, 'mass', 'metric').text).toBe('10.9 t');
    expect(formatQuantity(1360, 'mass', 'imperial').text).toBe('2,998 lb');
    expect(formatQuantity(32.3, 'powerDensity', 'metric').text).toBe('32.3 kW/m²');
    expect(formatQuantity(32.3, 'powerDensity', 'imperial').text).toBe('3,001 W/ft²');
  });

  it('keeps small numbers readable and honours a forced precision', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.0567)).toBe('0.057');
    expect(formatNumber(6.2137)).toBe('6.21');
    expect(formatNumber(-0.0001, 2)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatQuantity(18.5244, 'pressure', 'metric', { decimals: 2 }).text).toBe('18.52 kPa');
  });
});

describe('parseQuantity', () => {
  it('reads a bare number in the system input unit', () => {
    expect(inputUnit('length', 'metric')).toBe('m');
    expect(inputUnit('length', 'imperial')).toBe('ft');
    expect(si(parseQuantity('160', 'length', 'metric'))).toBe(160);
    expect(si(parseQuantity('100', 'length', 'imperial'))).toBeCloseTo(30.48, 12);
    expect(si(parseQuantity('250', 'pressure', 'imperial'))).toBeCloseTo(11.97, 2);
    expect(si(parseQuantity('1,609.344', 'distance', 'metric'))).toBe(1609.344);
    expect(si(parseQuantity(' -12.5 ', 'length', 'metric'))).toBe(-12.5);
    expect(si(parseQuantity('\u22123', 'length', 'metric'))).toBe(-3);
    expect(si(parseQuantity('.5', 'length', 'metric'))).toBe(0.5);
    expect(si(parseQuantity('1e3', 'length', 'metric'))).toBe(1000);
  });

  it('lets a typed unit of either system win', () => {
    expect(si(parseQuantity('40 ft', 'length', 'metric'))).toBeCloseTo(12.192, 12);
    expect(si(parseQuantity('1 mi', 'distance', 'metric'))).toBe(1609.344);
    expect(si(parseQuantity('2 km', 'distance', 'imperial'))).toBe(2000);
    expect(si(parseQuantity('1 acre', 'landArea', 'metric'))).toBe(4046.8564224);
    expect(si(parseQuantity('30 sq ft', 'area', 'metric'))).toBeCloseTo(2.787, 3);
    expect(si(parseQuantity('0.72 m2', 'area', 'imperial'))).toBe(0.72);
    expect(si(parseQuantity('18.5 KPA', 'pressure', 'imperial'))).toBe(18.5);
    expect(si(parseQuantity('3,000 lbs', 'mass', 'metric'))).toBeCloseTo(1360.78, 2);
    expect(si(parseQuantity('1.36 t', 'mass', 'imperial'))).toBe(1360);
    expect(si(parseQuantity('100 W/ft2', 'powerDensity', 'metric'))).toBeCloseTo(1.0764, 4);
  });

  it('says what is wrong with text that is not a number', () => {
    expect(parseQuantity('', 'length', 'metric')).toEqual({ ok: false, error: 'Enter a number' });
    expect(parseQuantity('abc', 'length', 'metric')).toEqual({
      ok: false,
      error: '"abc" is not a number',
    });
    expect(parseQuantity('1,2345', 'length', 'metric').ok).toBe(false);
    expect(parseQuantity('1.2.3', 'length', 'metric').ok).toBe(false);
    expect(parseQuantity('1e999', 'length', 'metric')).toEqual({
      ok: false,
      error: '"1e999" is too large',
    });
    expect(parseQuantity('12 kg', 'length', 'metric')).toEqual({
      ok: false,
      error: 'Unknown unit "kg": use m, km, ft or mi',
    });
    expect(parseQuantity('NaN', 'pressure', 'metric').ok).toBe(false);
    expect(parseQuantity('Infinity', 'pressure', 'metric').ok).toBe(false);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(...QUANTITIES),
        fc.constantFrom(...UNIT_SYSTEMS),
        (t, q, s) => {
          const r = parseQuantity(t, q, s);
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          else expect(r.error.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('round trips', () => {
  // Planner figures span micro to giga; subnormal doubles (< 1e-300) lose bits in any division.
  const siValue = fc
    .double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true })
    .filter((x) => x === 0 || Math.abs(x) >= 1e-12);
  const unitSymbol = fc.constantFrom(...(Object.keys(UNITS) as (keyof typeof UNITS)[]));

  it('SI → any unit → SI is exact within 1e-9 relative', () => {
    fc.assert(
      fc.property(siValue, unitSymbol, (x, u) => {
        expect(relClose(toSi(fromSi(x, u), u), x)).toBe(true);
      }),
    );
  });

  it('SI → display → typed back with its unit → SI within 1e-9 relative', () => {
    fc.assert(
      fc.property(
        siValue,
        fc.constantFrom(...QUANTITIES),
        fc.constantFrom(...UNIT_SYSTEMS),
        (x, q, s) => {
          const d = toDisplay(x, q, s);
          expect(unitsFor(q)).toContain(d.unit);
          const back = si(parseQuantity(`${String(d.value)} ${d.unit}`, q, s));
          expect(relClose(back, x)).toBe(true);
        },
      ),
    );
  });

  it('the named pairs invert each other', () => {
    const pairs: [(v: number) => number, (v: number) => number][] = [
      [kpaToPsf, psfToKpa],
      [mToFt, ftToM],
      [mToMiles, milesToM],
      [kmToMiles, milesToKm],
      [m2ToFt2, ft2ToM2],
      [m2ToAcres, acresToM2],
      [kgToLb, lbToKg],
      [kwPerM2ToWPerFt2, wPerFt2ToKwPerM2],
    ];
    fc.assert(
      fc.property(siValue, fc.constantFrom(...pairs), (x, [to, from]) => {
        expect(relClose(from(to(x)), x)).toBe(true);
      }),
    );
  });
});
