import {
  DEFAULT_SETTINGS,
  type BatteryYard,
  type CoolingPlant,
  type CoolingZone,
  type FiberTrench,
  type GeneratorYard,
  type Hall,
  type PowerFeeder,
  type RackRow,
  type Substation,
} from '../kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';

export interface BenchCampusOptions {
  /** Total racks to place (NVL72-class, 8 per row, 16 rows per hall). */
  readonly racks: number;
  /** Varies profiles, rack power and hall orientation; the same seed gives the same layout. */
  readonly seed?: number;
}

const RACKS_PER_ROW = 8;
const ROWS_PER_HALL = 16; // 2 columns × 8 rows: 128 racks = 9,216 GPUs, one SuperPOD per hall
const HALL_W = 24;
const HALL_D = 32;
const PITCH_X = HALL_W + 16; // 16 m between halls across
const PITCH_Y = HALL_D + 18; // 18 m street between hall rows
const MARGIN = 100; // parcel edge to buildings
const SUB_W = 120;
const SUB_D = 90;
const SUB_GAP = 20;
const RACK_W = 0.6;
// The plant south of the halls: generator yards (30 × 3 MW gensets), a battery yard per four of
// them, and dry-cooler plants (50 × 2 MW units), each with one spare unit for N+1.
const YARD_W = 100;
const GEN_D = 40;
const GEN_UNITS = 30;
const GEN_UNIT_MW = 3;
const BESS_W = 40;
const PLANT_D = 50;
const PLANT_UNITS = 50;
const PLANT_UNIT_MW = 2;
const YARD_GAP = 12;

/** Small, fast, deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid, realistic campus of `racks` NVL72-class racks, for benchmarks and property tests: a grid
 * of 24 × 32 m halls (16 rows of 8 racks, 600 × 1200 mm, 1.8 m aisles), a DLC cooling zone over
 * each 2 × 2 block of halls, N+1 substations sized to the facility load, and a fiber grid (spines
 * between blocks, streets above each hall row, and a lateral from the street into every hall that
 * joins the street as a T-junction), and the version 2 plant: two MV feeders from the substations
 * down every column of halls, generator and battery yards, and dry-cooler plants. Checks pass for
 * the Blackwell tier.
 */
export function benchCampus({ racks, seed = 1 }: BenchCampusOptions): Layout {
  const rand = prng(seed);
  const totalRacks = Math.max(0, Math.floor(racks));
  const rowCount = Math.ceil(totalRacks / RACKS_PER_ROW);
  const hallCount = Math.ceil(rowCount / ROWS_PER_HALL);
  let cols = Math.max(1, Math.ceil(Math.sqrt(hallCount)));
  if (cols > 1 && cols % 2 === 1) cols++;
  const hallRows = Math.max(1, Math.ceil(hallCount / cols));
  const blockCols = Math.ceil(cols / 2);

  // Power first: it sizes the substation yard north of the halls.
  const profiles: { profile: RackRow['profile']; kw: number | null; rotation: number }[] = [];
  let itMw = 0;
  let racksLeft = totalRacks;
  for (let h = 0; h < hallCount; h++) {
    const gb300 = rand() < 0.6;
    const kw = rand() < 0.25 ? [125, 130, 140][Math.floor(rand() * 3)]! : null;
    const rotation = rand() < 0.2 ? 180 : 0;
    profiles.push({ profile: gb300 ? 'gb300-nvl72' : 'gb200-nvl72', kw, rotation });
    const hallRacks = Math.min(racksLeft, RACKS_PER_ROW * ROWS_PER_HALL);
    racksLeft -= hallRacks;
    itMw += (hallRacks * (kw ?? (gb300 ? 135 : 120))) / 1000;
  }
  const facilityMw = itMw * 1.2;
  const unitMva = facilityMw > 600 ? 500 : facilityMw > 150 ? 250 : 100;
  const subCount = Math.max(2, Math.ceil(facilityMw / (0.95 * unitMva)) + 1);
  const hallAreaW = Math.max(cols * PITCH_X, SUB_W + SUB_GAP);
  const subsPerRow = Math.max(1, Math.floor(hallAreaW / (SUB_W + SUB_GAP)));
  const subRows = Math.ceil(subCount / subsPerRow);
  const substations: Substation[] = [];
  for (let i = 0; i < subCount; i++) {
    substations.push({
      id: `sub-${i + 1}`,
      name: `Substation ${i + 1}`,
      x: MARGIN + (i % subsPerRow) * (SUB_W + SUB_GAP) + SUB_W / 2,
      y: MARGIN + Math.floor(i / subsPerRow) * (SUB_D + SUB_GAP) + SUB_D / 2,
      width: SUB_W,
      depth: SUB_D,
      rotation: 0,
      capacityMva: unitMva,
      voltageKv: unitMva >= 250 ? 345 : 230,
    });
  }

  const x0 = MARGIN + 8;
  const y0 = MARGIN + subRows * (SUB_D + SUB_GAP) + 40;
  const halls: Hall[] = [];
  const rackRows: RackRow[] = [];
  const blockLoadMw = new Map<number, number>();
  racksLeft = totalRacks;
  for (let h = 0; h < hallCount; h++) {
    const c = h % cols;
    const r = Math.floor(h / cols);
    const { profile, kw, rotation } = profiles[h]!;
    const hall: Hall = {
      id: `hall-${h + 1}`,
      name: `Hall ${h + 1}`,
      x: x0 + c * PITCH_X + HALL_W / 2,
      y: y0 + r * PITCH_Y + HALL_D / 2,
      width: HALL_W,
      depth: HALL_D,
      rotation,
      floorRatingKpa: 20,
      rowPowerMw: 1.5,
    };
    halls.push(hall);
    for (let k = 0; k < ROWS_PER_HALL && racksLeft > 0; k++) {
      const count = Math.min(RACKS_PER_ROW, racksLeft);
      racksLeft -= count;
      const side = k < ROWS_PER_HALL / 2 ? -1 : 1; // two columns of rows with a 3 m cross-aisle
      rackRows.push({
        id: `row-${rackRows.length + 1}`,
        hallId: hall.id,
        x: HALL_W / 2 + side * (1.5 + (RACKS_PER_ROW * RACK_W) / 2),
        y: 5.5 + (k % (ROWS_PER_HALL / 2)) * 3,
        rotation: 0,
        rackCount: count,
        profile,
        kwPerRack: kw,
        massKg: null,
      });
      const block = Math.floor(r / 2) * blockCols + Math.floor(c / 2);
      blockLoadMw.set(
        block,
        (blockLoadMw.get(block) ?? 0) +
          (count * (kw ?? (profile === 'gb300-nvl72' ? 135 : 120))) / 1000,
      );
    }
  }

  // One DLC loop over each 2 × 2 block of halls, with 20 % spare capacity.
  const coolingZones: CoolingZone[] = [];
  for (const [block, loadMw] of [...blockLoadMw].sort((a, b) => a[0] - b[0])) {
    const bc = block % blockCols;
    const br = Math.floor(block / blockCols);
    const width = PITCH_X + HALL_W + 6;
    const depth = PITCH_Y + HALL_D + 6;
    coolingZones.push({
      id: `cz-${coolingZones.length + 1}`,
      name: `Loop ${coolingZones.length + 1}`,
      x: x0 + bc * 2 * PITCH_X - 3 + width / 2,
      y: y0 + br * 2 * PITCH_Y - 3 + depth / 2,
      width,
      depth,
      rotation: 0,
      type: 'dlc',
      capacityMw: Math.max(5, Math.ceil((loadMw * 1.2) / 5) * 5),
    });
  }

  // Fiber: spines between blocks (one trench per street-to-street section), streets above every
  // hall row and below the last, one per block, and a lateral into every hall.
  const fiberTrenches: FiberTrench[] = [];
  const trench = (name: string, points: [number, number][], fiberCount: number) =>
    fiberTrenches.push({ id: `tr-${fiberTrenches.length + 1}`, name, points, fiberCount });
  if (hallCount > 0) {
    const spineX = (b: number) => x0 + b * 2 * PITCH_X - 8;
    const streetY = (r: number) => y0 + r * PITCH_Y - 9;
    const spines = Math.ceil(cols / 2) + 1;
    for (let b = 0; b < spines; b++) {
      for (let r = 0; r < hallRows; r++) {
        trench(
          `Spine ${b + 1}.${r + 1}`,
          [
            [spineX(b), streetY(r)],
            [spineX(b), streetY(r + 1)],
          ],
          3456,
        );
      }
    }
    for (let r = 0; r <= hallRows; r++) {
      for (let b = 0; b < spines - 1; b++) {
        trench(
          `Street ${r + 1}.${b + 1}`,
          [
            [spineX(b), streetY(r)],
            [spineX(b + 1), streetY(r)],
          ],
          3456,
        );
      }
    }
    for (const hall of halls) {
      const top = hall.y - HALL_D / 2;
      trench(
        `Lateral ${hall.name}`,
        [
          [hall.x, top - 9],
          [hall.x, top + 3],
        ],
        1728,
      );
    }
  }

  // Feeders: two per column of halls (N+1 keeps one), from a substation down the column, crossing
  // every hall's edge. Each is sized for the column's largest hall with 30 % headroom.
  const powerFeeders: PowerFeeder[] = [];
  const hallMva = new Map<number, number>();
  for (let h = 0; h < hallCount; h++) {
    const { profile, kw } = profiles[h]!;
    const hallRacks = rackRows
      .filter((row) => row.hallId === halls[h]!.id)
      .reduce((n, row) => n + row.rackCount, 0);
    const mva = (hallRacks * (kw ?? (profile === 'gb300-nvl72' ? 135 : 120)) * 1.3) / 1000 / 0.95;
    const c = h % cols;
    hallMva.set(c, Math.max(hallMva.get(c) ?? 0, mva));
  }
  if (hallCount > 0) {
    const feederY = y0 - 13;
    const lastY = y0 + (hallRows - 1) * PITCH_Y + HALL_D + 2;
    for (let c = 0; c < Math.min(cols, hallCount); c++) {
      const colX = x0 + c * PITCH_X + HALL_W / 2;
      for (const [k, dx] of [-4, 4].entries()) {
        const sub = substations[(2 * c + k) % substations.length]!;
        powerFeeders.push({
          id: `fd-${powerFeeders.length + 1}`,
          name: `Feeder ${c + 1}${k === 0 ? 'A' : 'B'}`,
          points: [
            [sub.x, sub.y],
            [sub.x, feederY],
            [colX + dx, feederY],
            [colX + dx, lastY],
          ],
          capacityMva: Math.max(5, Math.ceil((hallMva.get(c) ?? 0) / 5) * 5),
        });
      }
    }
  }

  // The plant band south of the halls: generator yards for the facility load (with a 30 % margin
  // for PUE), a battery yard beside every fourth, then dry-cooler plants for the IT heat + 20 %.
  const bandW = Math.max(hallAreaW, YARD_W + YARD_GAP);
  const perRow = Math.max(1, Math.floor(bandW / (YARD_W + YARD_GAP)));
  let bandY = y0 + hallRows * PITCH_Y + 20;
  const generatorYards: GeneratorYard[] = [];
  const batteryYards: BatteryYard[] = [];
  const coolingPlants: CoolingPlant[] = [];
  const genCount = itMw > 0 ? Math.ceil((itMw * 1.3) / ((GEN_UNITS - 1) * GEN_UNIT_MW)) : 0;
  const plantCount = itMw > 0 ? Math.ceil((itMw * 1.2) / ((PLANT_UNITS - 1) * PLANT_UNIT_MW)) : 0;
  const genRows = Math.ceil(genCount / perRow);
  for (let i = 0; i < genCount; i++) {
    const x = MARGIN + (i % perRow) * (YARD_W + YARD_GAP) + YARD_W / 2;
    const y = bandY + Math.floor(i / perRow) * (GEN_D + YARD_GAP) + GEN_D / 2;
    generatorYards.push({
      id: `gen-${i + 1}`,
      name: `Gensets ${i + 1}`,
      x,
      y,
      width: YARD_W,
      depth: GEN_D,
      rotation: 0,
      units: GEN_UNITS,
      unitMw: GEN_UNIT_MW,
    });
  }
  bandY += genRows * (GEN_D + YARD_GAP);
  const bessCount = Math.ceil(genCount / 4);
  for (let i = 0; i < bessCount; i++) {
    batteryYards.push({
      id: `bess-${i + 1}`,
      name: `BESS ${i + 1}`,
      x: MARGIN + (i % (perRow * 2)) * (BESS_W + YARD_GAP + 4) + BESS_W / 2,
      y: bandY + Math.floor(i / (perRow * 2)) * (BESS_W / 2 + YARD_GAP) + BESS_W / 4,
      width: BESS_W,
      depth: BESS_W / 2,
      rotation: 0,
      powerMw: 50,
      energyMwh: 200,
    });
  }
  bandY += Math.ceil(bessCount / (perRow * 2)) * (BESS_W / 2 + YARD_GAP);
  for (let i = 0; i < plantCount; i++) {
    coolingPlants.push({
      id: `cp-${i + 1}`,
      name: `Dry coolers ${i + 1}`,
      x: MARGIN + (i % perRow) * (YARD_W + YARD_GAP) + YARD_W / 2,
      y: bandY + Math.floor(i / perRow) * (PLANT_D + YARD_GAP) + PLANT_D / 2,
      width: YARD_W,
      depth: PLANT_D,
      rotation: 0,
      type: 'dry-cooler',
      units: PLANT_UNITS,
      unitMw: PLANT_UNIT_MW,
    });
  }
  bandY += Math.ceil(plantCount / perRow) * (PLANT_D + YARD_GAP);

  const right =
    Math.max(x0 + hallAreaW, MARGIN + subsPerRow * (SUB_W + SUB_GAP), MARGIN + bandW) + MARGIN;
  const bottom = Math.max(y0 + hallRows * PITCH_Y, bandY) + MARGIN;
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name: `Generated campus: ${totalRacks.toLocaleString('en-US')} racks (seed ${seed})`,
    settings: { ...DEFAULT_SETTINGS, targetTier: 'blackwell', redundancy: 'N+1', setbackM: 30 },
    parcel: {
      points: [
        [0, 0],
        [right, 0],
        [right, bottom],
        [0, bottom],
      ],
    },
    halls,
    rackRows,
    coolingZones,
    substations,
    fiberTrenches,
    generatorYards,
    batteryYards,
    coolingPlants,
    powerFeeders,
  };
}
