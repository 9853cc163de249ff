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
  /** GPU packages per rack (72 for vr-nvl144, which has 144 dies). */
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
  'planning footprint 600 mm wide (NVIDIA: "same footprint as a 42U rack")',
);
const STD_D = sourced(
  1.2,
  'B',
  'planning footprint 1200 mm deep (NVL72 outer dimensions not published)',
);

/** Values, bases and grades: docs/sources.md "Rack profiles". */
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
    depthM: sourced(1.067, 'B', '42U enclosure: 600 × 1067 mm'),
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
      'NVIDIA DGX SuperPOD H100 design guide: 10.2 kW per system, 4 per rack',
      {
        range: [20, 45],
      },
    ),
    gpusPerRack: sourced(32, 'A', '4 systems × 8 GPUs'),
    massKg: sourced(680, 'D', 'arithmetic: 4 systems plus rack'),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'air',
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
    defaultCooling: 'air',
  },
  'gb200-nvl72': {
    id: 'gb200-nvl72',
    label: 'GB200 NVL72',
    kwPerRack: sourced(120, 'A', 'NVIDIA GB200 SuperPOD RA: SU of 8 racks = 1.2 MW', {
      range: [120, 132],
    }),
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
      135,
      'B',
      'Supermicro 132–140 kW; Microsoft Fairwater designs for 140 kW/rack',
      {
        range: [120, 150],
      },
    ),
    gpusPerRack: sourced(72, 'A', 'NVL72: 72 GPUs in one NVLink domain'),
    massKg: sourced(1360, 'C', 'taken equal to GB200 NVL72 (1.36 t)'),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'dlc',
  },
  'vr-nvl144': {
    id: 'vr-nvl144',
    label: 'Vera Rubin NVL144',
    kwPerRack: sourced(200, 'C', 'press sources disagree: 180–230 kW', { range: [180, 230] }),
    gpusPerRack: sourced(72, 'C', '72 GPU packages (144 dies)'),
    massKg: sourced(1800, 'C', 'press: ~4,000 lb'),
    widthM: STD_W,
    depthM: STD_D,
    defaultCooling: 'dlc',
  },
  'kyber-nvl576': {
    id: 'kyber-nvl576',
    label: 'Rubin Ultra Kyber NVL576 (projected)',
    kwPerRack: sourced(600, 'B', 'NVIDIA keynote remarks: up to 600 kW per rack', {
      range: [600, 660],
    }),
    gpusPerRack: sourced(144, 'B', '144 packages (576 dies)'),
    massKg: sourced(2000, 'X', 'estimate: no published figure (tier table uses 2.0 t)'),
    widthM: sourced(0.6, 'X', 'estimate: no published footprint'),
    depthM: sourced(1.2, 'X', 'estimate: no published footprint'),
    defaultCooling: 'dlc',
  },
};
