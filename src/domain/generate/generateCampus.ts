import {
  BESS,
  GENERATOR,
  COOLING_TYPES,
  PLANT_TYPES,
  RACK_PROFILES,
  REDUNDANCY_RANK,
  TIERS,
  cdusForRow,
  defaultAisles,
  type CoolingTypeId,
  type PlantTypeId,
  type RackProfileId,
  type Redundancy,
  type TierId,
} from '../catalog';
import {
  defaultSettings,
  type BatteryYard,
  type CoolingPlant,
  type CoolingZone,
  type FiberTrench,
  type GeneratorYard,
  type Hall,
  type Parcel,
  type Phase,
  type PowerFeeder,
  type RackRow,
  type Substation,
} from '../kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';
import { planHallRows, type RowPlan } from '../ops/fillHall';
import { computeReport, G, ParcelShape, type Report } from '../report';
import { formatUpTo as fmtNumber } from '../units';
import { GEN_LAND, hallSizeFor, type HallSize } from './land';

/**
 * The campus generator (issue 14): from a parcel, a target and a tier to a complete layout whose
 * report has no failing check for its tier, or a one-sentence refusal naming what does not fit.
 *
 * How it works. The parcel is covered by a grid of equal tiles, each a hall's footprint plus a
 * street along its top and left sides (and a small margin on the other two). A tile is usable when
 * it lies inside the parcel and its building area clears the setback; the largest group of usable
 * tiles joined side by side is the campus. Each tile holds one element: a substation, a hall (with
 * its rows and a cooling zone over it), a generator yard, a battery yard or a cooling plant. The
 * tiles are handed out in order of their street distance from the substation corner (the tile
 * nearest the parcel's first vertex): all substations first, then phase by phase its halls and
 * then its yards and plants, so phase 1 stands nearest the substations. Power feeders and fiber
 * run along the streets (which lie inside the parcel, since every tile does), so concave parcels
 * are served too, and enter their element with a short lateral. Each phase brings its own
 * substations, feeders, yards and plants, sized for its own halls at the chosen redundancy, so
 * every phase's cumulative capacity covers its cumulative load.
 */

export interface GenerateOptions {
  readonly tier: TierId;
  /** IT MW to reach (within 5 %, never below), or 'max' for as much as fits. */
  readonly targetMw: number | 'max';
  /** Default: the tier's flagship. */
  readonly profile?: RackProfileId;
  /** Default: the tier's recommended redundancy. */
  readonly redundancy?: Redundancy;
  /** Distance of buildings from the parcel edge, m (default 30). */
  readonly setbackM?: number;
  /** Construction phases of equal MW (default 1). */
  readonly phases?: number;
  /** Default: the profile's own cooling type when the tier allows it, else the tier's first. */
  readonly cooling?: CoolingTypeId;
  /** Heat-rejection plant type (default dry coolers). */
  readonly plant?: PlantTypeId;
  /** Hall footprint, m (default per tier, see hallSizeFor). */
  readonly hallWidthM?: number;
  readonly hallDepthM?: number;
  /** The layout's name (default names the campus). */
  readonly name?: string;
}

export interface GenerateSummary {
  readonly itMw: number;
  readonly racks: number;
  readonly halls: number;
  readonly gpus: number;
  readonly phases: number;
}

export type GenerateResult =
  | {
      readonly ok: true;
      readonly layout: Layout;
      readonly report: Report;
      readonly summary: GenerateSummary;
    }
  | {
      readonly ok: false;
      /** One sentence: what does not fit and by how much. */
      readonly reason: string;
      /** The most IT MW the parcel holds with these options (0 when none). */
      readonly fitsMw: number;
    };

/** Street (roads, duct banks, fiber) along two sides of each tile, m. */
export const STREET_M = 20;
/** Margin on the other two sides, m. */
export const MARGIN_M = 4;
/** Where feeder A, feeder B and the fiber run across the street, m from the tile edge. */
const FEEDER_A = 4;
const FEEDER_B = 8;
const FIBER = 14;
/** Most phases the generator makes (each needs at least a substation pair and a hall). */
export const MAX_GENERATED_PHASES = 20;
/** Rows the generator places at most (a file holds 200,000 elements of all kinds). */
const MAX_ROWS = 150_000;
/** Tile grid origins tried per axis (fractions of a tile) and both hall orientations. */
const OFFSETS = [0, 0.25, 0.5, 0.75];
/** Tiles the grid considers at most (a vast parcel is searched on a coarser grid of origins). */
const MAX_TILES = 40_000;

interface Tile {
  readonly r: number;
  readonly c: number;
  /** Tile's top-left corner. */
  readonly x0: number;
  readonly y0: number;
}

interface Grid {
  readonly tiles: readonly Tile[];
  /** Neighbours by tile index (4-connected). */
  readonly adj: readonly (readonly number[])[];
  readonly tileW: number;
  readonly tileD: number;
  /** Building area of a tile (x × y extent). */
  readonly areaW: number;
  readonly areaD: number;
  /** Halls turned 90° (their width runs along y). */
  readonly turned: boolean;
}

interface Plan {
  readonly tier: TierId;
  readonly profile: RackProfileId;
  readonly kw: number;
  readonly cooling: CoolingTypeId;
  readonly plant: PlantTypeId;
  readonly redundancy: Redundancy;
  readonly pue: number;
  readonly pf: number;
  readonly phases: number;
  readonly hall: HallSize;
  readonly rowPowerMw: number;
  readonly hallRows: readonly RowPlan[];
  readonly hallCap: number;
  readonly subMva: number;
  readonly genUnits: number;
  readonly plantUnits: number;
  readonly bessMwh: number;
}

interface PhaseNeed {
  readonly racks: number;
  readonly halls: number;
  readonly itMw: number;
  readonly facilityMw: number;
  readonly subs: number;
  readonly gens: number;
  readonly bess: number;
  readonly plants: number;
  readonly tiles: number;
}

const tierLabel = (t: TierId) => TIERS[t].label.replace(/\s*\(.*\)$/, '');
const mw = (v: number) => `${fmtNumber(v, v >= 100 ? 0 : v >= 1 ? 1 : 3)} MW`;
const shortLabel = (label: string) => label.replace(/\s*\(.*\)$/, '');
const ceilTo = (v: number, step: number) => Math.ceil(v / step - 1e-9) * step;

/** Racks of each phase: as equal as whole racks allow. */
function splitRacks(racks: number, phases: number): number[] {
  const base = Math.floor(racks / phases);
  return Array.from({ length: phases }, (_, k) => base + (k < racks % phases ? 1 : 0));
}

function firmCount(needMva: number, unitMva: number, redundancy: Redundancy): number {
  const n = Math.max(1, Math.ceil(needMva / unitMva - 1e-9));
  return redundancy === 'N' ? n : redundancy === 'N+1' ? n + 1 : 2 * n;
}

function phaseNeeds(plan: Plan, racks: number): PhaseNeed[] {
  return splitRacks(racks, plan.phases).map((r) => {
    if (r === 0) {
      return {
        racks: 0,
        halls: 0,
        itMw: 0,
        facilityMw: 0,
        subs: 0,
        gens: 0,
        bess: 0,
        plants: 0,
        tiles: 0,
      };
    }
    const itMw = (r * plan.kw) / 1000;
    const facilityMw = itMw * plan.pue;
    const halls = Math.ceil(r / plan.hallCap);
    const subs = firmCount(facilityMw / plan.pf, plan.subMva, plan.redundancy);
    const gens = Math.ceil(facilityMw / ((plan.genUnits - 1) * GENERATOR.unitMw.value) - 1e-9);
    const bess = Math.ceil((facilityMw * GEN_LAND.bessHours) / plan.bessMwh - 1e-9);
    const plantUnitMw = PLANT_TYPES[plan.plant].unitMw.value;
    const plants = Math.ceil(itMw / ((plan.plantUnits - 1) * plantUnitMw) - 1e-9);
    return {
      racks: r,
      halls,
      itMw,
      facilityMw,
      subs,
      gens,
      bess,
      plants,
      tiles: subs + halls + gens + bess + plants,
    };
  });
}

const tilesFor = (plan: Plan, racks: number) =>
  phaseNeeds(plan, racks).reduce((n, p) => n + p.tiles, 0);

/** The usable tiles of one grid origin and orientation: its largest connected group. */
function buildGrid(
  shape: ParcelShape,
  bounds: { minX: number; minY: number; maxX: number; maxY: number },
  hall: HallSize,
  setbackM: number,
  turned: boolean,
  fx: number,
  fy: number,
): Grid | null {
  const areaW = turned ? hall.depthM : hall.widthM;
  const areaD = turned ? hall.widthM : hall.depthM;
  const tileW = areaW + STREET_M + MARGIN_M;
  const tileD = areaD + STREET_M + MARGIN_M;
  const cols = Math.floor((bounds.maxX - bounds.minX) / tileW - fx) + 1;
  const rowsN = Math.floor((bounds.maxY - bounds.minY) / tileD - fy) + 1;
  if (cols < 1 || rowsN < 1 || cols * rowsN > MAX_TILES) return null;
  const index = new Int32Array(cols * rowsN).fill(-1);
  const all: Tile[] = [];
  for (let r = 0; r < rowsN; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = bounds.minX + (fx + c) * tileW;
      const y0 = bounds.minY + (fy + r) * tileD;
      const tile = {
        x: x0 + tileW / 2,
        y: y0 + tileD / 2,
        width: tileW,
        depth: tileD,
        rotation: 0,
      };
      if (!shape.holds(tile)) continue;
      const area = {
        x: x0 + STREET_M + areaW / 2,
        y: y0 + STREET_M + areaD / 2,
        width: areaW,
        depth: areaD,
        rotation: 0,
      };
      // A little over the setback: the report measures the same distance, rounding aside.
      if (setbackM > 0 && shape.clearance(area) < setbackM + 1e-6) continue;
      index[r * cols + c] = all.length;
      all.push({ r, c, x0, y0 });
    }
  }
  if (all.length === 0) return null;
  const neighbours = (t: Tile) => {
    const out: number[] = [];
    for (const [dr, dc] of [
      [-1, 0],
      [0, -1],
      [0, 1],
      [1, 0],
    ] as const) {
      const r = t.r + dr;
      const c = t.c + dc;
      if (r < 0 || c < 0 || r >= rowsN || c >= cols) continue;
      const j = index[r * cols + c]!;
      if (j >= 0) out.push(j);
    }
    return out;
  };
  // Largest connected group (first found on a tie).
  const group = new Int32Array(all.length).fill(-1);
  let best: number[] = [];
  for (let s = 0; s < all.length; s++) {
    if (group[s] !== -1) continue;
    const members = [s];
    group[s] = s;
    for (let i = 0; i < members.length; i++) {
      for (const j of neighbours(all[members[i]!]!)) {
        if (group[j] === -1) {
          group[j] = s;
          members.push(j);
        }
      }
    }
    if (members.length > best.length) best = members;
  }
  best.sort((a, b) => a - b);
  const tiles = best.map((i) => all[i]!);
  const local = new Map<number, number>(best.map((g, i) => [g, i]));
  const adj = best.map((g) =>
    neighbours(all[g]!)
      .map((j) => local.get(j))
      .filter((j): j is number => j !== undefined),
  );
  return { tiles, adj, tileW, tileD, areaW, areaD, turned };
}

function bestGrid(parcel: Parcel, hall: HallSize, setbackM: number): Grid | null {
  const shape = new ParcelShape(parcel.points);
  const xs = parcel.points.map((p) => p[0]);
  const ys = parcel.points.map((p) => p[1]);
  const bounds = {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
  };
  let best: Grid | null = null;
  for (const turned of [false, true]) {
    for (const fy of OFFSETS) {
      for (const fx of OFFSETS) {
        const g = buildGrid(shape, bounds, hall, setbackM, turned, fx - 1, fy - 1);
        if (g && (!best || g.tiles.length > best.tiles.length)) best = g;
      }
    }
  }
  return best;
}

/** Street distances (in tiles) from `from` over the grid, and the parent of each tile. */
function bfs(grid: Grid, from: number): { dist: Int32Array; parent: Int32Array } {
  const n = grid.tiles.length;
  const dist = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = [from];
  dist[from] = 0;
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i]!;
    for (const j of grid.adj[t]!) {
      if (dist[j] === -1) {
        dist[j] = dist[t]! + 1;
        parent[j] = t;
        queue.push(j);
      }
    }
  }
  return { dist, parent };
}

type Setup =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly reason: string };

function setup(options: GenerateOptions): Setup {
  const tier = TIERS[options.tier];
  const profileId = options.profile ?? tier.flagshipProfile;
  const profile = RACK_PROFILES[profileId];
  const kw = profile.kwPerRack.value;
  const allowed = tier.coolingAllowed.value;
  const cooling =
    options.cooling ??
    (allowed.includes(profile.defaultCooling) ? profile.defaultCooling : allowed[0]!);
  if (!allowed.includes(cooling)) {
    return {
      ok: false,
      reason: `The ${tierLabel(options.tier)} tier allows ${allowed.join(' or ')} cooling, not ${cooling}.`,
    };
  }
  const maxKw = COOLING_TYPES[cooling].maxKwPerRack.value;
  if (kw > maxKw) {
    return {
      ok: false,
      reason: `${profile.label} racks draw ${fmtNumber(kw, 0)} kW, over the ${fmtNumber(maxKw, 0)} kW ${cooling} cooling removes per rack.`,
    };
  }
  const redundancy = options.redundancy ?? tier.recommendedRedundancy.value;
  if (REDUNDANCY_RANK[redundancy] < REDUNDANCY_RANK[tier.minRedundancy.value]) {
    return {
      ok: false,
      reason: `The ${tierLabel(options.tier)} tier needs at least ${tier.minRedundancy.value} redundancy, not ${redundancy}.`,
    };
  }
  const phases = Math.floor(options.phases ?? 1);
  if (!(phases >= 1 && phases <= MAX_GENERATED_PHASES)) {
    return {
      ok: false,
      reason: `Phases must be a whole number from 1 to ${MAX_GENERATED_PHASES}.`,
    };
  }
  const hall = hallSizeFor(options.tier, options.hallWidthM, options.hallDepthM);
  const rowRacks =
    profile.defaultCooling === 'dlc' || profile.defaultCooling === 'immersion' ? 8 : 20;
  const rowPowerMw = Math.max(tier.minRowPowerMw.value, ceilTo((rowRacks * kw) / 1000, 0.1));
  const aisles = defaultAisles(profile);
  const rows = planHallRows(
    { width: hall.widthM, depth: hall.depthM, rowPowerMw },
    { profile: profileId, ...aisles, tier: options.tier },
  );
  const hallCap = rows.summary.racks;
  if (hallCap === 0) {
    return {
      ok: false,
      reason: `A ${fmtNumber(hall.widthM, 0)} × ${fmtNumber(hall.depthM, 0)} m hall holds no row of ${profile.label}: ${rows.summary.problem ?? 'it is too small'}.`,
    };
  }
  const capGpus = hallCap * profile.gpusPerRack.value;
  const cluster = tier.clusterGpus.value;
  if (capGpus < cluster) {
    return {
      ok: false,
      reason: `A ${fmtNumber(hall.widthM, 0)} × ${fmtNumber(hall.depthM, 0)} m hall holds ${fmtNumber(capGpus, 0)} GPUs of ${profile.label}, fewer than the ${tierLabel(options.tier)} cluster of ${fmtNumber(cluster, 0)}: make the halls larger.`,
    };
  }
  const area = hall.widthM * hall.depthM;
  const subMva = Math.min(
    GEN_LAND.maxSubstationMva,
    Math.floor(area / GEN_LAND.substationM2PerMva / 10) * 10,
  );
  const genUnits = Math.floor(area / GEN_LAND.generatorM2PerUnit);
  const plantUnits = Math.floor(area / GEN_LAND.plantM2PerUnit[options.plant ?? 'dry-cooler']);
  const bessMwh = Math.floor(area / GEN_LAND.bessM2PerMwh);
  if (subMva < 10 || genUnits < 2 || plantUnits < 2 || bessMwh < 1) {
    return {
      ok: false,
      reason: `A ${fmtNumber(hall.widthM, 0)} × ${fmtNumber(hall.depthM, 0)} m tile is too small for a substation, a generator yard or a cooling plant: make the halls larger.`,
    };
  }
  return {
    ok: true,
    plan: {
      tier: options.tier,
      profile: profileId,
      kw,
      cooling,
      plant: options.plant ?? 'dry-cooler',
      redundancy,
      pue: COOLING_TYPES[cooling].pue.value,
      pf: defaultSettings().powerFactor,
      phases,
      hall,
      rowPowerMw,
      hallRows: rows.rows,
      hallCap,
      subMva,
      genUnits,
      plantUnits,
      bessMwh,
    },
  };
}

/** Most racks whose campus fits in `tiles` tiles (and a file's element limits). */
function maxRacks(plan: Plan, tiles: number): number {
  const rowsPerHall = plan.hallRows.length;
  let hi = Math.min(tiles * plan.hallCap, Math.floor(MAX_ROWS / rowsPerHall) * plan.hallCap);
  if (tilesFor(plan, hi) <= tiles) return hi;
  let lo = 0;
  // Invariant: lo fits, hi does not.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tilesFor(plan, mid) <= tiles) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Generate a campus on `parcel`. Pure and deterministic: the same parcel and options give the same
 * layout. The result either holds a layout whose report has no failing check for its tier, or says
 * in one sentence what does not fit and by how much.
 */
export function generateCampus(parcel: Parcel, options: GenerateOptions): GenerateResult {
  const s = setup(options);
  if (!s.ok) return { ok: false, reason: s.reason, fitsMw: 0 };
  const { plan } = s;
  const label = tierLabel(plan.tier);
  const setbackM = Math.max(0, options.setbackM ?? 30);
  const grid = bestGrid(parcel, plan.hall, setbackM);
  const tiles = grid?.tiles.length ?? 0;
  const most = grid ? maxRacks(plan, tiles) : 0;
  const fitsMw = (most * plan.kw) / 1000;
  const profile = RACK_PROFILES[plan.profile];
  const clusterGpus = TIERS[plan.tier].clusterGpus.value;
  // setup() made sure a hall holds a cluster, so a tier with a cluster has GPUs per rack.
  const clusterRacks =
    clusterGpus > 0 ? Math.ceil(clusterGpus / profile.gpusPerRack.value - 1e-9) : 0;
  // Every phase holds at least one training cluster (in its first hall, as halls hold one each).
  const minRacks = plan.phases * Math.max(1, clusterRacks);
  const minMw = (minRacks * plan.kw) / 1000;
  const at = setbackM > 0 ? `at a ${fmtNumber(setbackM, 0)} m setback` : 'with no setback';

  let racks: number;
  if (options.targetMw === 'max') {
    if (most < minRacks) {
      return {
        ok: false,
        reason: `The parcel holds no ${label} campus ${at}: the smallest (${mw(minMw)}, ${plan.phases === 1 ? 'one phase' : `${plan.phases} phases`}) needs ${tilesFor(plan, minRacks)} plots of ${fmtNumber(grid?.tileW ?? plan.hall.widthM + STREET_M + MARGIN_M, 0)} × ${fmtNumber(grid?.tileD ?? plan.hall.depthM + STREET_M + MARGIN_M, 0)} m and ${tiles} fit.`,
        fitsMw: 0,
      };
    }
    racks = most;
  } else {
    const target = options.targetMw;
    if (!(target > 0) || !Number.isFinite(target)) {
      return { ok: false, reason: 'The target must be a positive number of MW.', fitsMw };
    }
    racks = Math.max(Math.ceil((target * 1000) / plan.kw - 1e-9), plan.phases);
    if (racks < minRacks) {
      return {
        ok: false,
        reason: `A ${label} campus ${plan.phases === 1 ? '' : `in ${plan.phases} phases `}needs at least ${mw(minMw)} of ${shortLabel(profile.label)} (one ${fmtNumber(TIERS[plan.tier].clusterGpus.value, 0)}-GPU cluster${plan.phases === 1 ? '' : ' per phase'}); ${mw(target)} asked.`,
        fitsMw,
      };
    }
    const itMw = (racks * plan.kw) / 1000;
    if (itMw > target * 1.05 + 1e-9) {
      return {
        ok: false,
        reason: `${mw(target)} cannot be met within 5 % in whole ${fmtNumber(plan.kw, 0)} kW racks over ${plan.phases} phases (the nearest is ${mw(itMw)}).`,
        fitsMw,
      };
    }
    if (racks > most) {
      return {
        ok: false,
        reason:
          most < minRacks
            ? `The parcel holds no ${label} campus ${at}; ${mw(target)} asked.`
            : `The parcel holds ${mw(fitsMw)} of ${label} ${at}; ${mw(target)} asked.`,
        fitsMw: most < minRacks ? 0 : fitsMw,
      };
    }
  }
  const layout = buildLayout(parcel, plan, grid!, racks, setbackM, options);
  const report = computeReport(layout);
  const failing = report.checks.filter((c) => c.status === 'fail');
  if (failing.length > 0) {
    // Never expected: the layout is built to pass. Say which check, rather than return it.
    return {
      ok: false,
      reason: `The generated ${label} campus fails ${failing.map((c) => c.id).join(', ')}: ${failing[0]!.message}.`,
      fitsMw,
    };
  }
  return {
    ok: true,
    layout,
    report,
    summary: {
      itMw: report.totals.itMw,
      racks: report.totals.racks,
      halls: layout.halls.length,
      gpus: report.totals.gpus,
      phases: plan.phases,
    },
  };
}

/** A polyline without repeated or collinear middle points. */
function simplify(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const prev = out[out.length - 2];
    if (prev && last) {
      const cross = (last[0] - prev[0]) * (p[1] - prev[1]) - (last[1] - prev[1]) * (p[0] - prev[0]);
      if (Math.abs(cross) < 1e-9) out.pop();
    }
    out.push(p);
  }
  return out;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

function buildLayout(
  parcel: Parcel,
  plan: Plan,
  grid: Grid,
  racks: number,
  setbackM: number,
  options: GenerateOptions,
): Layout {
  const needs = phaseNeeds(plan, racks);
  const tier = TIERS[plan.tier];
  const profile = RACK_PROFILES[plan.profile];
  const phases: Phase[] = needs.map((_, k) => ({
    id: `ph-${k + 1}`,
    name: `Phase ${k + 1}`,
    energize: null,
  }));

  // The substation corner: the tile nearest the parcel's first vertex; tiles in street distance.
  const [px, py] = parcel.points[0]!;
  let anchor = 0;
  let bestD = Infinity;
  grid.tiles.forEach((t, i) => {
    const d = Math.hypot(t.x0 + grid.tileW / 2 - px, t.y0 + grid.tileD / 2 - py);
    if (d < bestD - 1e-9) {
      bestD = d;
      anchor = i;
    }
  });
  const { dist } = bfs(grid, anchor);
  const order = grid.tiles.map((_, i) => i).sort((a, b) => dist[a]! - dist[b]! || a - b);
  let next = 0;
  const take = () => order[next++]!;

  const tileArea = (i: number) => {
    const t = grid.tiles[i]!;
    return {
      t,
      x: t.x0 + STREET_M + grid.areaW / 2,
      y: t.y0 + STREET_M + grid.areaD / 2,
    };
  };
  /** A rectangle of `share` of the tile's building area, centred in it. */
  const inTile = (i: number, share: number) => {
    const { x, y } = tileArea(i);
    const f = Math.sqrt(Math.min(1, Math.max(0.05, share)));
    return {
      x: r3(x),
      y: r3(y),
      width: r3(grid.areaW * f),
      depth: r3(grid.areaD * f),
      rotation: 0,
    };
  };

  const substations: Substation[] = [];
  const subTiles: number[][] = needs.map(() => []);
  needs.forEach((need, k) => {
    for (let j = 0; j < need.subs; j++) {
      const i = take();
      subTiles[k]!.push(i);
      const n = substations.length + 1;
      substations.push({
        id: `sub-${n}`,
        name: `Substation ${n}`,
        ...inTile(
          i,
          (plan.subMva * GEN_LAND.substationM2PerMva) / (plan.hall.widthM * plan.hall.depthM),
        ),
        capacityMva: plan.subMva,
        voltageKv: plan.subMva >= 250 ? 345 : 230,
        phaseId: phases[k]!.id,
      });
    }
  });

  const halls: Hall[] = [];
  const rackRows: RackRow[] = [];
  const coolingZones: CoolingZone[] = [];
  const generatorYards: GeneratorYard[] = [];
  const batteryYards: BatteryYard[] = [];
  const coolingPlants: CoolingPlant[] = [];
  const hallTiles: { tile: number; phase: number; itMw: number }[] = [];
  const mass = profile.massKg.value;
  const floorNeed = (mass * G) / (profile.widthM.value * profile.depthM.value) / 1000;
  const floorRatingKpa = Math.max(tier.minFloorKpa.value, ceilTo(floorNeed, 0.1));
  const footNeed = (mass * G) / 4 / 1000;
  const pointLoadRatingKn = footNeed > tier.pointLoadRatingKn.value ? ceilTo(footNeed, 0.1) : null;
  const plantType = PLANT_TYPES[plan.plant];

  needs.forEach((need, k) => {
    const phaseId = phases[k]!.id;
    let left = need.racks;
    for (let h = 0; h < need.halls; h++) {
      const i = take();
      const { x, y } = tileArea(i);
      const n = halls.length + 1;
      const hall: Hall = {
        id: `hall-${n}`,
        name: `Hall ${n}`,
        x: r3(x),
        y: r3(y),
        width: plan.hall.widthM,
        depth: plan.hall.depthM,
        rotation: grid.turned ? 90 : 0,
        floorRatingKpa,
        rowPowerMw: plan.rowPowerMw,
        ...(pointLoadRatingKn !== null ? { pointLoadRatingKn } : {}),
        phaseId,
      };
      halls.push(hall);
      let hallRacks = 0;
      for (const row of plan.hallRows) {
        if (left <= 0) break;
        const count = Math.min(row.rackCount, left);
        left -= count;
        hallRacks += count;
        const cdus = cdusForRow(profile, count, plan.kw);
        const { cduCount: _drop, ...rest } = row;
        void _drop;
        rackRows.push({
          ...rest,
          id: `row-${rackRows.length + 1}`,
          hallId: hall.id,
          rackCount: count,
          ...(cdus > 0 ? { cduCount: cdus } : {}),
        });
      }
      const itMw = (hallRacks * plan.kw) / 1000;
      hallTiles.push({ tile: i, phase: k, itMw });
      coolingZones.push({
        id: `cz-${n}`,
        name: `Loop ${n}`,
        x: hall.x,
        y: hall.y,
        width: hall.width,
        depth: hall.depth,
        rotation: hall.rotation,
        type: plan.cooling,
        capacityMw: ceilTo(itMw * 1.1, 1),
        phaseId,
      });
    }
    const area = plan.hall.widthM * plan.hall.depthM;
    for (let j = 0; j < need.gens; j++) {
      const i = take();
      const n = generatorYards.length + 1;
      generatorYards.push({
        id: `gen-${n}`,
        name: `Gensets ${n}`,
        ...inTile(i, (plan.genUnits * GEN_LAND.generatorM2PerUnit) / area),
        units: plan.genUnits,
        unitMw: GENERATOR.unitMw.value,
        phaseId,
      });
    }
    const energy = need.facilityMw * GEN_LAND.bessHours;
    for (let j = 0; j < need.bess; j++) {
      const i = take();
      const n = batteryYards.length + 1;
      const mwh = Math.min(plan.bessMwh, ceilTo(energy - j * plan.bessMwh, 1));
      batteryYards.push({
        id: `bess-${n}`,
        name: `BESS ${n}`,
        ...inTile(i, (mwh * GEN_LAND.bessM2PerMwh) / area),
        powerMw: Math.max(1, ceilTo(mwh / BESS.durationH.value, 1)),
        energyMwh: mwh,
        phaseId,
      });
    }
    for (let j = 0; j < need.plants; j++) {
      const i = take();
      const n = coolingPlants.length + 1;
      coolingPlants.push({
        id: `cp-${n}`,
        name: `${plantType.label} ${n}`,
        ...inTile(i, (plan.plantUnits * GEN_LAND.plantM2PerUnit[plan.plant]) / area),
        type: plan.plant,
        units: plan.plantUnits,
        unitMw: plantType.unitMw.value,
        phaseId,
      });
    }
  });

  // Street nodes: each tile's corner, offset across the street per line (feeder A, B, fiber).
  const node = (i: number, off: number): [number, number] => {
    const t = grid.tiles[i]!;
    return [r3(t.x0 + off), r3(t.y0 + off)];
  };
  /** From the street node into the element of tile i (its centre, shifted by dx). */
  const lateral = (i: number, off: number, dx: number): [number, number][] => {
    const { t, x, y } = tileArea(i);
    return [
      [r3(x + dx), r3(t.y0 + off)],
      [r3(x + dx), r3(y)],
    ];
  };
  const pathTo = (parent: Int32Array, to: number): number[] => {
    const out: number[] = [];
    for (let t = to; t !== -1; t = parent[t]!) out.push(t);
    return out; // from `to` back to the BFS root
  };

  // Feeders: two per hall (A and B, from two substations of its phase), each sized for the hall.
  const powerFeeders: PowerFeeder[] = [];
  const trees = new Map<number, Int32Array>();
  const treeFrom = (i: number) => {
    let p = trees.get(i);
    if (!p) {
      p = bfs(grid, i).parent;
      trees.set(i, p);
    }
    return p;
  };
  hallTiles.forEach((h, n) => {
    const subs = subTiles[h.phase]!;
    const mva = Math.max(5, ceilTo((h.itMw * plan.pue) / plan.pf, 5));
    (['A', 'B'] as const).forEach((side, s) => {
      const sub = subs[(2 * n + s) % subs.length]!;
      const off = side === 'A' ? FEEDER_A : FEEDER_B;
      const dx = side === 'A' ? -3 : 3;
      const path = pathTo(treeFrom(sub), h.tile).reverse(); // substation … hall
      const points = simplify([
        ...lateral(sub, off, dx).reverse(),
        ...path.map((t) => node(t, off)),
        ...lateral(h.tile, off, dx),
      ]);
      powerFeeders.push({
        id: `fd-${powerFeeders.length + 1}`,
        name: `Feeder ${halls[n]!.name.replace('Hall ', '')}${side}`,
        points,
        capacityMva: mva,
        phaseId: phases[h.phase]!.id,
      });
    });
  });

  // Fiber: a spine along the streets joining every hall to the first, closed into rings, and a
  // lateral into each hall.
  const fiberTrenches: FiberTrench[] = [];
  const fibers = Math.max(tier.minTrenchFibers.value, 144);
  if (hallTiles.length > 0) {
    const root = hallTiles[0]!.tile;
    const parent = treeFrom(root);
    const edgeDone = new Set<number>();
    const edgePhase = new Map<number, number>();
    for (const h of hallTiles) {
      for (const t of pathTo(parent, h.tile)) {
        if (parent[t] === -1) break;
        if (!edgePhase.has(t)) edgePhase.set(t, h.phase);
      }
    }
    for (const h of hallTiles) {
      for (const t of pathTo(parent, h.tile)) {
        const p = parent[t]!;
        if (p === -1 || edgeDone.has(t)) continue;
        edgeDone.add(t);
        fiberTrenches.push({
          id: `tr-${fiberTrenches.length + 1}`,
          name: `Spine ${fiberTrenches.length + 1}`,
          points: [node(p, FIBER), node(t, FIBER)],
          fiberCount: fibers,
          phaseId: phases[edgePhase.get(t)!]!.id,
        });
      }
    }
    // Rings: every street between two spine nodes that the spine does not take closes a loop, so
    // the spine becomes rings around the blocks: a cut in a loop leaves every hall connected.
    const onSpine = new Set<number>([root, ...edgeDone]);
    const phaseAt = (t: number) => edgePhase.get(t) ?? 0;
    for (const t of [...onSpine].sort((a, b) => a - b)) {
      for (const j of grid.adj[t]!) {
        if (j <= t || !onSpine.has(j) || parent[t] === j || parent[j] === t) continue;
        fiberTrenches.push({
          id: `tr-${fiberTrenches.length + 1}`,
          name: `Ring ${fiberTrenches.length + 1}`,
          points: [node(t, FIBER), node(j, FIBER)],
          fiberCount: fibers,
          phaseId: phases[Math.max(phaseAt(t), phaseAt(j))]!.id,
        });
      }
    }
    hallTiles.forEach((h, n) => {
      fiberTrenches.push({
        id: `tr-${fiberTrenches.length + 1}`,
        name: `Lateral ${halls[n]!.name}`,
        points: simplify([node(h.tile, FIBER), ...lateral(h.tile, FIBER, 8)]),
        fiberCount: fibers,
        phaseId: phases[h.phase]!.id,
      });
    });
  }

  const itMw = (racks * plan.kw) / 1000;
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    name:
      options.name ??
      `Generated ${tierLabel(plan.tier)} campus: ${fmtNumber(itMw, itMw < 10 ? 1 : 0)} MW IT`,
    settings: {
      ...defaultSettings(),
      targetTier: plan.tier,
      redundancy: plan.redundancy,
      setbackM,
      phases,
    },
    parcel: { points: parcel.points.map((p) => [p[0], p[1]] as [number, number]) },
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
