import { TIER_IDS, type PlantTypeId, type TierId } from '../catalog';
import type { Parcel } from '../kinds';
import { generateCampus, type GenerateOptions } from './generateCampus';

/** One row of the "what fits" table: the most IT a tier fits on the parcel, with its figures. */
export interface WhatFitsRow {
  readonly tier: TierId;
  /** The most IT MW the generator fits (0 when nothing fits). */
  readonly itMw: number;
  readonly racks: number;
  readonly halls: number;
  readonly gpus: number;
  readonly itMwPerAcre: number;
  readonly waterM3PerYear: number;
  /** Facility capex of the campus, USD (rule 14; an estimate from the catalog's unit costs). */
  readonly capexUsd: number;
  /** Why nothing fits, when nothing does (one sentence); null otherwise. */
  readonly reason: string | null;
  /** The options that generate this campus (for the table's button). */
  readonly options: GenerateOptions;
}

export interface WhatFitsOptions {
  readonly setbackM: number;
  /** Heat-rejection plant (default dry coolers, which use no water). */
  readonly plant?: PlantTypeId;
  readonly phases?: number;
}

/**
 * "What fits here?": for every tier, the most IT the generator fits on the parcel at this setback,
 * with the tier's defaults (flagship rack, recommended redundancy, default hall). Pure; each figure
 * is the generated campus's own report figure.
 */
export function whatFits(parcel: Parcel, o: WhatFitsOptions): WhatFitsRow[] {
  return TIER_IDS.map((tier) => {
    const options: GenerateOptions = {
      tier,
      targetMw: 'max',
      setbackM: o.setbackM,
      ...(o.plant ? { plant: o.plant } : {}),
      ...(o.phases ? { phases: o.phases } : {}),
    };
    const r = generateCampus(parcel, options);
    if (!r.ok) {
      return {
        tier,
        itMw: 0,
        racks: 0,
        halls: 0,
        gpus: 0,
        itMwPerAcre: 0,
        waterM3PerYear: 0,
        capexUsd: 0,
        reason: r.reason,
        options,
      };
    }
    const t = r.report.totals;
    return {
      tier,
      itMw: t.itMw,
      racks: t.racks,
      halls: r.summary.halls,
      gpus: t.gpus,
      itMwPerAcre: t.itMwPerAcre,
      waterM3PerYear: t.waterM3PerYear,
      capexUsd: t.capexUsd,
      reason: null,
      options,
    };
  });
}
