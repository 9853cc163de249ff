import { PLANT_TYPES, TIERS, type TierId } from '../catalog';
import type { RackRow } from '../kinds';
import type { Layout } from '../model';
import {
  attachedRectsAll,
  checkBackupPower,
  checkHallFeed,
  checkHeatRejection,
  firmUnitsMw,
  hallFeedMva,
  rideThroughMin,
  sparesOneUnit,
  waterAndEnergy,
} from './campus';
import { orderChecks } from './checks';
import { computeProgram } from './phases';
import { assignCooling, checkCoolingCapacity, checkCoolingDensity, checkCoverage } from './cooling';
import { ratio } from './format';
import { checkFloorLoad, checkHallDensity, checkPointLoad } from './floor';
import { computeHalls, hallAverageKpa } from './halls';
import {
  coolingPlantMw,
  hallPointLoadRatingKn,
  hallWhiteSpaceFraction,
  rectOf,
  rowCduCount,
} from '../kinds';
import { checkFiberConnectivity, oneWayLatencyUs, US_PER_KM } from './latency';
import { memoDomains, memoFiberGraph, memoFiberTotals, sameValues, type ReportMemo } from './memo';
import { checkGeometry, checkOverlap, checkSetback, parcelFigures } from './land';
import { checkPowerCapacity, computePue, usablePower } from './power';
import { checkRowPower, computeRows, indexById } from './rows';
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
import type { DomainReport, HallReport, Report, RowReport, Totals, ZoneReport } from './types';

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
    layout.substations.map((s) => s.capacityMva),
    layout.settings.redundancy,
    layout.settings.powerFactor,
  );

  // Rules 9–12: power distribution, backup, heat rejection, water and energy.
  const settings = layout.settings;
  const feederAttach = attachedRectsAll(layout.powerFeeders, [
    ...layout.halls.map(rectOf),
    ...layout.substations.map(rectOf),
  ]);
  const nHalls = layout.halls.length;
  const feedMva = hallFeedMva(
    nHalls,
    layout.powerFeeders.map((f, k) => ({
      capacityMva: f.capacityMva,
      halls: feederAttach[k]!.filter((i) => i < nHalls),
      toSubstation: feederAttach[k]!.some((i) => i >= nHalls),
    })),
    settings.redundancy,
  );
  const spareOne = sparesOneUnit(tier.minRedundancy.value);
  const backupMw = firmUnitsMw(layout.generatorYards, spareOne);
  const plantMw = firmUnitsMw(layout.coolingPlants, spareOne);
  const heatToRejectMw = cooledKw / 1000;
  const water = waterAndEnergy(
    itMw,
    settings.utilization,
    pue,
    layout.coolingPlants.map((p) => ({
      installedMw: coolingPlantMw(p),
      wueLPerKwh: PLANT_TYPES[p.type].wueLPerKwh.value,
    })),
    settings.energyPricePerMwh,
  );

  // Fiber and latency.
  const fiber = memoFiberTotals(layout.fiberTrenches, memo);
  const graph = memoFiberGraph(layout.fiberTrenches, memo);
  const latency = memoDomains(layout, halls, graph, tier.domainReachM.value, memo);
  const land = parcelFigures(layout);

  const domains: DomainReport[] = latency.domains.map((d) => ({
    hallIds: d.halls.map((h) => layout.halls[h]!.id),
    itMw: d.itKw / 1000,
    gpus: d.gpus,
    maxPathM: d.maxPathM,
    maxLatencyUs: (d.maxPathM / 1000) * US_PER_KM,
    oneWayLatencyUs: oneWayLatencyUs(d.maxPathM),
    unattached: d.unattached,
  }));
  const largest = largestDomain(latency.domains);
  const longestPathM = latency.domains.reduce((m, d) => Math.max(m, d.maxPathM), 0);

  // Zones serving each hall's rows, without repeats: a zone is stamped with the hall last seen.
  const zoneSeen = new Int32Array(layout.coolingZones.length).fill(-1);
  const hallReports: HallReport[] = layout.halls.map((hall, h) => {
    const zoneIdx: number[] = [];
    for (const i of halls.rowsOf[h]!) {
      const z = cooling.zoneOfRow[i]!;
      if (z >= 0 && zoneSeen[z] !== h) {
        zoneSeen[z] = h;
        zoneIdx.push(z);
      }
    }
    const areaM2 = hall.width * hall.depth;
    const d = latency.domainOfHall[h]!;
    return {
      id: hall.id,
      name: hall.name,
      itMw: halls.itKw[h]! / 1000,
      racks: halls.racks[h]!,
      gpus: halls.gpus[h]!,
      areaM2,
      densityKwPerM2: ratio(halls.itKw[h]!, areaM2),
      maxRackKpa: halls.maxRackKpa[h]!,
      avgFloorKpa: hallAverageKpa(layout, halls, h),
      floorRatingKpa: hall.floorRatingKpa,
      distributedKpa: halls.maxDistributedKpa[h]!,
      maxPointLoadKn: halls.maxPointLoadKn[h]!,
      pointLoadRatingKn: hallPointLoadRatingKn(hall, tierId),
      whiteSpaceFraction: hallWhiteSpaceFraction(hall, tierId),
      whiteSpaceM2: areaM2 * hallWhiteSpaceFraction(hall, tierId),
      rowPowerMw: hall.rowPowerMw,
      maxRowMw: halls.maxRowKw[h]! / 1000,
      coolingZoneIds: zoneIdx.sort((a, b) => a - b).map((z) => layout.coolingZones[z]!.id),
      domainIndex: d >= 0 ? d : null,
      fiberAttachments: pairs(latency.attachments[h]!.points),
      feedMva: feedMva[h]!,
    };
  });

  // With the same rows array, a row whose floor load and zone are unchanged keeps its record.
  const known = memo?.rowReports?.rackRows === layout.rackRows ? memo.rowReports.reports : null;
  const rowReportOf = (row: RackRow, i: number): RowReport => {
    const z = cooling.zoneOfRow[i]!;
    const coolingZoneId = z >= 0 ? layout.coolingZones[z]!.id : null;
    const prev = known?.[i];
    if (
      prev?.coolingZoneId === coolingZoneId &&
      Object.is(prev.distributedKpa, rows.distributedKpa[i])
    ) {
      return prev;
    }
    return {
      id: row.id,
      hallId: row.hallId,
      racks: rows.racks[i]!,
      kwPerRack: rows.kwPerRack[i]!,
      itKw: rows.itKw[i]!,
      massKg: rows.massKg[i]!,
      gpus: rows.gpus[i]!,
      rackKpa: rows.rackKpa[i]!,
      distributedKpa: rows.distributedKpa[i]!,
      pointLoadKn: rows.pointLoadKn[i]!,
      cdus: rowCduCount(row),
      coolingZoneId,
    };
  };
  // Every record kept: the same array, with nothing allocated for it.
  const rowReports = sameRowReports(known, layout.rackRows, rowReportOf);
  if (memo) memo.rowReports = { rackRows: layout.rackRows, reports: rowReports };

  // A zone with the same element, load and rows keeps its record.
  const knownZones = memo?.zoneReports?.rackRows === layout.rackRows ? memo.zoneReports : undefined;
  const zoneReports: ZoneReport[] = layout.coolingZones.map((zone, z) => {
    const rowsOfZone = cooling.rowsOfZone[z]!;
    const loadMw = cooling.zoneLoadKw[z]! / 1000;
    const k = !knownZones ? -1 : knownZones.zones[z] === zone ? z : knownZones.zones.indexOf(zone);
    const prev = k >= 0 ? knownZones!.reports[k] : undefined;
    if (
      prev &&
      Object.is(prev.loadMw, loadMw) &&
      sameValues(knownZones!.rowsOfZone[k]!, rowsOfZone)
    ) {
      return prev;
    }
    return {
      id: zone.id,
      name: zone.name,
      type: zone.type,
      loadMw,
      capacityMw: zone.capacityMw,
      rowIds: rowsOfZone.map((i) => layout.rackRows[i]!.id),
    };
  });
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
    coolingCapacityMw: layout.coolingZones.reduce((s, z) => s + z.capacityMw, 0),
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
    rideThroughMin: rideThroughMin(
      layout.batteryYards.map((b) => b.energyMwh),
      facilityMw,
    ),
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
    checkGeometry(layout, rows, memo),
    checkSetback(layout, memo),
    checkOverlap(layout, halls, memo),
    checkTierFloor(layout, tier),
    checkTierCooling(layout, tier, cooling),
    checkTierDensity(layout, tier, rows),
    checkTierRowPower(layout, tier),
    checkTierRedundancy(layout, tier),
    checkFiberDensity(layout, tier),
    checkLatencyDomain(layout, tier, latency),
    checkHallFeed(
      layout.halls.map((h, i) => ({
        id: h.id,
        name: h.name,
        itMw: halls.itKw[i]! / 1000,
        racks: halls.racks[i]!,
      })),
      feedMva,
      layout.powerFeeders.length,
      pue,
      settings.powerFactor,
      settings.redundancy,
    ),
    checkBackupPower(
      backupMw,
      facilityMw,
      layout.generatorYards.map((g) => g.id),
    ),
    checkHeatRejection(
      plantMw,
      heatToRejectMw,
      layout.coolingPlants.map((p) => p.id),
    ),
    program.phasePower,
    program.phaseCooling,
  ]);
  const summary = { pass: 0, warn: 0, fail: 0 };
  for (const c of checks) summary[c.status]++;

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

/**
 * The row records: `known` itself when every row gives back its known record, else a new list
 * (built with push, so it is always an array of one kind: V8's optimized code of the report, which
 * reads this list again after the next edit, then sees the same kind of array every time).
 */
function sameRowReports(
  known: readonly RowReport[] | null,
  rackRows: readonly RackRow[],
  rowReportOf: (row: RackRow, i: number) => RowReport,
): readonly RowReport[] {
  if (known !== null && known.length === rackRows.length) {
    let same = 0;
    while (same < known.length && rowReportOf(rackRows[same]!, same) === known[same]) same++;
    if (same === known.length) return known;
  }
  const out: RowReport[] = [];
  for (let i = 0; i < rackRows.length; i++) out.push(rowReportOf(rackRows[i]!, i));
  return out;
}
