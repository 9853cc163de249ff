import { describe, expect, it } from 'vitest';
import {
  convertsToImperial,
  factor,
  fig,
  figBoth,
  msg,
  renderMessage,
  roundForUnit,
  siText,
  unitWord,
} from './message';
import { parseQuantity } from './parse';

describe('messages: figures kept as numbers, shown in the reader’s units', () => {
  const floor = msg`Hall 1: ${fig(12, 'kPa', 1)} floor < ${fig(18.6, 'kPa', 1)} minimum`;

  it('reads as the SI text in metric, exactly as written', () => {
    expect(siText(floor)).toBe('Hall 1: 12 kPa floor < 18.6 kPa minimum');
    expect(renderMessage(floor, 'metric')).toBe(siText(floor));
  });

  it('converts each figure with its unit’s rounding in imperial (12 kPa = 250.6 psf → 251)', () => {
    expect(renderMessage(floor, 'imperial')).toBe('Hall 1: 251 psf floor < 388 psf minimum');
  });

  it('lengths to feet, long distances and km figures to miles', () => {
    // 61 m = 200.13 ft; 2 km = 1.2427 mi; 12,000 m = 7.456 mi.
    expect(renderMessage(msg`${fig(61, 'm', 1)} setback`, 'imperial')).toBe('200 ft setback');
    expect(renderMessage(msg`${fig(2, 'km', 1)} reach`, 'imperial')).toBe('1.24 mi reach');
    expect(renderMessage(msg`${fig(12_000, 'm')}`, 'imperial')).toBe('7.46 mi');
    // 3.2 m = 10.499 ft: 0.1 ft under 100 ft.
    expect(renderMessage(msg`${fig(3.2, 'm', 2)}`, 'imperial')).toBe('10.5 ft');
  });

  it('a delay per km becomes one per mile (× 1.609), the formula’s unit word too', () => {
    const f = msg`fiber µs = path ${unitWord('km')} × ${factor(4.9, 'µs/km')}`;
    expect(siText(f)).toBe('fiber µs = path km × 4.9');
    expect(renderMessage(f, 'imperial')).toBe('fiber µs = path mi × 7.89');
    expect(renderMessage([fig(4.9, 'µs/km')], 'imperial')).toBe('7.89 µs/mi');
  });

  it('units both systems share read the same; text and numbers pass through', () => {
    const m = msg`${'Hall 1'}: ${fig(0.96, 'MW', 2)}, ${3} rows, ${fig(9, 'µs')}`;
    expect(renderMessage(m, 'imperial')).toBe('Hall 1: 0.96 MW, 3 rows, 9 µs');
    expect(convertsToImperial('MW')).toBe(false);
    expect(convertsToImperial('kPa')).toBe(true);
  });

  it('a figure quoted in both systems puts the reader’s first', () => {
    const f = [figBoth(18.52, 'kPa', 2)];
    expect(siText(f)).toBe('18.52 kPa (387 psf)');
    expect(renderMessage(f, 'imperial')).toBe('387 psf (18.52 kPa)');
  });

  it('plain text is its own rendering', () => {
    expect(renderMessage('No halls placed', 'imperial')).toBe('No halls placed');
  });
});

describe('one display rounding per unit', () => {
  it('rounds as people write each unit', () => {
    expect(roundForUnit(498.6877, 'ft')).toBe(498.7);
    expect(roundForUnit(522.1358, 'psf')).toBe(522);
    expect(roundForUnit(1.24274, 'mi')).toBe(1.24);
    expect(roundForUnit(12.34567, 'm')).toBe(12.346);
    expect(roundForUnit(1234.56, 'ft²')).toBe(1235);
    expect(roundForUnit(-0.00001, 'ft')).toBe(0);
  });
});

describe('a value typed in the other system’s unit', () => {
  it('is converted, and the conversion is given to show', () => {
    expect(parseQuantity('10 ft', 'length', 'metric')).toEqual({
      ok: true,
      value: 3.048,
      note: '10 ft = 3.05 m',
    });
    expect(parseQuantity('5 m', 'length', 'imperial')).toMatchObject({ note: '5 m = 16.4 ft' });
    expect(parseQuantity('12 kPa', 'pressure', 'imperial')).toMatchObject({
      note: '12 kPa = 251 psf',
    });
  });

  it('a value in the field’s own unit needs no note', () => {
    expect(parseQuantity('10', 'length', 'metric')).toEqual({ ok: true, value: 10 });
    expect(parseQuantity('10 ft', 'length', 'imperial')).not.toHaveProperty('note');
  });
});
