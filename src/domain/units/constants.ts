import { sourced, type Sourced } from '../catalog';

/**
 * Conversion constants. Stored numbers are always SI (m, m², kg, kPa, kW); these convert only for
 * display. The imperial units are the exact definitions of the 1959 international yard and pound
 * agreement, except the psf, which is derived from them (see KPA_PER_PSF).
 */

/** 1 ft = 0.3048 m (exact). */
export const M_PER_FT = 0.3048;
/** 1 international mile = 5,280 ft = 1,609.344 m (exact). */
export const M_PER_MILE = 1609.344;
/** 1 ft² = 0.3048² m² = 0.09290304 m² (exact). */
export const M2_PER_FT2 = 0.09290304;
/** 1 international acre = 43,560 ft² = 4,046.8564224 m² (exact). */
export const M2_PER_ACRE = 4046.8564224;
/** 1 hectare = 10,000 m². */
export const M2_PER_HA = 10_000;
/** 1 lb = 0.45359237 kg (exact). */
export const KG_PER_LB = 0.45359237;
/**
 * 1 psf (lbf/ft²) = 0.04788026 kPa. The exact figure is 0.45359237 kg × 9.80665 m/s² / 0.09290304 m²
 * = 47.880259 Pa; this constant is that figure rounded to 7 significant digits (error < 2e-8
 * relative), so 1 kPa = 20.8854 psf (often rounded to 20.885). It keeps the same value
 * everywhere the planner converts pressures: 18.52 kPa → 386.8 psf.
 */
export const KPA_PER_PSF = 0.04788026;
/** 1 W/ft² = 0.001 kW / 0.09290304 m² ≈ 0.0107639 kW/m²; 1 kW/m² ≈ 92.903 W/ft². */
export const KW_PER_M2_PER_W_PER_FT2 = 0.001 / M2_PER_FT2;

/** Physical constants and fixed figures the calculators use, with their basis. */
export const PHYSICS = {
  /** Standard gravity rounded to 9.807, for rack point loads. */
  gravity: sourced(9.807, 'A', 'g = 9.807 m/s² (standard gravity 9.80665, CGPM 1901)'),
  /** One-way propagation delay in single-mode fiber. */
  fiberUsPerKm: sourced(
    4.9,
    'B',
    '4.9 µs per km one-way in single-mode fiber (group index n ≈ 1.467, ITU-T G.652 fiber)',
  ),
  metresPerMile: sourced(M_PER_MILE, 'A', 'international mile: 1,609.344 m (exact)'),
  squareMetresPerAcre: sourced(M2_PER_ACRE, 'A', 'international acre: 4,046.8564224 m² (exact)'),
  kpaPerPsf: sourced(
    KPA_PER_PSF,
    'A',
    '1 psf = 0.04788026 kPa (0.45359237 kg × 9.80665 m/s² / 0.09290304 m²); 1 kPa = 20.885 psf',
  ),
} as const satisfies Record<string, Sourced<number>>;
