import {
  fig,
  renderMessage,
  type FigureUnit,
  type Text,
  type UnitSystem,
} from '../../domain/units';
import { checkMessage, type Check } from '../../domain/report';

/**
 * Text from the domain in the user's units. Figures the domain computes come as Messages
 * (src/domain/units/message.ts) and render exactly. Prose written by hand — a catalog value's
 * basis, a lesson's paragraph, a message not (yet) written as a Message — is plain text in SI;
 * in imperial mode its figures are found and converted here, with the same rounding as Messages:
 * kPa → psf, m → ft, km → mi, m² → ft², kg and t → lb, kW/m² → W/ft², µs per km → µs per mile.
 * A figure already followed by its psf equivalent ("12 kPa (250 psf)") is turned round:
 * "250 psf (12 kPa)".
 */
export function showText(text: Text, units: UnitSystem): string {
  return typeof text === 'string' ? localizeFigures(text, units) : renderMessage(text, units);
}

/** A check's message in the user's units. */
export function showCheckMessage(check: Check, units: UnitSystem): string {
  return check.messageParts ? checkMessage(check, units) : localizeFigures(check.message, units);
}

// A number as the domain formats it: en-US groups, optional decimals, optional sign.
const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const parse = (s: string): number => Number(s.replace(/,/g, ''));

// Not part of a longer number or word before; the unit not followed by more unit characters.
const BEFORE = String.raw`(?<![\w.,])`;
const AFTER = String.raw`(?![\w²³/])`;

const PAIR = new RegExp(String.raw`${BEFORE}(${NUM}) kPa \((${NUM}) psf\)`, 'g');
const DIMS = new RegExp(String.raw`${BEFORE}(${NUM}) × (${NUM}) m${AFTER}`, 'g');
const SINGLE = new RegExp(
  String.raw`${BEFORE}(${NUM}) (kW/m²|kPa|km|m²|kg|m|t|µs per km|µs/km)${AFTER}`,
  'g',
);

/** One figure converted as a Message figure is (one rounding rule, src/domain/units). */
function convert(value: number, unit: string): string {
  const u: FigureUnit = unit === 'µs per km' ? 'µs/km' : unit;
  const text = renderMessage([fig(value, u)], 'imperial');
  return unit === 'µs per km' ? text.replace('µs/mi', 'µs per mile') : text;
}

/** `text` with its SI figures in the chosen system (unchanged in metric). */
export function localizeFigures(text: string, units: UnitSystem): string {
  if (units === 'metric' || text === '') return text;
  return text
    .replace(PAIR, (_, kpa: string, psf: string) => `${psf} psf (${kpa} kPa)`)
    .replace(DIMS, (_, a: string, b: string) => {
      const [x, y] = [convert(parse(a), 'm'), convert(parse(b), 'm')];
      return `${x.replace(/ ft$/, '')} × ${y}`;
    })
    .replace(SINGLE, (match: string, num: string, unit: string, offset: number, all: string) => {
      // Leave the SI figure of a swapped pair alone: "387 psf (18.52 kPa)".
      if (unit === 'kPa' && all.slice(Math.max(0, offset - 5), offset).endsWith('psf (')) {
        return match;
      }
      return convert(parse(num), unit);
    });
}
