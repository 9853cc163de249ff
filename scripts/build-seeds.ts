/**
 * Builds the sample layouts in seeds/ from the domain's create* functions and plain arithmetic
 * (no randomness), validates each through the file format, checks it against the tiers it is
 * meant to teach, and writes seeds/<id>.json with the format's serializer.
 *
 *   npx tsx scripts/build-seeds.ts           write the files
 *   npx tsx scripts/build-seeds.ts --check   only say whether the committed files are current
 *
 * The builders are exported so the seed tests can compare the committed files with fresh builds.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createCoolingPlant,
  createCoolingZone,
  createFiberTrench,
  createGeneratorYard,
  createPowerFeeder,
  GENERATOR,
  PLANT_TYPES,
  createHall,
  createRackRow,
  createSubstation,
  hallWhiteSpaceRect,
  defaultSettings,
  emptyPlant,
  FORMAT_ID,
  FORMAT_VERSION,
  RACK_PROFILES,
  COOLING_TYPES,
  rowKwPerRack,
  type CoolingTypeId,
  type CoolingPlant,
  type CoolingZone,
  type FiberTrench,
  type GeneratorYard,
  type PlantTypeId,
  type PowerFeeder,
  type Hall,
  type Layout,
  type RackProfileId,
  type RackRow,
  type Settings,
  type Substation,
  type TierId,
  type XY,
} from '../src/domain';
import { parseLayoutValue, serializeLayout } from '../src/domain/format';
import { computeReport, type CheckId } from '../src/domain/report';
import { readIfPresent } from './generatedFile';

/** Coordinates to the millimetre, so that no float residue (12.600000000000001) reaches the files. */
const mm = (v: number): number => Math.round(v * 1000) / 1000;

// ---------------------------------------------------------------------------------------------
// Building blocks

interface RowGrid {
  /** Rows side by side along the hall's x axis (end to end, separated by `endGapM`). */
  readonly columns: number;
  /** Lines of rows across the hall's depth, alternating cold and hot aisles between them. */
  readonly lines: number;
  readonly rackCount: number;
  readonly profile: RackProfileId;
  /** null: the profile's default. */
  readonly kwPerRack: number | null;
  /** Cold aisle between the fronts of two facing rows, m. */
  readonly coldAisleM: number;
  /** Hot aisle between the backs of two rows, m. */
  readonly hotAisleM: number;
  /** Gap between the ends of two rows in one line (cross aisle, row-end CDUs or PDUs), m. */
  readonly endGapM: number;
}

/**
 * Lays rows out in a block centred in the hall: `columns` rows end to end per line, `lines` lines
 * with a cold aisle after the first line, a hot aisle after the second, and so on (rows face each
 * other across the cold aisle and back onto the hot aisle).
 */
function layRows(hall: Hall, tier: TierId, grid: RowGrid): RackRow[] {
  const profile = RACK_PROFILES[grid.profile];
  const rowLength = grid.rackCount * profile.widthM.value;
  const rowDepth = profile.depthM.value;
  const aisles: number[] = [];
  for (let i = 0; i < grid.lines - 1; i++)
    aisles.push(i % 2 === 0 ? grid.coldAisleM : grid.hotAisleM);
  const blockWidth = grid.columns * rowLength + (grid.columns - 1) * grid.endGapM;
  const blockDepth = grid.lines * rowDepth + aisles.reduce((a, b) => a + b, 0);
  if (blockWidth > hall.width || blockDepth > hall.depth) {
    throw new Error(
      `${hall.id}: a ${blockWidth.toFixed(1)} × ${blockDepth.toFixed(1)} m block of rows does not fit in ${hall.width} × ${hall.depth} m`,
    );
  }
  // Centred in the hall's white space (its near side; the support band is along the far side).
  const white = hallWhiteSpaceRect(hall, tier);
  if (blockDepth > white.depth) {
    throw new Error(
      `${hall.id}: a ${blockDepth.toFixed(1)} m deep block of rows does not fit the ${white.depth.toFixed(1)} m of white space`,
    );
  }
  const left = (hall.width - blockWidth) / 2;
  const top = (white.depth - blockDepth) / 2;
  const rows: RackRow[] = [];
  let lineTop = top;
  for (let line = 0; line < grid.lines; line++) {
    for (let col = 0; col < grid.columns; col++) {
      const n = line * grid.columns + col + 1;
      const x = left + col * (rowLength + grid.endGapM) + rowLength / 2;
      const y = lineTop + rowDepth / 2;
      rows.push(
        createRackRow(
          `${hall.id}-row-${String(n).padStart(2, '0')}`,
          hall.id,
          { x: mm(x), y: mm(y) },
          {
            rackCount: grid.rackCount,
            profile: grid.profile,
            kwPerRack: grid.kwPerRack,
            massKg: null,
          },
        ),
      );
    }
    lineTop += rowDepth + (aisles[line] ?? 0);
  }
  return rows;
}

/** Halls on a grid: `columns` × `lines` halls of one size, `gapX`/`gapY` metres apart. */
function hallGrid(opts: {
  readonly columns: number;
  readonly lines: number;
  /** Centre of the top-left hall. */
  readonly first: { x: number; y: number };
  readonly width: number;
  readonly depth: number;
  readonly gapX: number;
  readonly gapY: number;
  readonly floorRatingKpa: number;
  readonly rowPowerMw: number;
  readonly name: (n: number) => string;
}): Hall[] {
  const halls: Hall[] = [];
  for (let line = 0; line < opts.lines; line++) {
    for (let col = 0; col < opts.columns; col++) {
      const n = line * opts.columns + col + 1;
      halls.push(
        createHall(
          `hall-${n}`,
          {
            x: mm(opts.first.x + col * (opts.width + opts.gapX)),
            y: mm(opts.first.y + line * (opts.depth + opts.gapY)),
          },
          {
            name: opts.name(n),
            width: opts.width,
            depth: opts.depth,
            floorRatingKpa: opts.floorRatingKpa,
            rowPowerMw: opts.rowPowerMw,
          },
        ),
      );
    }
  }
  return halls;
}

/** One cooling zone per hall: the hall plus `marginM` all round (its CDU gallery and heat-rejection yard). */
function zonesForHalls(
  halls: readonly Hall[],
  type: CoolingTypeId,
  capacityMw: number,
  marginM: number,
  name: (hall: Hall, n: number) => string,
): CoolingZone[] {
  return halls.map((hall, i) =>
    createCoolingZone(
      `cz-${i + 1}`,
      { x: hall.x, y: hall.y, width: hall.width + 2 * marginM, depth: hall.depth + 2 * marginM },
      { name: name(hall, i + 1), type, capacityMw },
    ),
  );
}

/** Substation yards stacked down a column at `x`, `pitch` metres apart from `y0`. */
function substationColumn(opts: {
  readonly count: number;
  readonly x: number;
  readonly y0: number;
  readonly pitch: number;
  readonly width: number;
  readonly depth: number;
  readonly capacityMva: number;
  readonly voltageKv: number;
  readonly name: (n: number) => string;
}): Substation[] {
  return Array.from({ length: opts.count }, (_, i) =>
    createSubstation(
      `sub-${i + 1}`,
      { x: opts.x, y: mm(opts.y0 + i * opts.pitch) },
      {
        name: opts.name(i + 1),
        width: opts.width,
        depth: opts.depth,
        capacityMva: opts.capacityMva,
        voltageKv: opts.voltageKv,
      },
    ),
  );
}

/** A closed ring of trenches, one trench from each station to the next (and the last back to the first). */
function ring(
  stations: readonly XY[],
  fiberCount: number,
  name: (n: number) => string,
): FiberTrench[] {
  return stations.map((from, i) => {
    const to = stations[(i + 1) % stations.length]!;
    return createFiberTrench(`tr-${i + 1}`, [from, to], { name: name(i + 1), fiberCount });
  });
}

const corners = {
  topLeft: (h: Hall): XY => [mm(h.x - h.width / 2), mm(h.y - h.depth / 2)],
  topRight: (h: Hall): XY => [mm(h.x + h.width / 2), mm(h.y - h.depth / 2)],
  bottomRight: (h: Hall): XY => [mm(h.x + h.width / 2), mm(h.y + h.depth / 2)],
  bottomLeft: (h: Hall): XY => [mm(h.x - h.width / 2), mm(h.y + h.depth / 2)],
  topMid: (h: Hall): XY => [mm(h.x), mm(h.y - h.depth / 2)],
  bottomMid: (h: Hall): XY => [mm(h.x), mm(h.y + h.depth / 2)],
};

function rectParcel(width: number, depth: number): Layout['parcel'] {
  return {
    points: [
      [0, 0],
      [width, 0],
      [width, depth],
      [0, depth],
    ],
  };
}

type Plant = ReturnType<typeof emptyPlant>;

function layout(
  name: string,
  settings: Partial<Settings>,
  parts: Omit<Layout, 'format' | 'version' | 'name' | 'settings' | keyof Plant> & Partial<Plant>,
): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name,
    settings: { ...defaultSettings(), ...settings },
    ...emptyPlant(),
    ...parts,
  };
}

function at<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new Error(`no element ${i}`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// The campus beyond the halls (format version 2): feeders, generator yards, cooling plants

/** IT MW of a hall's rows. */
function hallItMw(hall: Hall, rows: readonly RackRow[]): number {
  return rows
    .filter((r) => r.hallId === hall.id)
    .reduce((s, r) => s + (r.rackCount * rowKwPerRack(r)) / 1000, 0);
}

/** Round up to a whole number of `step`, ignoring float residue just above a multiple. */
const ceilTo = (v: number, step: number): number => Math.ceil(v / step - 1e-9) * step;

/** Feeder MVA rating: the hall's facility MW at the power factor, rounded up to 5 MVA. */
function feederMvaFor(hallFacilityMw: number, powerFactor: number): number {
  return ceilTo(hallFacilityMw / powerFactor, 5);
}

/** One feeder route from a substation to a hall, with the lane and trunk it runs along. */
interface FeedRoute {
  readonly sub: Substation;
  readonly hall: Hall;
  /** y of the lane the feeder runs along beside the hall row (outside the cooling zones). */
  readonly laneY: number;
  /** x of the riser from the substation to the lane (between the halls and the substations). */
  readonly trunkX: number;
  /** Where along the hall's wall the feeder lands, from the hall's centre, m. */
  readonly landDx: number;
  readonly capacityMva: number;
  readonly name: string;
}

/**
 * A feeder that leaves the substation's side facing the halls, rises (or drops) along `trunkX` to
 * its lane, runs along the lane and lands square on the hall's wall facing the lane. Lanes and
 * trunks keep clear of every other hall, so each feeder attaches to one substation and one hall.
 */
function routeFeeder(id: string, r: FeedRoute): PowerFeeder {
  const { sub, hall } = r;
  const east = sub.x > hall.x;
  const edgeX = east ? sub.x - sub.width / 2 : sub.x + sub.width / 2;
  const top = sub.y - sub.depth / 2 + 3;
  const bottom = sub.y + sub.depth / 2 - 3;
  const startY = Math.min(bottom, Math.max(top, r.laneY));
  const landX = hall.x + r.landDx;
  const wallY = r.laneY < hall.y ? hall.y - hall.depth / 2 : hall.y + hall.depth / 2;
  const pts: XY[] =
    startY === r.laneY
      ? [
          [edgeX, r.laneY],
          [landX, r.laneY],
          [landX, wallY],
        ]
      : [
          [edgeX, startY],
          [r.trunkX, startY],
          [r.trunkX, r.laneY],
          [landX, r.laneY],
          [landX, wallY],
        ];
  return createPowerFeeder(
    id,
    pts.map(([x, y]) => [mm(x), mm(y)] as XY),
    { name: r.name, capacityMva: r.capacityMva },
  );
}

/**
 * Feeders from one substation to a row of halls along one lane band: the hall farthest from the
 * substation takes the lane farthest from the halls (and the trunk nearest them), so the routes
 * nest. `laneY(k)` gives the k-th lane (k = 0 for the farthest hall).
 */
function feederGroup(opts: {
  readonly sub: Substation;
  readonly halls: readonly Hall[];
  readonly laneY: (k: number) => number;
  readonly trunkX: (k: number) => number;
  readonly landDx: (hall: Hall) => number;
  readonly capacityMva: number;
  readonly name: (hall: Hall) => string;
}): FeedRoute[] {
  const sorted = [...opts.halls].sort(
    (a, b) => Math.abs(b.x - opts.sub.x) - Math.abs(a.x - opts.sub.x),
  );
  return sorted.map((hall, k) => ({
    sub: opts.sub,
    hall,
    laneY: opts.laneY(k),
    trunkX: opts.trunkX(k),
    landDx: opts.landDx(hall),
    capacityMva: opts.capacityMva,
    name: opts.name(hall),
  }));
}

/** Feeders for routes, numbered fd-1, fd-2, ... in the order given. */
const feedersOf = (routes: readonly FeedRoute[]): PowerFeeder[] =>
  routes.map((r, i) => routeFeeder(`fd-${i + 1}`, r));

/**
 * Each hall's plant block on its outer side (away from the campus's middle): a cooling plant
 * `gapM` beyond the hall's cooling zone (room for the feeder lanes) and the hall's generator yard
 * beyond the plant. Plants reject the hall's IT heat with one spare unit; yards carry the hall's
 * facility load with one spare unit. Footprints from ~80 m² per MW of heat rejection and ~50 m²
 * per MW of gensets, as wide as the hall.
 */
function hallBlocks(opts: {
  readonly halls: readonly Hall[];
  readonly rows: readonly RackRow[];
  /** Which side of each hall the block goes on. */
  readonly side: (hall: Hall) => 'north' | 'south';
  readonly zoneMarginM: number;
  readonly gapM: number;
  readonly plantType: PlantTypeId;
  readonly pue: number;
  readonly plantName: (hall: Hall) => string;
  readonly yardName: (hall: Hall) => string;
}): { coolingPlants: CoolingPlant[]; generatorYards: GeneratorYard[] } {
  const coolingPlants: CoolingPlant[] = [];
  const generatorYards: GeneratorYard[] = [];
  const plantUnitMw = PLANT_TYPES[opts.plantType].unitMw.value;
  const genUnitMw = GENERATOR.unitMw.value;
  opts.halls.forEach((hall, i) => {
    const it = hallItMw(hall, opts.rows);
    const plantUnits = ceilTo(it / plantUnitMw, 1) + 1;
    const genUnits = ceilTo((it * opts.pue) / genUnitMw, 1) + 1;
    const plantDepth = Math.max(15, ceilTo((plantUnits * plantUnitMw * 80) / hall.width, 1));
    const yardDepth = Math.max(15, ceilTo((genUnits * genUnitMw * 50) / hall.width, 1));
    const sign = opts.side(hall) === 'north' ? -1 : 1;
    const wall = hall.y + (sign * hall.depth) / 2;
    const plantNear = wall + sign * (opts.zoneMarginM + opts.gapM);
    const plantY = plantNear + (sign * plantDepth) / 2;
    const yardY = plantNear + sign * (plantDepth + 5 + yardDepth / 2);
    coolingPlants.push(
      createCoolingPlant(
        `cp-${i + 1}`,
        { x: hall.x, y: mm(plantY) },
        {
          name: opts.plantName(hall),
          width: hall.width,
          depth: plantDepth,
          type: opts.plantType,
          units: plantUnits,
          unitMw: plantUnitMw,
        },
      ),
    );
    generatorYards.push(
      createGeneratorYard(
        `gen-${i + 1}`,
        { x: hall.x, y: mm(yardY) },
        {
          name: opts.yardName(hall),
          width: hall.width,
          depth: yardDepth,
          units: genUnits,
          unitMw: genUnitMw,
        },
      ),
    );
  });
  return { coolingPlants, generatorYards };
}

/** Axis-aligned bounds of an unrotated rectangle element. */
const bounds = (e: { x: number; y: number; width: number; depth: number }) => ({
  x0: e.x - e.width / 2,
  x1: e.x + e.width / 2,
  y0: e.y - e.depth / 2,
  y1: e.y + e.depth / 2,
});

/**
 * Where a planner would not put the plant: outside the parcel's setback (the seeds' parcels are
 * rectangles from the origin) or on top of a hall, cooling zone, substation or another plant
 * element. The report's geometry and setback checks hold yards and plants too, but its overlap
 * check looks at halls and rows only, so the build checks overlaps itself.
 */
export function plantPlacementProblems(l: Layout): string[] {
  const problems: string[] = [];
  const xs = l.parcel.points.map((p) => p[0]);
  const ys = l.parcel.points.map((p) => p[1]);
  const s = l.settings.setbackM;
  const [px0, px1, py0, py1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const placed = [...l.coolingPlants, ...l.generatorYards, ...l.batteryYards];
  const others = [...l.halls, ...l.coolingZones, ...l.substations, ...placed];
  for (const e of placed) {
    const b = bounds(e);
    if (b.x0 < px0 + s || b.x1 > px1 - s || b.y0 < py0 + s || b.y1 > py1 - s)
      problems.push(`${e.id} is outside the parcel's setback`);
    for (const o of others) {
      if (o === e) continue;
      const c = bounds(o);
      if (b.x0 < c.x1 && c.x0 < b.x1 && b.y0 < c.y1 && c.y0 < b.y1)
        problems.push(`${e.id} overlaps ${o.id}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The seeds

/** Air-hall aisles at the classic hot/cold-aisle pitch: 7 tiles = 4.27 m per pair (cold 1.22 m, hot 0.91 m). */
const AIR_AISLES = { coldAisleM: 1.22, hotAisleM: 0.91 } as const;
/**
 * Liquid-hall aisles: cold 1.8 m (3 tiles, room for service carts), hot 1.2 m, and 7.2 m between
 * row ends for the row-end CDUs, power sidecars and a cross aisle. That gives
 * (4.8 + 7.2) / 8 × (1.2 + 1.5) ≈ 4.05 m² of white space per NVL72 rack, inside the
 * 2.8–4.6 m² (30–50 ft²) per AI rack, aisles included, that trade sources quote.
 */
const LIQUID_AISLES = { coldAisleM: 1.8, hotAisleM: 1.2, endGapM: 7.2 } as const;

/**
 * 20 MW IT of 10 kW enterprise air racks: 5 halls × 20 rows × 20 racks = 2,000 racks.
 * 12 kPa (TIA-942 Rated 3) floors, air cooling, 0.25 MW per row, 864-fiber spine.
 */
export function traditional20(): Layout {
  const halls = hallGrid({
    columns: 5,
    lines: 1,
    first: { x: 90, y: 130 },
    width: 48,
    depth: 36,
    gapX: 30,
    gapY: 0,
    floorRatingKpa: 12,
    rowPowerMw: 0.25,
    name: (n) => `Data hall ${n}`,
  });
  const rackRows = halls.flatMap((hall) =>
    layRows(hall, 'traditional', {
      columns: 2,
      lines: 10,
      rackCount: 20,
      profile: 'enterprise-air',
      kwPerRack: 10,
      ...AIR_AISLES,
      endGapM: 2.4,
    }),
  );
  const coolingZones = zonesForHalls(halls, 'air', 5, 4, (_h, n) => `CRAH plant ${n}`);
  const substations = substationColumn({
    count: 2,
    x: 520,
    y0: 95,
    pitch: 80,
    width: 50,
    depth: 40,
    capacityMva: 40,
    voltageKv: 138,
    name: (n) => `138 kV yard ${n}`,
  });
  // A spine along the halls' south walls, touching each hall at the middle of its wall, from a
  // carrier entrance at the parcel's west edge.
  const spine: XY[] = [[0, at(halls, 0).y + 18], ...halls.map(corners.bottomMid)];
  const fiberTrenches = [
    createFiberTrench('tr-1', spine, { name: 'Campus spine', fiberCount: 864 }),
  ];
  // N+1 feeds: each hall takes one feeder from each yard, each able to carry the whole hall
  // (4 MW IT × PUE 1.5 = 6 MW ÷ pf 0.95 → 10 MVA), along lanes north and south of the halls.
  const pue = COOLING_TYPES.air.pue.value;
  const mva = feederMvaFor(4 * pue, 0.95);
  const [s1, s2] = [at(substations, 0), at(substations, 1)];
  const powerFeeders = feedersOf([
    ...feederGroup({
      sub: s1,
      halls,
      laneY: (k) => 90 + 2 * k,
      trunkX: (k) => 480 - 2 * k,
      landDx: () => -8,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: s2,
      halls,
      laneY: (k) => 170 - 2 * k,
      trunkX: (k) => 480 - 2 * k,
      landDx: () => 8,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
  ]);
  // Chillers with cooling towers south of each hall (the enterprise norm), gensets beyond them.
  const blocks = hallBlocks({
    halls,
    rows: rackRows,
    side: () => 'south',
    zoneMarginM: 4,
    gapM: 22,
    plantType: 'chiller-tower',
    pue,
    plantName: (h) => `${h.name} chillers`,
    yardName: (h) => `${h.name} gensets`,
  });
  return layout(
    'Traditional 20 MW enterprise campus (2,000 air-cooled racks at 10 kW)',
    { targetTier: 'traditional', redundancy: 'N+1', pue: null, setbackM: 0 },
    {
      parcel: rectParcel(600, 280),
      halls,
      rackRows,
      coolingZones,
      substations,
      fiberTrenches,
      powerFeeders,
      ...blocks,
    },
  );
}

/**
 * The app's default: ~218 MW IT of GB300 NVL72 (142 kW) in 4 halls × 48 rows × 8 racks = 1,536
 * racks (1,536 × 142 kW = 218.112 MW; 1.136 MW rows); 20 kPa slabs, DLC, 1.5 MW rows, N+1 4 × 100 MVA, a 3,456-fiber ring.
 */
export function blackwell200(): Layout {
  const halls = hallGrid({
    columns: 2,
    lines: 2,
    first: { x: 250, y: 245 },
    width: 110,
    depth: 50,
    gapX: 60,
    gapY: 60,
    floorRatingKpa: 20,
    rowPowerMw: 1.5,
    name: (n) => `Hall ${n}`,
  });
  const rackRows = halls.flatMap((hall) =>
    layRows(hall, 'blackwell', {
      columns: 6,
      lines: 8,
      rackCount: 8,
      profile: 'gb300-nvl72',
      kwPerRack: null,
      ...LIQUID_AISLES,
    }),
  );
  const coolingZones = zonesForHalls(
    halls,
    'dlc',
    60,
    10,
    (_h, n) => `Liquid loop ${String.fromCharCode(64 + n)}`,
  );
  const substations = substationColumn({
    count: 4,
    x: 760,
    y0: 120,
    pitch: 120,
    width: 80,
    depth: 60,
    capacityMva: 100,
    voltageKv: 230,
    name: (n) => `230 kV yard ${n}`,
  });
  const [h1, h2, h3, h4] = [at(halls, 0), at(halls, 1), at(halls, 2), at(halls, 3)];
  const fiberTrenches = ring(
    [corners.topLeft(h1), corners.topRight(h2), corners.bottomRight(h4), corners.bottomLeft(h3)],
    3456,
    (n) => `Ring ${['north', 'east', 'south', 'west'][n - 1]}`,
  );
  // N+1 feeds: every hall takes a feeder from two different yards, each able to carry the whole
  // hall (54.5 MW IT × PUE 1.2 = 65.4 MW ÷ pf 0.95 → 70 MVA), along lanes outside the zones.
  const pue = COOLING_TYPES.dlc.pue.value;
  const mva = feederMvaFor((218.112 / 4) * pue, 0.95);
  const powerFeeders = feedersOf([
    ...feederGroup({
      sub: at(substations, 0),
      halls: [h1, h2],
      laneY: (k) => 195 + 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 1),
      halls: [h1, h2],
      laneY: (k) => 289 - 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
    ...feederGroup({
      sub: at(substations, 2),
      halls: [h3, h4],
      laneY: (k) => 311 + 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 3),
      halls: [h3, h4],
      laneY: (k) => 405 - 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
  ]);
  // Dry coolers (no water: the liquid loops run warm) on each hall's outer side, gensets beyond.
  const blocks = hallBlocks({
    halls,
    rows: rackRows,
    side: (h) => (h.y < 300 ? 'north' : 'south'),
    zoneMarginM: 10,
    gapM: 20,
    plantType: 'dry-cooler',
    pue,
    plantName: (h) => `${h.name} dry coolers`,
    yardName: (h) => `${h.name} gensets`,
  });
  return layout(
    'Blackwell campus: ~218 MW IT of GB300 NVL72 (4 halls, 1,536 racks, N+1)',
    { targetTier: 'blackwell', redundancy: 'N+1', pue: null, setbackM: 0 },
    {
      parcel: rectParcel(900, 600),
      halls,
      rackRows,
      coolingZones,
      substations,
      fiberTrenches,
      powerFeeders,
      ...blocks,
    },
  );
}

/**
 * ~302 MW IT of Vera Rubin NVL72 (formerly NVL144) at 210 kW: 6 halls × 24 rows × 10 racks = 1,440 racks, 2.1 MW
 * rows under 2.5 MW row power, 25 kPa slabs, DLC, 2N 4 × 200 MVA, a 6,912-fiber ring.
 */
export function rubin300(plantType: PlantTypeId = 'dry-cooler'): Layout {
  const halls = hallGrid({
    columns: 3,
    lines: 2,
    first: { x: 260, y: 260 },
    width: 90,
    depth: 45,
    gapX: 60,
    gapY: 60,
    floorRatingKpa: 25,
    rowPowerMw: 2.5,
    name: (n) => `Hall ${n}`,
  });
  const rackRows = halls.flatMap((hall) =>
    layRows(hall, 'rubin', {
      columns: 4,
      lines: 6,
      rackCount: 10,
      profile: 'vr-nvl144',
      kwPerRack: 210,
      ...LIQUID_AISLES,
    }),
  );
  const coolingZones = zonesForHalls(
    halls,
    'dlc',
    60,
    10,
    (_h, n) => `Liquid loop ${String.fromCharCode(64 + n)}`,
  );
  const substations = substationColumn({
    count: 4,
    x: 870,
    y0: 150,
    pitch: 130,
    width: 100,
    depth: 80,
    capacityMva: 200,
    voltageKv: 345,
    name: (n) => `345 kV yard ${n <= 2 ? 'A' : 'B'}${((n - 1) % 2) + 1}`,
  });
  const h = (i: number) => at(halls, i);
  const fiberTrenches = ring(
    [
      corners.topLeft(h(0)),
      corners.topMid(h(1)),
      corners.topRight(h(2)),
      corners.bottomRight(h(5)),
      corners.bottomMid(h(4)),
      corners.bottomLeft(h(3)),
    ],
    6912,
    (n) => `Ring segment ${n}`,
  );
  // 2N feeds: every hall takes one feeder from an A yard and one from a B yard, each able to
  // carry the whole hall (50.4 MW IT × PUE 1.2 = 60.5 MW ÷ pf 0.95 → 65 MVA).
  const pue = COOLING_TYPES.dlc.pue.value;
  const mva = feederMvaFor((302.4 / 6) * pue, 0.95);
  const powerFeeders = feedersOf([
    ...feederGroup({
      sub: at(substations, 0),
      halls: [h(0), h(1), h(2)],
      laneY: (k) => 210 + 3 * k,
      trunkX: (k) => 810 - 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 2),
      halls: [h(0), h(1), h(2)],
      laneY: (k) => 306 - 3 * k,
      trunkX: (k) => 800 - 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
    ...feederGroup({
      sub: at(substations, 1),
      halls: [h(3), h(4), h(5)],
      laneY: (k) => 319 + 3 * k,
      trunkX: (k) => 810 - 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 3),
      halls: [h(3), h(4), h(5)],
      laneY: (k) => 410 - 3 * k,
      trunkX: (k) => 810 - 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
  ]);
  // Dry coolers (no water: the liquid loops run warm) on each hall's outer side, gensets beyond.
  const blocks = hallBlocks({
    halls,
    rows: rackRows,
    side: (h) => (h.y < 300 ? 'north' : 'south'),
    zoneMarginM: 10,
    gapM: 25,
    plantType,
    pue,
    plantName: (h) => `${h.name} ${PLANT_TYPES[plantType].label.toLowerCase()}`,
    yardName: (h) => `${h.name} gensets`,
  });
  return layout(
    plantType === 'dry-cooler'
      ? 'Rubin campus: ~302 MW IT of Vera Rubin NVL72 at 210 kW (6 halls, 2.1 MW rows, 2N)'
      : `Rubin campus on ${PLANT_TYPES[plantType].label.toLowerCase()}: the same ~302 MW IT, rejecting its heat by evaporating water`,
    { targetTier: 'rubin', redundancy: '2N', pue: null, setbackM: 0 },
    {
      parcel: rectParcel(1000, 600),
      halls,
      rackRows,
      coolingZones,
      substations,
      fiberTrenches,
      powerFeeders,
      ...blocks,
    },
  );
}

/**
 * The Rubin campus with chillers and evaporative cooling towers in place of dry coolers: the same
 * ~302 MW IT, and the water lesson. At 0.8 utilization its IT energy is 302 × 8,760 × 0.8 ≈
 * 2.1 TWh a year; towers at 1.8 L per IT kWh evaporate ≈ 3.8 million m³ (≈ 1 billion US gallons)
 * a year, where the dry coolers of `rubin-300mw` use none.
 */
export const towers300 = (): Layout => rubin300('chiller-tower');

/**
 * Modelled on the public figures for IREN's Childress campus (IREN disclosures and press): 750 MW gross on
 * ~420 acres with a 345 kV connection, built in phases of 75 MW gross / 50 MW IT, direct-to-chip,
 * GB300. Ten phases of one 50 MW-IT hall each: 10 × 48 rows × 8 racks × 130 kW = 499.2 MW IT;
 * the 1.5 gross-to-IT ratio of a phase (75 / 50) is set as the PUE, giving 748.8 MW gross.
 * Not IREN's or anyone's site plan: building sizes, positions, yards and routes are invented.
 */
export function illustrative750(): Layout {
  const halls = hallGrid({
    columns: 5,
    lines: 2,
    first: { x: 420, y: 390 },
    width: 100,
    depth: 50,
    gapX: 120,
    gapY: 120,
    floorRatingKpa: 20,
    rowPowerMw: 1.5,
    name: (n) => `Phase ${n} hall`,
  });
  const rackRows = halls.flatMap((hall) =>
    layRows(hall, 'blackwell', {
      columns: 6,
      lines: 8,
      rackCount: 8,
      profile: 'gb300-nvl72',
      kwPerRack: 130,
      ...LIQUID_AISLES,
    }),
  );
  const coolingZones = zonesForHalls(halls, 'dlc', 60, 15, (_h, n) => `Phase ${n} liquid loop`);
  const substations = substationColumn({
    count: 4,
    x: 160,
    y0: 300,
    pitch: 140,
    width: 120,
    depth: 90,
    capacityMva: 300,
    voltageKv: 345,
    name: (n) => `345 kV yard ${n}`,
  });
  const h = (i: number) => at(halls, i);
  const fiberTrenches = ring(
    [
      corners.topLeft(h(0)),
      corners.topMid(h(1)),
      corners.topMid(h(2)),
      corners.topMid(h(3)),
      corners.topRight(h(4)),
      corners.bottomRight(h(9)),
      corners.bottomMid(h(8)),
      corners.bottomMid(h(7)),
      corners.bottomMid(h(6)),
      corners.bottomLeft(h(5)),
    ],
    3456,
    (n) => `Ring segment ${n}`,
  );
  // N+1 feeds: every hall takes a feeder from two different yards, each able to carry the whole
  // hall (49.92 MW IT × PUE 1.5 = 74.9 MW ÷ pf 0.95 → 80 MVA).
  const pue = 1.5;
  const mva = feederMvaFor((499.2 / 10) * pue, 0.95);
  const powerFeeders = feedersOf([
    ...feederGroup({
      sub: at(substations, 0),
      halls: halls.slice(0, 5),
      laneY: (k) => 330 + 3 * k,
      trunkX: (k) => 230 + 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 1),
      halls: halls.slice(0, 5),
      laneY: (k) => 452 - 3 * k,
      trunkX: (k) => 230 + 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
    ...feederGroup({
      sub: at(substations, 2),
      halls: halls.slice(5),
      laneY: (k) => 498 + 3 * k,
      trunkX: (k) => 230 + 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 3),
      halls: halls.slice(5),
      laneY: (k) => 620 - 3 * k,
      trunkX: (k) => 250 + 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
  ]);
  // Dry coolers (no water: the liquid loops run warm) on each hall's outer side, gensets beyond.
  const blocks = hallBlocks({
    halls,
    rows: rackRows,
    side: (h) => (h.y < 475 ? 'north' : 'south'),
    zoneMarginM: 15,
    gapM: 25,
    plantType: 'dry-cooler',
    pue,
    plantName: (h) => `${h.name} dry coolers`,
    yardName: (h) => `${h.name} gensets`,
  });
  // 1,700 m × 1,000 m = 1.7 km² ≈ 420 acres.
  return layout(
    'Illustrative 750 MW campus (750 MW gross ≈ 500 MW IT; modelled on public figures, not a real site plan)',
    { targetTier: 'blackwell', redundancy: 'N+1', pue: 1.5, setbackM: 50 },
    {
      parcel: rectParcel(1700, 1000),
      halls,
      rackRows,
      coolingZones,
      substations,
      fiberTrenches,
      powerFeeders,
      ...blocks,
    },
  );
}

/**
 * A campus built in four phases ("Horizons") of one hall each: 384 Vera Rubin NVL72 racks at
 * 200 kW = 76.8 MW IT per hall (92.16 MW facility at PUE 1.2), 307.2 MW IT in all, 2N. The first
 * two 200 MVA yards (usable 0.95 × 400 / 2 = 190 MW) come with Horizon 1; the other two only with
 * Horizon 4. Horizons 1 and 2 (184.3 MW) fit, Horizon 3 (276.5 MW) does not: phase-power fails on
 * Horizon 3 — its hall is finished a year before the substation that powers it. Moving yards 3
 * and 4 to Horizon 3 fixes it: the lesson is that energization dates follow the grid, not the
 * building.
 */
export function phased300(): Layout {
  const halls = hallGrid({
    columns: 2,
    lines: 2,
    first: { x: 250, y: 245 },
    width: 110,
    depth: 50,
    gapX: 60,
    gapY: 60,
    floorRatingKpa: 25,
    rowPowerMw: 2.5,
    name: (n) => `Hall ${n}`,
  }).map((h, i) => ({ ...h, phaseId: `ph-${i + 1}` }));
  const rackRows = halls.flatMap((hall) =>
    layRows(hall, 'rubin', {
      columns: 6,
      lines: 8,
      rackCount: 8,
      profile: 'vr-nvl144',
      kwPerRack: 200,
      ...LIQUID_AISLES,
    }),
  );
  const coolingZones = zonesForHalls(
    halls,
    'dlc',
    80,
    10,
    (_h, n) => `Liquid loop ${String.fromCharCode(64 + n)}`,
  ).map((z, i) => ({ ...z, phaseId: `ph-${i + 1}` }));
  const substations = substationColumn({
    count: 4,
    x: 760,
    y0: 120,
    pitch: 120,
    width: 80,
    depth: 60,
    capacityMva: 200,
    voltageKv: 345,
    name: (n) => `345 kV yard ${n}`,
  }).map((sub, i) => ({ ...sub, phaseId: i < 2 ? 'ph-1' : 'ph-4' }));
  const [h1, h2, h3, h4] = [at(halls, 0), at(halls, 1), at(halls, 2), at(halls, 3)];
  const fiberTrenches = ring(
    [corners.topLeft(h1), corners.topRight(h2), corners.bottomRight(h4), corners.bottomLeft(h3)],
    3456,
    (n) => `Ring ${['north', 'east', 'south', 'west'][n - 1]}`,
  );
  // 2N feeds: every hall takes a feeder from two different yards, each able to carry the whole
  // hall (76.8 MW IT × PUE 1.2 = 92.2 MW ÷ pf 0.95 → 100 MVA). Each feeder is built with its hall.
  const pue = COOLING_TYPES.dlc.pue.value;
  const mva = feederMvaFor(76.8 * pue, 0.95);
  const phaseOfHall = new Map(halls.map((h) => [h.id, h.phaseId]));
  const routes = [
    ...feederGroup({
      sub: at(substations, 0),
      halls: [h1, h2],
      laneY: (k) => 195 + 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 1),
      halls: [h1, h2],
      laneY: (k) => 289 - 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
    ...feederGroup({
      sub: at(substations, 2),
      halls: [h3, h4],
      laneY: (k) => 311 + 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => -h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed A`,
    }),
    ...feederGroup({
      sub: at(substations, 3),
      halls: [h3, h4],
      laneY: (k) => 405 - 3 * k,
      trunkX: (k) => 705 + 3 * k,
      landDx: (h) => h.width / 4,
      capacityMva: mva,
      name: (h) => `${h.name} feed B`,
    }),
  ];
  const powerFeeders = feedersOf(routes).map((f, i) => ({
    ...f,
    phaseId: phaseOfHall.get(at(routes, i).hall.id)!,
  }));
  const blocks = hallBlocks({
    halls,
    rows: rackRows,
    side: (h) => (h.y < 300 ? 'north' : 'south'),
    zoneMarginM: 10,
    gapM: 20,
    plantType: 'dry-cooler',
    pue,
    plantName: (h) => `${h.name} dry coolers`,
    yardName: (h) => `${h.name} gensets`,
  });
  const inHallPhase = <T extends { id: string }>(list: readonly T[]) =>
    list.map((e, i) => ({ ...e, phaseId: `ph-${i + 1}` }));
  return layout(
    'Phased campus: four ~77 MW horizons of Vera Rubin NVL72 (2N), Horizon 3 waiting for its substation',
    {
      targetTier: 'rubin',
      redundancy: '2N',
      pue: null,
      setbackM: 0,
      phases: [
        { id: 'ph-1', name: 'Horizon 1', energize: '2026-04' },
        { id: 'ph-2', name: 'Horizon 2', energize: '2026-10' },
        { id: 'ph-3', name: 'Horizon 3', energize: '2027-04' },
        { id: 'ph-4', name: 'Horizon 4', energize: '2028-04' },
      ],
      energyPricePerMwh: 45,
      // A wholesale lease of ~$150 per kW-month: the owner's revenue on facility capex (GPU-cloud
      // revenue of ~$10 M per MW-year would need the IT equipment in the payback).
      revenuePerMwYear: 1_800_000,
    },
    {
      parcel: rectParcel(900, 600),
      halls,
      rackRows,
      coolingZones,
      substations,
      fiberTrenches,
      powerFeeders,
      coolingPlants: inHallPhase(blocks.coolingPlants),
      generatorYards: inHallPhase(blocks.generatorYards),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// What each seed must show, checked on every build (and again by the tests)

export interface SeedExpectation {
  readonly tier: TierId;
  /** No check may fail under this tier. */
  readonly noFail?: boolean;
  /** No check may warn either. */
  readonly noWarn?: boolean;
  /** These checks must fail under this tier. */
  readonly mustFail?: readonly CheckId[];
}

export interface SeedBuild {
  readonly id: string;
  readonly build: () => Layout;
  readonly itMw: readonly [number, number];
  readonly expect: readonly SeedExpectation[];
}

export const SEED_BUILDS: readonly SeedBuild[] = [
  {
    id: 'traditional-20mw',
    build: traditional20,
    itMw: [19.9, 20.1],
    expect: [
      { tier: 'traditional', noFail: true, noWarn: true },
      { tier: 'blackwell', mustFail: ['tier-floor', 'tier-cooling', 'tier-row-power'] },
    ],
  },
  {
    id: 'blackwell-200mw',
    build: blackwell200,
    itMw: [180, 220],
    expect: [{ tier: 'blackwell', noFail: true, noWarn: true }],
  },
  {
    id: 'rubin-300mw',
    build: rubin300,
    itMw: [280, 320],
    expect: [
      { tier: 'rubin', noFail: true, noWarn: true },
      { tier: 'blackwell', noFail: true },
    ],
  },
  {
    id: 'rubin-300mw-towers',
    build: towers300,
    itMw: [280, 320],
    expect: [{ tier: 'rubin', noFail: true, noWarn: true }],
  },
  {
    id: 'phased-300mw',
    build: phased300,
    itMw: [290, 320],
    expect: [{ tier: 'rubin', mustFail: ['phase-power'] }],
  },
  {
    id: 'illustrative-750mw',
    build: illustrative750,
    itMw: [480, 520],
    expect: [{ tier: 'blackwell', noFail: true, noWarn: true }],
  },
];

/** Parse (validate) a built layout through the file format, as the app would load it. */
export function validated(id: string, built: Layout): Layout {
  const result = parseLayoutValue(built);
  if (!result.ok) {
    const where = result.error.issues.map((i) => `\n  ${i.path}: ${i.message}`).join('');
    throw new Error(`seed ${id} is not a valid layout: ${result.error.message}${where}`);
  }
  return result.layout;
}

/** Problems with a seed against its expectations (empty when it teaches what it should). */
export function seedProblems(seed: SeedBuild, l: Layout): string[] {
  const problems: string[] = [...plantPlacementProblems(l)];
  for (const e of seed.expect) {
    const report = computeReport(l, { tier: e.tier });
    const it = report.totals.itMw;
    if (it < seed.itMw[0] || it > seed.itMw[1]) {
      problems.push(`IT ${it} MW outside ${seed.itMw[0]}–${seed.itMw[1]} MW`);
    }
    for (const c of report.checks) {
      if (e.noFail && c.status === 'fail') problems.push(`[${e.tier}] ${c.id} fails: ${c.message}`);
      if (e.noWarn && c.status === 'warn') problems.push(`[${e.tier}] ${c.id} warns: ${c.message}`);
    }
    for (const id of e.mustFail ?? []) {
      const c = report.checks.find((x) => x.id === id);
      if (c?.status !== 'fail')
        problems.push(`[${e.tier}] ${id} should fail but is ${c?.status ?? 'missing'}`);
    }
  }
  return problems;
}

export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'seeds');

export function seedText(seed: SeedBuild): string {
  return serializeLayout(validated(seed.id, seed.build()));
}

function main(argv: readonly string[]): number {
  const checkOnly = argv.includes('--check');
  let status = 0;
  for (const seed of SEED_BUILDS) {
    const parsed = validated(seed.id, seed.build());
    const text = serializeLayout(parsed);
    const problems = seedProblems(seed, parsed);
    const report = computeReport(parsed);
    const t = report.totals;
    console.log(
      `${seed.id}: ${parsed.halls.length} halls, ${t.racks} racks, ${t.itMw.toFixed(2)} MW IT, ` +
        `${t.facilityMw.toFixed(2)} MW facility, ${t.parcelAcres.toFixed(1)} acres; ` +
        `${report.targetTier}: ${report.summary.pass} pass, ${report.summary.warn} warn, ` +
        `${report.summary.fail} fail; ${(text.length / 1024).toFixed(0)} KB`,
    );
    for (const p of problems) console.error(`  ${seed.id}: ${p}`);
    if (problems.length > 0) status = 1;
    const file = join(SEEDS_DIR, `${seed.id}.json`);
    if (checkOnly) {
      if (readIfPresent(file) !== text) {
        console.error(
          `  ${seed.id}: seeds/${seed.id}.json is not current (run npx tsx scripts/build-seeds.ts)`,
        );
        status = 1;
      }
    } else if (problems.length === 0) {
      writeFileSync(file, text);
    } else {
      console.error(`  ${seed.id}: not written`);
    }
  }
  return status;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
