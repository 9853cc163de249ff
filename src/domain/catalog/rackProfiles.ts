import type { CoolingTypeId } from './coolingTypes';
import { sourced, type Sourced } from './sourced';

export const RACK_PROFILE_IDS = [
  'enterprise-air',
  'hpc-air',
  'hgx-h100',
  'hgx-b200',
  'gb200-nvl72',
  'gb300-nvl72',
  'vr-nvl144',
  'kyber-nvl576',
] as const;
export type RackProfileId = (typeof RACK_PROFILE_IDS)[number];

export interface RackProfile {
  readonly id: RackProfileId;
  readonly label: string;
  readonly kwPerRack: Sourced<number>;
  /** GPU packages per rack (72 for vr-nvl144, which has 144 dies; 144 for kyber-nvl576). */
  readonly gpusPerRack: Sourced<number>;
  readonly massKg: Sourced<number>;
  /** Footprint along the row, metres. */
  readonly widthM: Sourced<number>;
  /** Footprint across the row, metres. */
  readonly depthM: Sourced<number>;
  readonly defaultCooling: CoolingTypeId;
}

const STD_W = sourced(
  0.6,
  'B',
  'planning footprint 600 mm wide: NVIDIA gives NVL72 racks "the same footprint as a 42U rack"; outer dimensions not published',
);
const STD_D = sourced(
  1.2,
  'B',
  'planning footprint 1200 mm deep (a 600 × 1200 mm AI enclosure; NVL72 outer dimensions not published)',
);

/** Rack profiles a row can hold; each value quotes its public source and grade. */
export const RACK_PROFILES: Readonly<Record<RackProfileId, RackProfile>> = {
  'enterprise-air': {
    id: 'enterprise-air',
    label: 'Enterprise air rack',
    kwPerRack: sourced(8, 'B', 'Uptime survey 2024 (avg ~8 kW); Schneider WP156 (optimum 5–8 kW)', {
      range: [5, 15],
    }),
    gpusPerRack: sourced(0, 'B', 'CPU servers'),
    massKg: sourced(600, 'X', 'estimate: no public figure'),
    widthM: STD_W,
    depthM: sourced(1.067, 'B', '600 × 1067 mm (standard 42U enclosure)'),
    defaultCooling: 'air',
  },
  'hpc-air': {
    id: 'hpc-air',
    label: 'HPC air rack',
    kwPerRack: sourced(25, 'C', 'seed: 15–30 kW HPC racks', { range: [15, 30] }),
    gpusPerRack: sourced(0, 'C', 'CPU HPC nodes'),
    massKg: sourced(900, 'X', 'estimate: no public figure'),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'air',
  },
  'hgx-h100': {
    id: 'hgx-h100',
    label: 'HGX H100 (4× DGX H100)',
    kwPerRack: sourced(
      40.8,
      'A',
      'NVIDIA DGX SuperPOD H100 data-center design guide: 10.2 kW per system, 4 per rack',
      {
        range: [20, 45],
      },
    ),
    gpusPerRack: sourced(32, 'A', '4 systems × 8 GPUs'),
    massKg: sourced(680, 'D', 'arithmetic: 4 systems plus rack'),
    widthM: STD_W,
    depthM: STD_D,
    // 40.8 kW is just over the 40 kW air (full containment) limit: active rear doors remove it.
    defaultCooling: 'rdhx',
  },
  'hgx-b200': {
    id: 'hgx-b200',
    label: 'HGX B200 (4× DGX B200)',
    kwPerRack: sourced(57, 'A', 'NVIDIA DGX B200 user guide: 14.3 kW per 10U system, 4 per rack', {
      range: [43, 60],
    }),
    gpusPerRack: sourced(32, 'A', '4 systems × 8 GPUs'),
    massKg: sourced(720, 'D', 'arithmetic: 4 × 142.4 kg systems plus rack'),
    widthM: STD_W,
    depthM: STD_D,
    // 57 kW exceeds air's 40 kW limit (and the ~56 kW of NVIDIA's contained air-cooled DGX B300
    // racks): active rear-door heat exchangers (40–75 kW) remove it.
    defaultCooling: 'rdhx',
  },
  'gb200-nvl72': {
    id: 'gb200-nvl72',
    label: 'GB200 NVL72',
    kwPerRack: sourced(
      120,
      'B',
      'NVIDIA GB200 NVL72: ~120 kW per rack (launch coverage and OEM specifications give 120–132 kW). Not the SuperPOD row: the DGX SuperPOD GB200 RA scalable unit is 8 compute racks in a 1.2 MW row, i.e. 150 kW per compute rack of row budget, not the rack’s draw',
      { range: [120, 132] },
    ),
    gpusPerRack: sourced(72, 'A', 'NVL72: 72 GPUs in one NVLink domain'),
    massKg: sourced(1360, 'B', 'GTC 2024 press: 1.36 t (3,000 lb)', { range: [1360, 1500] }),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'dlc',
  },
  'gb300-nvl72': {
    id: 'gb300-nvl72',
    label: 'GB300 NVL72',
    kwPerRack: sourced(
      142,
      'A',
      'NVIDIA NVL72 AI Factory enterprise reference architecture: "Full rack requiring up to 142 kW" (8 × 33 kW power shelves); Supermicro 132–140 kW; Microsoft Fairwater designs for 140 kW/rack',
      { range: [132, 142] },
    ),
    gpusPerRack: sourced(72, 'A', 'NVL72: 72 GPUs in one NVLink domain'),
    massKg: sourced(1360, 'C', 'taken equal to GB200 NVL72 (1.36 t)'),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'dlc',
  },
  'vr-nvl144': {
    id: 'vr-nvl144',
    label: 'Vera Rubin NVL72 (formerly NVL144)',
    kwPerRack: sourced(
      227,
      'A',
      'NVIDIA Vera Rubin NVL72 AI factory reference architecture: Max-P ≈ 227 kW per rack (planned at Max-P); NVIDIA developer blog "Vera Rubin POD" and TrendForce (~225 kW) give ~190–230 kW',
      { range: [190, 230] },
    ),
    gpusPerRack: sourced(
      72,
      'A',
      'NVIDIA Vera Rubin NVL72: 72 GPU packages (144 dies, hence the earlier name NVL144)',
    ),
    massKg: sourced(1800, 'C', 'press: ~1.8 t (~4,000 lb)'),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'dlc',
  },
  'kyber-nvl576': {
    id: 'kyber-nvl576',
    label: 'Rubin Ultra Kyber NVL144 (formerly NVL576; projected)',
    kwPerRack: sourced(
      600,
      'C',
      'trade reports of GTC 2026 (Kyber NVL144) and TrendForce: ~600–660 kW per rack; NVIDIA keynote remarks: up to 600 kW',
      { range: [600, 660] },
    ),
    gpusPerRack: sourced(
      144,
      'C',
      'trade reports of GTC 2026: Kyber NVL144, 144 GPU packages (576 dies, hence the earlier name NVL576)',
    ),
    massKg: sourced(2000, 'X', 'estimate: no published figure (the Rubin Ultra tier uses 2.0 t)'),
    widthM: sourced(0.6, 'X', 'estimate: no published footprint'),
    depthM: sourced(1.2, 'X', 'estimate: no published footprint'),
    defaultCooling: 'dlc',
  },
};
