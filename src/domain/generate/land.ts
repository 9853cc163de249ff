import type { PlantTypeId, TierId } from '../catalog';

/**
 * Land the generator gives each element outside the halls, and the default hall per tier. These
 * are planner defaults (no public source fixes them; grade X), chosen from typical footprints:
 * they decide how much of a parcel the plant takes, which is the lesson the generator teaches.
 */
export const GEN_LAND = {
  /** A 345 kV substation of 500 MVA takes about 3 acres (≈ 12,000 m²): ~25 m² per MVA. */
  substationM2PerMva: 25,
  /** Largest substation the generator draws, MVA. */
  maxSubstationMva: 500,
  /** A 3 MW containerised genset (~12 × 3 m) with its fuel, access and spacing: ~120 m². */
  generatorM2PerUnit: 120,
  /** One unit of each plant type (the catalog's unit size) with access and spacing, m². */
  plantM2PerUnit: {
    'dry-cooler': 80,
    adiabatic: 80,
    'chiller-tower': 250,
    'air-chiller': 70,
  } satisfies Record<PlantTypeId, number>,
  /** Battery yards: a ~4 MWh container with spacing takes ~60 m², ~15 m² per MWh. */
  bessM2PerMwh: 15,
  /** Battery energy per MW of facility load: 15 minutes of ride-through. */
  bessHours: 0.25,
} as const;

export interface HallSize {
  readonly widthM: number;
  readonly depthM: number;
}

/**
 * Default hall per tier: a single-storey building of a few tens of MW that holds at least one
 * training cluster of the tier's flagship (so every hall is a latency domain of its own).
 */
export const DEFAULT_HALL: Readonly<Record<TierId, HallSize>> = {
  traditional: { widthM: 100, depthM: 60 },
  hopper: { widthM: 80, depthM: 50 },
  blackwell: { widthM: 80, depthM: 50 },
  rubin: { widthM: 60, depthM: 40 },
  'rubin-ultra': { widthM: 60, depthM: 40 },
};

export function hallSizeFor(tier: TierId, widthM?: number, depthM?: number): HallSize {
  const d = DEFAULT_HALL[tier];
  return { widthM: widthM ?? d.widthM, depthM: depthM ?? d.depthM };
}
