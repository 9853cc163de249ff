import {
  formatNumber,
  formatQuantity,
  kgToLb,
  kpaToPsf,
  kwPerM2ToWPerFt2,
  m2ToFt2,
  mToFt,
  mToMiles,
  type UnitSystem,
} from '../../domain/units';

/**
 * The report's messages and explanations are written in SI ("12 kPa floor < 18.6 kPa", "312 m").
 * In imperial mode the panels show them with each figure converted (stored numbers never change):
 * kPa → psf, m → ft, km → mi, m² → ft², kg and t → lb, kW/m² → W/ft². A figure already followed
 * by its psf equivalent ("18.52 kPa (387 psf)") is turned round: "387 psf (18.52 kPa)".
 */

// A number as the domain formats it: en-US groups, optional decimals, optional sign.
const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const parse = (s: string): number => Number(s.replace(/,/g, ''));

// Not part of a longer number or word before; the unit not followed by more unit characters.
const BEFORE = String.raw`(?<![\w.,])`;
const AFTER = String.raw`(?![\w²³/])`;

const PAIR = new RegExp(String.raw`${BEFORE}(${NUM}) kPa \((${NUM}) psf\)`, 'g');
const DIMS = new RegExp(String.raw`${BEFORE}(${NUM}) × (${NUM}) m${AFTER}`, 'g');
const SINGLE = new RegExp(String.raw`${BEFORE}(${NUM}) (kW/m²|kPa|km|m²|kg|m|t)${AFTER}`, 'g');

function convert(value: number, unit: string): string {
  switch (unit) {
    case 'kPa':
      return `${formatNumber(kpaToPsf(value), 0)} psf`;
    case 'km':
      return `${formatNumber(mToMiles(value * 1000))} mi`;
    case 'm':
      return formatQuantity(value, 'length', 'imperial').text;
    case 'm²':
      return `${formatNumber(m2ToFt2(value), m2ToFt2(value) >= 100 ? 0 : undefined)} ft²`;
    case 'kg':
      return `${formatNumber(kgToLb(value), 0)} lb`;
    case 't':
      return `${formatNumber(kgToLb(value * 1000), 0)} lb`;
    case 'kW/m²':
      return `${formatNumber(kwPerM2ToWPerFt2(value))} W/ft²`;
    default:
      return `${formatNumber(value)} ${unit}`;
  }
}

/** `text` with its SI figures in the chosen system (unchanged in metric). */
export function localizeFigures(text: string, units: UnitSystem): string {
  if (units === 'metric' || text === '') return text;
  return text
    .replace(PAIR, (_, kpa: string, psf: string) => `${psf} psf (${kpa} kPa)`)
    .replace(DIMS, (_, a: string, b: string) => {
      const f = (m: number) => formatNumber(mToFt(m));
      return `${f(parse(a))} × ${f(parse(b))} ft`;
    })
    .replace(SINGLE, (match: string, num: string, unit: string, offset: number, all: string) => {
      // Leave the SI figure of a swapped pair alone: "387 psf (18.52 kPa)".
      if (unit === 'kPa' && all.slice(Math.max(0, offset - 5), offset).endsWith('psf (')) {
        return match;
      }
      return convert(parse(num), unit);
    });
}
