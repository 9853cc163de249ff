import { sourced, type Sourced } from './sourced';

export const COOLING_TYPE_IDS = ['air', 'rdhx', 'dlc', 'immersion'] as const;
export type CoolingTypeId = (typeof COOLING_TYPE_IDS)[number];

export interface CoolingType {
  readonly id: CoolingTypeId;
  readonly label: string;
  /** The most heat per rack this type can remove, kW. */
  readonly maxKwPerRack: Sourced<number>;
  /** Planning PUE for halls cooled this way. */
  readonly pue: Sourced<number>;
}

/** Values, bases and grades: docs/sources.md "Cooling types". */
export const COOLING_TYPES: Readonly<Record<CoolingTypeId, CoolingType>> = {
  air: {
    id: 'air',
    label: 'Air (CRAH, containment)',
    maxKwPerRack: sourced(
      40,
      'B',
      '~40 kW with full containment; 10–20 kW in most existing rooms',
      {
        range: [10, 40],
      },
    ),
    pue: sourced(1.5, 'B', 'Uptime Institute surveys 2020–2023: industry average 1.55–1.59', {
      range: [1.4, 1.6],
    }),
  },
  rdhx: {
    id: 'rdhx',
    label: 'Rear-door heat exchanger',
    maxKwPerRack: sourced(75, 'B', 'rear doors: passive 10–30 kW, active 40–75 kW', {
      range: [10, 75],
    }),
    pue: sourced(1.35, 'C', 'planner estimate between air and DLC', {
      estimate: true,
    }),
  },
  dlc: {
    id: 'dlc',
    label: 'Direct-to-chip liquid',
    maxKwPerRack: sourced(
      600,
      'B',
      'NVIDIA: NVL72 120–140 kW, Rubin 200+ kW, Kyber 600 kW are all DLC designs',
      { range: [50, 600] },
    ),
    pue: sourced(1.2, 'B', 'liquid-cooled facilities 1.1–1.3; hyperscale liquid 1.1–1.2', {
      range: [1.1, 1.3],
    }),
  },
  immersion: {
    id: 'immersion',
    label: 'Immersion',
    maxKwPerRack: sourced(250, 'C', 'immersion: single-phase ~100–150 kW, two-phase ~200–250 kW', {
      range: [100, 250],
    }),
    pue: sourced(1.08, 'C', 'immersion-cooled facilities 1.03–1.15', { range: [1.03, 1.15] }),
  },
};
