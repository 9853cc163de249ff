import { PLANT_TYPES, TIERS, type TierId } from '../catalog';
import type { RotatedRect } from '../geometry';
import type { Layout } from '../model';
import {
  attachedRectsAll,
  checkBackupPower,
  checkHallFeed,
  checkHeatRejection,
  firmUnitsMw,
  hallFeedMva,
  rideThroughMin,
  type FeederAttachment,
  type HallLoad,
  type PlantWater,
  sparesOneUnit,
  waterAndEnergy,
} from './campus';
import { orderChecks } from './checks';
import { computeProgram } from './phases';
import {
  assignCooling,
  checkCoolingCapacity,
  checkCoolingDensity,
  checkCoverage,
  type CoolingResult,
} from './cooling';
import { ratio } from './format';
import { checkFloorLoad, checkHallDensity, checkPointLoad } from './floor';
import { computeHalls, hallAverageKpa, type HallTable } from './halls';
import {
  coolingPlantMw,
  hallPointLoadRatingKn,
  hallWhiteSpaceFraction,
  rectOf,
  rowCduCount,
} from '../kinds';
import { checkFiberConnectivity, oneWayLatencyUs, US_PER_KM, type LatencyResult } from './latency';
import {
  memoDomains,
  memoFiberGraph,
  memoFiberTotals,
  sameValues,
  type ReportMemo,
  type ZoneReportMemo,
} from './memo';
import { idsOf, sortAscending, sum, valuesOf } from './lists';
import {
  checkGeometry,
  checkOverlap,
  checkSetback,
  parcelFigures,
  type GeometryMemo,
  type PlacementMemo,
} from './land';
import { checkPowerCapacity, computePue, usablePower } from './power';
import { checkRowPower, computeRows, indexById, type RowTable } from './rows';
import {
  checkFiberDensity,
  checkLatencyDomain,
  checkTierCooling,
  checkTierDensity,
  checkTierFloor,
  checkTierRedundancy,
  checkTierRowPower,
  largestDomain,
} from './tierChecks';
import {
  plainRecord,
  type Check,
  type DomainReport,
  type HallReport,
  type Report,
  type RowReport,
  type Totals,
  type ZoneReport,
} from './types';

export interface ReportOptions {
  /** Check against this tier instead of settings.targetTier. */
  readonly tier?: TierId;
  /**
   * What the last report computed with this memo kept (createReportMemo): only what the edit
   * since then touched is recomputed, with the same figures as without it.
   */
  readonly memo?: ReportMemo;
}

/**
 * The campus report (docs/rules.md): totals, per-hall, per-row, per-zone and
 * per-domain figures and every check, in CHECK_IDS order. Pure: the same layout gives the same
 * report. SI units, unrounded.
 */
export function computeReport(layout: Layout, options: ReportOptions = {}): Report {
  const tierId = options.tier ?? layout.settings.targetTier;
  const tier = TIERS[tierId];
  const memo = options.memo;

  const rows = computeRows(layout, indexById(layout.halls), memo);
  const halls = computeHalls(layout, rows, memo);
  const cooling = assignCooling(layout, rows, memo);

  // Power.
  let itKw = 0;
  let racks = 0;
  let gpus = 0;
  let cooledKw = 0;
  let maxRackKpa = 0;
  for (let i = 0; i < rows.count; i++) {
    itKw += rows.itKw[i]!;
    racks += rows.racks[i]!;
    gpus += rows.gpus[i]!;
    if (cooling.zoneOfRow[i]! >= 0) cooledKw += rows.itKw[i]!;
    if (rows.hallIndex[i]! >= 0) maxRackKpa = Math.max(maxRackKpa, rows.rackKpa[i]!);
  }
  const itMw = itKw / 1000;
  const pue = computePue(layout, rows, cooling);
  const facilityMw = itMw * pue;
  const { installedMva, usableMw } = usablePower(
    valuesOf(layout.substations, 'capacityMva'),
    layout.settings.redundancy,
    layout.settings.powerFactor,
  );

  // Rules 9–12: power distribution, backup, heat rejection, water and energy.
  const settings = layout.settings;
  const feederAttach = attachedRectsAll(layout.powerFeeders, feederTargets(layout));
  const nHalls = layout.halls.length;
  const feedMva = hallFeedMva(nHalls, feederAttachments(layout, feederAttach), settings.redundancy);
  const spareOne = sparesOneUnit(tier.minRedundancy.value);
  const backupMw = firmUnitsMw(layout.generatorYards, spareOne);
  const plantMw = firmUnitsMw(layout.coolingPlants, spareOne);
  const heatToRejectMw = cooledKw / 1000;
  const water = waterAndEnergy(
    itMw,
    settings.utilization,
    pue,
    plantWater(layout),
    settings.energyPricePerMwh,
  );

  // Fiber and latency.
  const fiber = memoFiberTotals(layout.fiberTrenches, memo);
  const graph = memoFiberGraph(layout.fiberTrenches, memo);
  const latency = memoDomains(layout, halls, graph, tier.domainReachM.value, memo);
  const land = parcelFigures(layout);

  const domains = domainReportsOf(layout, latency);
  const largest = largestDomain(latency.domains);
  let longestPathM = 0;
  for (const d of latency.domains) longestPathM = Math.max(longestPathM, d.maxPathM);

  // A hall whose record comes out the same keeps the last one (and all of them, the array).
  const hallReports = hallReportsOf(
    layout,
    tierId,
    halls,
    cooling,
    latency,
    feedMva,
    memo?.hallReports ?? null,
  );
  if (memo) memo.hallReports = hallReports;

  // With the same rows array, a row whose floor load and zone are unchanged keeps its record.
  const known = memo?.rowReports?.rackRows === layout.rackRows ? memo.rowReports.reports : null;
  // Every record kept: the same array, with nothing allocated for it.
  const rowReports = sameRowReports(known, layout, rows, cooling);
  if (memo) memo.rowReports = { rackRows: layout.rackRows, reports: rowReports };

  // A zone with the same element, load and rows keeps its record.
  const knownZones = memo?.zoneReports?.rackRows === layout.rackRows ? memo.zoneReports : undefined;
  const zoneReports = zoneReportsOf(layout, cooling, knownZones);
  if (memo) {
    memo.zoneReports = {
      rackRows: layout.rackRows,
      zones: layout.coolingZones,
      rowsOfZone: cooling.rowsOfZone,
      reports: zoneReports,
    };
  }

  // Rules 13–14: phases and cost, from the per-element figures above.
  const program = computeProgram(layout, {
    rows,
    zoneOfRow: cooling.zoneOfRow,
    spareOne,
    redundancy: settings.redundancy,
    parcelAcres: land.acres,
    itMw,
    energyCostUsdPerYear: water.energyCostUsdPerYear,
  });

  const totals: Totals = {
    itMw,
    facilityMw,
    pue,
    racks,
    gpus,
    installedMva,
    usableMw,
    powerHeadroomMw: usableMw - facilityMw,
    coolingCapacityMw: sum(valuesOf(layout.coolingZones, 'capacityMw')),
    cooledLoadMw: cooledKw / 1000,
    fiberRouteM: fiber.routeM,
    fiberTrenchM: fiber.trenchM,
    fiberRouteMiles: fiber.routeMiles,
    fiberStrandMiles: fiber.strandMiles,
    parcelAreaM2: land.areaM2,
    parcelAcres: land.acres,
    itMwPerAcre: ratio(itMw, land.acres),
    maxRackKpa,
    latencyDomains: latency.domains.length,
    largestDomainGpus: largest?.gpus ?? 0,
    largestDomainItMw: (largest?.itKw ?? 0) / 1000,
    longestPathM,
    longestPathUs: (longestPathM / 1000) * US_PER_KM,
    oneWayLatencyUs: latency.domains.length > 0 ? oneWayLatencyUs(longestPathM) : 0,
    backupMw,
    rideThroughMin: rideThroughMin(valuesOf(layout.batteryYards, 'energyMwh'), facilityMw),
    plantMw,
    heatToRejectMw,
    itEnergyMwhPerYear: water.itEnergyMwhPerYear,
    waterM3PerYear: water.waterM3PerYear,
    waterGallonsPerYear: water.waterGallonsPerYear,
    wueLPerKwh: water.wueLPerKwh,
    energyCostUsdPerYear: water.energyCostUsdPerYear,
    capexUsd: program.capexUsd,
    itEquipmentUsd: program.itEquipmentUsd,
    capexPerItMwUsd: program.capexPerItMwUsd,
    revenueUsdPerYear: program.revenueUsdPerYear,
    paybackYears: program.paybackYears,
  };

  // Without a memo, geometry and setback still share this report's placements on the parcel.
  const placement: PlacementMemo & GeometryMemo = memo ?? {};
  const checks = orderChecks([
    checkRowPower(layout, rows),
    checkFloorLoad(layout, halls),
    checkPointLoad(layout, halls, tier),
    checkHallDensity(layout, halls, tier),
    checkCoverage(layout, rows, cooling),
    checkCoolingCapacity(layout, cooling),
    checkCoolingDensity(layout, rows, cooling),
    checkPowerCapacity(layout, facilityMw, installedMva, usableMw),
    checkFiberConnectivity(layout, latency),
    checkGeometry(layout, rows, placement),
    checkSetback(layout, placement),
    checkOverlap(layout, halls, memo),
    checkTierFloor(layout, tier),
    checkTierCooling(layout, tier, cooling),
    checkTierDensity(layout, tier, rows),
    checkTierRowPower(layout, tier),
    checkTierRedundancy(layout, tier),
    checkFiberDensity(layout, tier),
    checkLatencyDomain(layout, tier, latency),
    checkHallFeed(
      hallLoadsOf(layout, halls),
      feedMva,
      layout.powerFeeders.length,
      pue,
      settings.powerFactor,
      settings.redundancy,
    ),
    checkBackupPower(backupMw, facilityMw, idsOf(layout.generatorYards)),
    checkHeatRejection(plantMw, heatToRejectMw, idsOf(layout.coolingPlants)),
    program.phasePower,
    program.phaseCooling,
  ]);
  const summary = summarize(checks);

  return {
    name: layout.name,
    targetTier: tierId,
    totals,
    halls: hallReports,
    rows: rowReports,
    zones: zoneReports,
    domains,
    capexByCategory: program.capexByCategory,
    phases: program.phases,
    checks,
    summary,
  };
}

/** x0, y0, x1, y1 … as [x, y] pairs. */
function pairs(flat: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

// The per-element records below are module functions with plain loops, not callbacks made inside
// computeReport: V8 keeps a function's optimized code only while a function object using it is
// alive, so closures made afresh by every report are compiled again after each full garbage
// collection (on the report worker, that is during a drag).

/**
 * How many checks pass, warn and fail. Compared, not looked up by name (`summary[c.status]++`):
 * V8's code for a keyed access that has seen one name is thrown away at the next, and a drag that
 * first makes a check warn threw away the report's whole optimized code there.
 */
function summarize(checks: readonly Check[]): { pass: number; warn: number; fail: number } {
  let pass = 0;
  let warn = 0;
  let fail = 0;
  for (const c of checks) {
    if (c.status === 'pass') pass++;
    else if (c.status === 'warn') warn++;
    else fail++;
  }
  return { pass, warn, fail };
}

/** The rectangles a feeder can attach to: the halls, then the substations. */
function feederTargets(layout: Layout): RotatedRect[] {
  const out: RotatedRect[] = [];
  for (const h of layout.halls) out.push(rectOf(h));
  for (const s of layout.substations) out.push(rectOf(s));
  return out;
}

/** Per feeder, what rule 9 reads: its capacity, the halls it attaches to, and any substation. */
function feederAttachments(
  layout: Layout,
  feederAttach: readonly (readonly number[])[],
): FeederAttachment[] {
  const nHalls = layout.halls.length;
  const out: FeederAttachment[] = [];
  for (let k = 0; k < layout.powerFeeders.length; k++) {
    const halls: number[] = [];
    let toSubstation = false;
    // Rectangles past the halls are the substations (attachedRectsAll was given halls first).
    for (const i of feederAttach[k]!) {
      if (i < nHalls) halls.push(i);
      else toSubstation = true;
    }
    out.push({ capacityMva: layout.powerFeeders[k]!.capacityMva, halls, toSubstation });
  }
  return out;
}

/** Per cooling plant, its installed MW and water-use factor (rule 12). */
function plantWater(layout: Layout): PlantWater[] {
  const out: PlantWater[] = [];
  for (const p of layout.coolingPlants)
    out.push({ installedMw: coolingPlantMw(p), wueLPerKwh: PLANT_TYPES[p.type].wueLPerKwh.value });
  return out;
}

/** Per latency domain, its record. */
function domainReportsOf(layout: Layout, latency: LatencyResult): DomainReport[] {
  const out: DomainReport[] = [];
  for (const d of latency.domains) {
    const hallIds: string[] = [];
    for (const h of d.halls) hallIds.push(layout.halls[h]!.id);
    out.push({
      hallIds,
      itMw: d.itKw / 1000,
      gpus: d.gpus,
      maxPathM: d.maxPathM,
      maxLatencyUs: (d.maxPathM / 1000) * US_PER_KM,
      oneWayLatencyUs: oneWayLatencyUs(d.maxPathM),
      unattached: d.unattached,
    });
  }
  return out;
}

/** Per hall, its load as `hall-feed` reads it. */
function hallLoadsOf(layout: Layout, halls: HallTable): HallLoad[] {
  const out: HallLoad[] = [];
  for (let i = 0; i < layout.halls.length; i++) {
    const h = layout.halls[i]!;
    out.push({ id: h.id, name: h.name, itMw: halls.itKw[i]! / 1000, racks: halls.racks[i]! });
  }
  return out;
}

/**
 * Per hall, its record (zones serving its rows without repeats, sorted). A record equal to the
 * known one at the same place (the last report's) is that one, and when every record is, the
 * known array is returned: the report transport then diffs the halls by identity alone, where
 * it used to walk all of them after every edit (about 11,000 values on a 391-hall campus).
 */
function hallReportsOf(
  layout: Layout,
  tierId: TierId,
  halls: HallTable,
  cooling: CoolingResult,
  latency: LatencyResult,
  feedMva: readonly (number | null)[],
  known: readonly HallReport[] | null,
): readonly HallReport[] {
  // A zone is stamped with the hall last seen.
  const zoneSeen = new Int32Array(layout.coolingZones.length).fill(-1);
  const out: HallReport[] = [];
  let kept = 0;
  for (let h = 0; h < layout.halls.length; h++) {
    const hall = layout.halls[h]!;
    const zoneIdx: number[] = [];
    for (const i of halls.rowsOf[h]!) {
      const z = cooling.zoneOfRow[i]!;
      if (z >= 0 && zoneSeen[z] !== h) {
        zoneSeen[z] = h;
        zoneIdx.push(z);
      }
    }
    sortAscending(zoneIdx);
    const coolingZoneIds: string[] = [];
    for (const z of zoneIdx) coolingZoneIds.push(layout.coolingZones[z]!.id);
    const areaM2 = hall.width * hall.depth;
    const whiteSpaceFraction = hallWhiteSpaceFraction(hall, tierId);
    const d = latency.domainOfHall[h]!;
    const record = new HallRecord(
      hall.id,
      hall.name,
      halls.itKw[h]! / 1000,
      halls.racks[h]!,
      halls.gpus[h]!,
      areaM2,
      ratio(halls.itKw[h]!, areaM2),
      halls.maxRackKpa[h]!,
      hallAverageKpa(layout, halls, h),
      hall.floorRatingKpa,
      halls.maxDistributedKpa[h]!,
      halls.maxPointLoadKn[h]!,
      hallPointLoadRatingKn(hall, tierId),
      whiteSpaceFraction,
      areaM2 * whiteSpaceFraction,
      hall.rowPowerMw,
      halls.maxRowKw[h]! / 1000,
      coolingZoneIds,
      d >= 0 ? d : null,
      pairs(latency.attachments[h]!.points),
      feedMva[h]!,
    );
    const last = known?.[h];
    if (last !== undefined && sameHallReport(last, record)) {
      out.push(last);
      kept++;
    } else out.push(record);
  }
  return known !== null && kept === known.length && kept === out.length ? known : out;
}

/** Two hall records with the same figures (NaN equal to NaN), zones and fiber attachments. */
export function sameHallReport(a: HallReport, b: HallReport): boolean {
  const is = Object.is;
  return (
    a.id === b.id &&
    a.name === b.name &&
    is(a.itMw, b.itMw) &&
    is(a.racks, b.racks) &&
    is(a.gpus, b.gpus) &&
    is(a.areaM2, b.areaM2) &&
    is(a.densityKwPerM2, b.densityKwPerM2) &&
    is(a.maxRackKpa, b.maxRackKpa) &&
    is(a.avgFloorKpa, b.avgFloorKpa) &&
    is(a.floorRatingKpa, b.floorRatingKpa) &&
    is(a.distributedKpa, b.distributedKpa) &&
    is(a.maxPointLoadKn, b.maxPointLoadKn) &&
    is(a.pointLoadRatingKn, b.pointLoadRatingKn) &&
    is(a.whiteSpaceFraction, b.whiteSpaceFraction) &&
    is(a.whiteSpaceM2, b.whiteSpaceM2) &&
    is(a.rowPowerMw, b.rowPowerMw) &&
    is(a.maxRowMw, b.maxRowMw) &&
    is(a.domainIndex, b.domainIndex) &&
    is(a.feedMva, b.feedMva) &&
    sameList(a.coolingZoneIds, b.coolingZoneIds) &&
    sameList(a.fiberAttachments, b.fiberAttachments)
  );
}

/** Lists of the same values (Object.is), element by element, a level of lists down too. */
function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!Object.is(x, y) && !(Array.isArray(x) && Array.isArray(y) && sameList(x, y))) return false;
  }
  return true;
}

/** A hall's record: a constructor, not an object literal, for the reason given at RowRecord. */
class HallRecord implements HallReport {
  declare readonly id: string;
  declare readonly name: string;
  declare readonly itMw: number;
  declare readonly racks: number;
  declare readonly gpus: number;
  declare readonly areaM2: number;
  declare readonly densityKwPerM2: number;
  declare readonly maxRackKpa: number;
  declare readonly avgFloorKpa: number;
  declare readonly floorRatingKpa: number;
  declare readonly distributedKpa: number;
  declare readonly maxPointLoadKn: number;
  declare readonly pointLoadRatingKn: number;
  declare readonly whiteSpaceFraction: number;
  declare readonly whiteSpaceM2: number;
  declare readonly rowPowerMw: number;
  declare readonly maxRowMw: number;
  declare readonly coolingZoneIds: readonly string[];
  declare readonly domainIndex: number | null;
  declare readonly fiberAttachments: readonly (readonly [number, number])[];
  declare readonly feedMva: number | null;

  constructor(
    id: string,
    name: string,
    itMw: number,
    racks: number,
    gpus: number,
    areaM2: number,
    densityKwPerM2: number,
    maxRackKpa: number,
    avgFloorKpa: number,
    floorRatingKpa: number,
    distributedKpa: number,
    maxPointLoadKn: number,
    pointLoadRatingKn: number,
    whiteSpaceFraction: number,
    whiteSpaceM2: number,
    rowPowerMw: number,
    maxRowMw: number,
    coolingZoneIds: readonly string[],
    domainIndex: number | null,
    fiberAttachments: readonly (readonly [number, number])[],
    feedMva: number | null,
  ) {
    this.id = id;
    this.name = name;
    this.itMw = itMw;
    this.racks = racks;
    this.gpus = gpus;
    this.areaM2 = areaM2;
    this.densityKwPerM2 = densityKwPerM2;
    this.maxRackKpa = maxRackKpa;
    this.avgFloorKpa = avgFloorKpa;
    this.floorRatingKpa = floorRatingKpa;
    this.distributedKpa = distributedKpa;
    this.maxPointLoadKn = maxPointLoadKn;
    this.pointLoadRatingKn = pointLoadRatingKn;
    this.whiteSpaceFraction = whiteSpaceFraction;
    this.whiteSpaceM2 = whiteSpaceM2;
    this.rowPowerMw = rowPowerMw;
    this.maxRowMw = maxRowMw;
    this.coolingZoneIds = coolingZoneIds;
    this.domainIndex = domainIndex;
    this.fiberAttachments = fiberAttachments;
    this.feedMva = feedMva;
  }
}
plainRecord(HallRecord);

/** Row i's record: `prev` (its known record) when its floor load and zone are unchanged. */
function rowReportOf(
  layout: Layout,
  rows: RowTable,
  cooling: CoolingResult,
  i: number,
  prev: RowReport | undefined,
): RowReport {
  const row = layout.rackRows[i]!;
  const z = cooling.zoneOfRow[i]!;
  const coolingZoneId = z >= 0 ? layout.coolingZones[z]!.id : null;
  if (
    prev?.coolingZoneId === coolingZoneId &&
    Object.is(prev.distributedKpa, rows.distributedKpa[i])
  ) {
    return prev;
  }
  return new RowRecord(
    row.id,
    row.hallId,
    rows.racks[i]!,
    rows.kwPerRack[i]!,
    rows.itKw[i]!,
    rows.massKg[i]!,
    rows.gpus[i]!,
    rows.rackKpa[i]!,
    rows.distributedKpa[i]!,
    rows.pointLoadKn[i]!,
    rowCduCount(row),
    coolingZoneId,
  );
}

/**
 * A row's record, made by a constructor rather than an object literal: V8 moves the objects of an
 * object literal that outlive a minor garbage collection (as a report's records do, while the
 * report is being built) to slower old-space allocation ("pretenuring"), which made the row records
 * a quarter of a report from scratch; a constructor's objects are not pretenured. Its own fields
 * are those of RowReport, in its order: structured clone and JSON see a plain record.
 */
class RowRecord implements RowReport {
  declare readonly id: string;
  declare readonly hallId: string;
  declare readonly racks: number;
  declare readonly kwPerRack: number;
  declare readonly itKw: number;
  declare readonly massKg: number;
  declare readonly gpus: number;
  declare readonly rackKpa: number;
  declare readonly distributedKpa: number;
  declare readonly pointLoadKn: number;
  declare readonly cdus: number;
  declare readonly coolingZoneId: string | null;

  constructor(
    id: string,
    hallId: string,
    racks: number,
    kwPerRack: number,
    itKw: number,
    massKg: number,
    gpus: number,
    rackKpa: number,
    distributedKpa: number,
    pointLoadKn: number,
    cdus: number,
    coolingZoneId: string | null,
  ) {
    this.id = id;
    this.hallId = hallId;
    this.racks = racks;
    this.kwPerRack = kwPerRack;
    this.itKw = itKw;
    this.massKg = massKg;
    this.gpus = gpus;
    this.rackKpa = rackKpa;
    this.distributedKpa = distributedKpa;
    this.pointLoadKn = pointLoadKn;
    this.cdus = cdus;
    this.coolingZoneId = coolingZoneId;
  }
}
plainRecord(RowRecord);

/**
 * The row records: `known` itself when every row gives back its known record, else a new list
 * (built with push, so it is always an array of one kind: V8's optimized code of the report, which
 * reads this list again after the next edit, then sees the same kind of array every time).
 */
function sameRowReports(
  known: readonly RowReport[] | null,
  layout: Layout,
  rows: RowTable,
  cooling: CoolingResult,
): readonly RowReport[] {
  const n = layout.rackRows.length;
  if (known !== null && known.length === n) {
    let same = 0;
    while (same < n && rowReportOf(layout, rows, cooling, same, known[same]) === known[same])
      same++;
    if (same === n) return known;
  }
  const out: RowReport[] = [];
  for (let i = 0; i < n; i++) out.push(rowReportOf(layout, rows, cooling, i, known?.[i]));
  return out;
}

/** Per zone, its record: the known one when its element, load and rows are unchanged. */
function zoneReportsOf(
  layout: Layout,
  cooling: CoolingResult,
  knownZones: ZoneReportMemo | undefined,
): ZoneReport[] {
  const out: ZoneReport[] = [];
  for (let z = 0; z < layout.coolingZones.length; z++) {
    const zone = layout.coolingZones[z]!;
    const rowsOfZone = cooling.rowsOfZone[z]!;
    const loadMw = cooling.zoneLoadKw[z]! / 1000;
    const k = !knownZones ? -1 : knownZones.zones[z] === zone ? z : knownZones.zones.indexOf(zone);
    const prev = k >= 0 ? knownZones!.reports[k] : undefined;
    if (
      prev &&
      Object.is(prev.loadMw, loadMw) &&
      sameValues(knownZones!.rowsOfZone[k]!, rowsOfZone)
    ) {
      out.push(prev);
      continue;
    }
    const rowIds: string[] = [];
    for (const i of rowsOfZone) rowIds.push(layout.rackRows[i]!.id);
    out.push({
      id: zone.id,
      name: zone.name,
      type: zone.type,
      loadMw,
      capacityMw: zone.capacityMw,
      rowIds,
    });
  }
  return out;
}
