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

/** The planner's cooling types: the most heat per rack each removes, and its planning PUE. */
export const COOLING_TYPES: Readonly<Record<CoolingTypeId, CoolingType>> = {
  air: {
    id: 'air',
    label: 'Air (CRAH, containment)',
    maxKwPerRack: sourced(
      40,
      'B',
      '~40 kW per rack with full hot/cold-aisle containment; 10–20 kW in most existing rooms (Schneider WP155/156; Uptime surveys). NVIDIA shows contained air-cooled DGX B300 racks at ~56 kW, but the planner keeps 40 kW as the general air limit',
      { range: [10, 40] },
    ),
    pue: sourced(
      1.5,
      'B',
      'Uptime Institute global surveys 2020–2023: industry average PUE 1.55–1.59',
      { range: [1.4, 1.6] },
    ),
  },
  rdhx: {
    id: 'rdhx',
    label: 'Rear-door heat exchanger',
    maxKwPerRack: sourced(
      75,
      'B',
      'rear-door heat exchanger vendors and trade press: passive doors 10–30 kW, active (fan-assisted) doors 40–75 kW per rack',
      { range: [10, 75] },
    ),
    pue: sourced(1.35, 'C', 'planner estimate between air (1.5) and direct-to-chip liquid (1.2)', {
      estimate: true,
    }),
  },
  dlc: {
    id: 'dlc',
    label: 'Direct-to-chip liquid',
    maxKwPerRack: sourced(
      600,
      'B',
      'NVIDIA liquid-cooled racks: NVL72 120–142 kW, Vera Rubin NVL72 ~190–230 kW, Kyber ~600 kW are all direct-to-chip designs',
      { range: [50, 600] },
    ),
    pue: sourced(
      1.2,
      'B',
      'liquid-cooled halls 1.1–1.3 (hyperscale liquid 1.1–1.2; Google fleet 1.10)',
      { range: [1.1, 1.3] },
    ),
  },
  immersion: {
    id: 'immersion',
    label: 'Immersion',
    maxKwPerRack: sourced(
      250,
      'C',
      'immersion vendors and trade press: single-phase ~100–150 kW, two-phase ~200–250 kW per rack-equivalent tank',
      { range: [100, 250] },
    ),
    pue: sourced(1.08, 'C', 'immersion vendors and trade press: PUE 1.03–1.15', {
      range: [1.03, 1.15],
    }),
  },
};
