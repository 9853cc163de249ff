import {
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  GENERATOR,
  PLANT_TYPES,
  RACK_PROFILES,
  sourced,
  TIER_IDS,
  TIERS,
  type CoolingTypeId,
  type RackProfileId,
  type Sourced,
  type TierId,
} from '../catalog';
import { fig, formatNumber, M2_PER_FT2, msg, PHYSICS, type Text } from '../units';
import { DEFAULT_SETTINGS, SQ_M_PER_ACRE } from '../kinds';
import { waterAndEnergy } from '../report/campus';
import { ceilClean, derived } from './sourcedMath';

/**
 * "How density drives infrastructure": the same IT load built from each tier's flagship rack, and
 * what a traditional facility cannot carry for it. Every figure is a Sourced value: catalog figures
 * keep their own basis and grade; computed ones are grade D (X when an input is X).
 */

// ---------------------------------------------------------------------------------------------
// Planner defaults this lesson introduces (no public source fixes them; each says its basis).

export const LESSON_DEFAULTS = {
  /** Racks in one row of liquid-cooled (DLC / immersion) racks. */
  rowRacksLiquid: sourced(
    8,
    'A',
    'NVIDIA DGX SuperPOD GB200 RA: a scalable unit is one row of 8 NVL72 compute racks',
  ),
  /** Racks in one row of air-cooled (air / RDHx) racks. */
  rowRacksAir: sourced(
    20,
    'C',
    'planner default: the longest row common practice allows (rows ≤ 20 cabinets); the Traditional tier’s 0.2 MW row is 20 × 10 kW',
    { estimate: true },
  ),
  /** White space per liquid-cooled AI rack, aisles included, ft². */
  whiteSpaceFt2Liquid: sourced(
    40,
    'C',
    'planner default: midpoint of the 30–50 ft² (2.8–4.6 m²) per AI rack including aisles that trade sources quote',
    { range: [30, 50], estimate: true },
  ),
  /** White space per air-cooled rack, aisles included, ft². */
  whiteSpaceFt2Air: sourced(
    30,
    'X',
    'planner default: conventional air rooms plan ~25–30 ft² per rack with aisles; 30 ft² (2.8 m²) is also the low end of the AI range',
    { range: [25, 30], estimate: true },
  ),
  /** White space of one standard hall, m². */
  hallWhiteSpaceM2: sourced(
    5000,
    'C',
    'planner default: a ~5,000 m² white-space hall, inside the 3,250–7,900 m² of published megahalls',
    { range: [3250, 7900], estimate: true },
  ),
  /** Fibers at every rack for management and front-end networks (two 12-fiber MPO trunks). */
  fibersPerRackBase: sourced(
    24,
    'X',
    'planner estimate: two 12-fiber MPO trunks per rack for front-end and management',
  ),
  /** Scale-out fibers per GPU: one 8-fiber parallel single-mode optic (400G DR4 class) per GPU NIC. */
  fibersPerGpu: sourced(
    8,
    'X',
    'planner estimate: one NIC per GPU on the scale-out fabric, one 8-fiber DR4-class optic each',
  ),
  /** Ground a heat-rejection plant takes per MW it rejects, m². */
  plantM2PerMw: sourced(
    80,
    'X',
    'planner estimate: dry-cooler and tower plots of ~60–100 m² per MW rejected, from published campus site plans measured by the planner',
    { range: [60, 100], estimate: true },
  ),
  /** Ground a generator yard takes per MW of gensets, m² (units, fuel, access). */
  gensetM2PerMw: sourced(
    50,
    'X',
    'planner estimate: containerised 3 MW gensets with fuel and access roads take ~40–60 m² per MW',
    { range: [40, 60], estimate: true },
  ),
  /** Mean IT load ÷ IT capacity for energy and water (the format's default). */
  utilization: sourced(
    DEFAULT_SETTINGS.utilization,
    'X',
    'planner default (settings.utilization): AI training fleets run near their power limit; inference less',
    { range: [0.6, 0.9], estimate: true },
  ),
} as const;

/** What a "traditional" facility offers: the yardstick the breaks are measured against. */
export const TRADITIONAL_FACILITY = {
  floorKpa: sourced(12, 'A', 'TIA-942 Rated-3 floor: 12 kPa (250 psf) distributed load'),
  airMaxKw: COOLING_TYPES.air.maxKwPerRack,
  airTypicalKw: sourced(
    20,
    'B',
    'Uptime surveys and Schneider WP155/156: 10–20 kW per rack in most existing air rooms',
    {
      range: [10, 20],
    },
  ),
  rowMw: TIERS.traditional.minRowPowerMw,
} as const;

/** The order cooling types are tried in: the least capable (and least disruptive) first. */
export const COOLING_ESCALATION: readonly CoolingTypeId[] = COOLING_TYPE_IDS;

/**
 * The cooling a rack of `kw` forces: the first of air → rdhx → dlc → immersion whose limit is at
 * least `kw`. `fits` is false (and the type is the most capable one) when nothing can remove it.
 */
export function forcedCooling(kw: number): { type: CoolingTypeId; fits: boolean } {
  for (const id of COOLING_ESCALATION) {
    if (COOLING_TYPES[id].maxKwPerRack.value >= kw) return { type: id, fits: true };
  }
  let best: CoolingTypeId = 'air';
  for (const id of COOLING_ESCALATION) {
    if (COOLING_TYPES[id].maxKwPerRack.value > COOLING_TYPES[best].maxKwPerRack.value) best = id;
  }
  return { type: best, fits: false };
}

/** Whether air cooling still works: in most existing rooms, only with full containment, or not. */
export type AirVerdict = 'works' | 'containment' | 'no';

export interface DensityBreak {
  readonly what: 'floor' | 'cooling' | 'row-power';
  /**
   * One line with the figures: "1.36 t rack loads 18.5 kPa > 12 kPa Rated-3 floor" (a Message
   * or plain text: shown in the reader's units).
   */
  readonly message: Text;
  readonly figure: Sourced<number>;
  readonly limit: Sourced<number>;
}

export interface DensityComparison {
  readonly profile: RackProfileId;
  readonly profileLabel: string;
  readonly itMw: number;
  readonly kwPerRack: Sourced<number>;
  readonly racks: Sourced<number>;
  readonly gpus: Sourced<number>;
  readonly rackMassKg: Sourced<number>;
  /** One rack's point load over its footprint: mass × 9.807 / (w × d) / 1000. */
  readonly rackKpa: Sourced<number>;
  readonly cooling: {
    readonly type: CoolingTypeId;
    readonly label: string;
    /** False when even the most capable type cannot remove the rack's heat. */
    readonly fits: boolean;
    readonly maxKwPerRack: Sourced<number>;
    readonly air: AirVerdict;
    readonly note: string;
  };
  readonly pue: Sourced<number>;
  readonly facilityMw: Sourced<number>;
  readonly rowRacks: Sourced<number>;
  readonly rowMw: Sourced<number>;
  readonly whiteSpaceM2PerRack: Sourced<number>;
  readonly whiteSpaceM2: Sourced<number>;
  readonly hallWhiteSpaceM2: Sourced<number>;
  readonly halls: Sourced<number>;
  readonly fibersPerRack: Sourced<number>;
  readonly fiberStrands: Sourced<number>;
  /** What a traditional facility (TRADITIONAL_FACILITY) cannot carry for this rack. */
  readonly breaks: readonly DensityBreak[];
  /** The plant outside the halls for the same load (rules 10–12 on a campus built for it). */
  readonly plant: PlantChapter;
}

/**
 * The plant chapter: what feeds and cools `itMw` of each tier's racks outside the halls, and the
 * land it all takes. Gensets carry the facility load with one spare unit (N+1); dry coolers reject
 * the IT heat with one spare; towers would reject the same heat by evaporating water.
 */
export interface PlantChapter {
  /** Standby gensets: ⌈facility MW ÷ unit MW⌉ + 1 spare. */
  readonly gensets: Sourced<number>;
  readonly backupMw: Sourced<number>;
  /** Heat to reject: the IT load (rule 11). */
  readonly heatMw: Sourced<number>;
  /** Dry-cooler units: ⌈heat ÷ unit MW⌉ + 1 spare. */
  readonly dryCoolers: Sourced<number>;
  /** IT MWh a year at the default utilization (rule 12). */
  readonly itEnergyMwhPerYear: Sourced<number>;
  /** Water a year with evaporative towers instead (rule 12 with the towers' WUE), m³. */
  readonly towerWaterM3PerYear: Sourced<number>;
  /** Water a year with dry coolers, m³ (their WUE is ≈ 0). */
  readonly dryWaterM3PerYear: Sourced<number>;
  /** Ground: white space, the dry-cooler plant and the genset yards, m². */
  readonly whiteSpaceM2: Sourced<number>;
  readonly plantM2: Sourced<number>;
  readonly yardM2: Sourced<number>;
  /** (white space + plant + yards) ÷ IT MW, in acres per MW. */
  readonly acresPerItMw: Sourced<number>;
  /** The plant and yards' share of that ground (0–1). */
  readonly plantShare: Sourced<number>;
}

export interface TierComparison extends DensityComparison {
  readonly tier: TierId;
  readonly tierLabel: string;
}

const n = (v: number): string => formatNumber(v);

/** "10–20 kW": the air range most existing rooms remove. */
function typicalAir(): string {
  const t = TRADITIONAL_FACILITY.airTypicalKw;
  return t.range ? `${n(t.range[0])}–${n(t.range[1])} kW` : `${n(t.value)} kW`;
}

function airVerdict(kw: number): { air: AirVerdict; note: string } {
  const max = TRADITIONAL_FACILITY.airMaxKw.value;
  const typical = TRADITIONAL_FACILITY.airTypicalKw.value;
  if (kw <= typical) {
    return {
      air: 'works',
      note: `air works: ${n(kw)} kW is no more than most existing rooms remove (${typicalAir()})`,
    };
  }
  if (kw <= max) {
    return {
      air: 'containment',
      note: `air works only with full containment: ${n(kw)} kW is above the ${typicalAir()} of most rooms, within the ~${n(max)} kW limit`,
    };
  }
  return {
    air: 'no',
    note:
      kw <= max * 1.1
        ? `air is at its edge: ${n(kw)} kW is just over the ~${n(max)} kW air can remove with full containment; rear doors help above ~30 kW`
        : `air cannot remove ${n(kw)} kW per rack (~${n(max)} kW with full containment)`,
  };
}

/**
 * `itMw` of IT load built from racks of `profile` at `kwPerRack` (default: the profile's kW):
 * racks, GPUs, floor load, the cooling it forces, rows, white space, halls, fiber, and breaks.
 */
export function compareDensity(
  profile: RackProfileId,
  itMw: number,
  kwPerRack?: number,
): DensityComparison {
  const p = RACK_PROFILES[profile];
  const kw: Sourced<number> =
    kwPerRack === undefined || kwPerRack === p.kwPerRack.value
      ? p.kwPerRack
      : sourced(kwPerRack, 'X', 'chosen kW per rack', { estimate: true });

  const racks = derived(
    itMw > 0 ? ceilClean((itMw * 1000) / kw.value) : 0,
    `⌈${n(itMw)} MW × 1000 / ${n(kw.value)} kW⌉`,
    [kw],
  );
  const gpus = derived(
    racks.value * p.gpusPerRack.value,
    `${n(racks.value)} racks × ${n(p.gpusPerRack.value)} GPUs`,
    [racks, p.gpusPerRack],
  );
  const footprint = p.widthM.value * p.depthM.value;
  const rackKpa = derived(
    (p.massKg.value * PHYSICS.gravity.value) / footprint / 1000,
    `${n(p.massKg.value)} kg × 9.807 / (${p.widthM.value} × ${p.depthM.value} m) / 1000`,
    [p.massKg, p.widthM, p.depthM, PHYSICS.gravity],
  );

  const forced = forcedCooling(kw.value);
  const ct = COOLING_TYPES[forced.type];
  const verdict = airVerdict(kw.value);
  const pue = ct.pue;
  const facilityMw = derived(itMw * pue.value, `${n(itMw)} MW IT × PUE ${n(pue.value)}`, [pue]);

  const liquid = forced.type === 'dlc' || forced.type === 'immersion';
  const rowRacks = liquid ? LESSON_DEFAULTS.rowRacksLiquid : LESSON_DEFAULTS.rowRacksAir;
  const rowMw = derived(
    (rowRacks.value * kw.value) / 1000,
    `${n(rowRacks.value)} racks × ${n(kw.value)} kW / 1000`,
    [rowRacks, kw],
  );

  const perRackFt2 = liquid
    ? LESSON_DEFAULTS.whiteSpaceFt2Liquid
    : LESSON_DEFAULTS.whiteSpaceFt2Air;
  const whiteSpaceM2PerRack = derived(
    perRackFt2.value * M2_PER_FT2,
    `${n(perRackFt2.value)} ft² × 0.09290304`,
    [perRackFt2],
  );
  const whiteSpaceM2 = derived(
    racks.value * whiteSpaceM2PerRack.value,
    `${n(racks.value)} racks × ${n(whiteSpaceM2PerRack.value)} m²`,
    [racks, whiteSpaceM2PerRack],
  );
  const hallM2 = LESSON_DEFAULTS.hallWhiteSpaceM2;
  const halls = derived(
    whiteSpaceM2.value > 0 ? ceilClean(whiteSpaceM2.value / hallM2.value) : 0,
    `⌈${n(whiteSpaceM2.value)} m² / ${n(hallM2.value)} m² per hall⌉`,
    [whiteSpaceM2, hallM2],
  );

  const { fibersPerRackBase: base, fibersPerGpu: perGpu } = LESSON_DEFAULTS;
  const fibersPerRack = derived(
    base.value + perGpu.value * p.gpusPerRack.value,
    `${n(base.value)} + ${n(perGpu.value)} × ${n(p.gpusPerRack.value)} GPUs`,
    [base, perGpu, p.gpusPerRack],
  );
  const fiberStrands = derived(
    racks.value * fibersPerRack.value,
    `${n(racks.value)} racks × ${n(fibersPerRack.value)} fibers`,
    [racks, fibersPerRack],
  );

  const breaks: DensityBreak[] = [];
  const f = TRADITIONAL_FACILITY;
  if (rackKpa.value > f.floorKpa.value) {
    breaks.push({
      what: 'floor',
      message: msg`${fig(p.massKg.value / 1000, 't')} rack loads ${fig(rackKpa.value, 'kPa')} > ${fig(f.floorKpa.value, 'kPa')} Rated-3 floor`,
      figure: rackKpa,
      limit: f.floorKpa,
    });
  }
  if (kw.value > f.airMaxKw.value) {
    breaks.push({
      what: 'cooling',
      message: `${n(kw.value)} kW per rack > ${n(f.airMaxKw.value)} kW air limit (full containment; ${typicalAir()} in most rooms): needs ${ct.label.toLowerCase()}`,
      figure: kw,
      limit: f.airMaxKw,
    });
  }
  if (rowMw.value > f.rowMw.value) {
    breaks.push({
      what: 'row-power',
      message: `${n(rowRacks.value)}-rack row draws ${n(rowMw.value)} MW > ${n(f.rowMw.value)} MW row power`,
      figure: rowMw,
      limit: f.rowMw,
    });
  }

  const plant = plantChapter(itMw, facilityMw, whiteSpaceM2);

  return {
    profile,
    profileLabel: p.label,
    itMw,
    kwPerRack: kw,
    racks,
    gpus,
    rackMassKg: p.massKg,
    rackKpa,
    cooling: {
      type: forced.type,
      label: ct.label,
      fits: forced.fits,
      maxKwPerRack: ct.maxKwPerRack,
      ...verdict,
    },
    pue,
    facilityMw,
    rowRacks,
    rowMw,
    whiteSpaceM2PerRack,
    whiteSpaceM2,
    hallWhiteSpaceM2: hallM2,
    halls,
    fibersPerRack,
    fiberStrands,
    breaks,
    plant,
  };
}

/** The plant chapter for `itMw` of IT at `facilityMw`, with `whiteSpaceM2` of halls. */
function plantChapter(
  itMw: number,
  facilityMw: Sourced<number>,
  whiteSpaceM2: Sourced<number>,
): PlantChapter {
  const d = LESSON_DEFAULTS;
  const genUnit = GENERATOR.unitMw;
  const gensets = derived(
    facilityMw.value > 0 ? ceilClean(facilityMw.value / genUnit.value) + 1 : 0,
    `⌈${n(facilityMw.value)} MW ÷ ${n(genUnit.value)} MW⌉ + 1 spare`,
    [facilityMw, genUnit],
  );
  const backupMw = derived(
    gensets.value * genUnit.value,
    `${n(gensets.value)} × ${n(genUnit.value)} MW`,
    [gensets, genUnit],
  );
  const heatMw = derived(itMw, `the IT load: ${n(itMw)} MW`, []);
  const dry = PLANT_TYPES['dry-cooler'];
  const towers = PLANT_TYPES['chiller-tower'];
  const dryCoolers = derived(
    itMw > 0 ? ceilClean(itMw / dry.unitMw.value) + 1 : 0,
    `⌈${n(itMw)} MW ÷ ${n(dry.unitMw.value)} MW⌉ + 1 spare`,
    [dry.unitMw],
  );
  const u = d.utilization;
  const withPlant = (wue: number) =>
    waterAndEnergy(itMw, u.value, 1, [{ installedMw: 1, wueLPerKwh: wue }], null);
  const towerWater = withPlant(towers.wueLPerKwh.value);
  const itEnergyMwhPerYear = derived(
    towerWater.itEnergyMwhPerYear,
    `${n(itMw)} MW × 8,760 h × ${n(u.value)}`,
    [u],
  );
  const towerWaterM3PerYear = derived(
    towerWater.waterM3PerYear,
    `${n(towerWater.itEnergyMwhPerYear)} MWh × ${n(towers.wueLPerKwh.value)} L/kWh`,
    [itEnergyMwhPerYear, towers.wueLPerKwh],
  );
  const dryWaterM3PerYear = derived(
    withPlant(dry.wueLPerKwh.value).waterM3PerYear,
    `${n(towerWater.itEnergyMwhPerYear)} MWh × ${n(dry.wueLPerKwh.value)} L/kWh`,
    [itEnergyMwhPerYear, dry.wueLPerKwh],
  );
  const plantM2 = derived(
    dryCoolers.value * dry.unitMw.value * d.plantM2PerMw.value,
    `${n(dryCoolers.value * dry.unitMw.value)} MW of dry coolers × ${n(d.plantM2PerMw.value)} m²/MW`,
    [dryCoolers, dry.unitMw, d.plantM2PerMw],
  );
  const yardM2 = derived(
    backupMw.value * d.gensetM2PerMw.value,
    `${n(backupMw.value)} MW of gensets × ${n(d.gensetM2PerMw.value)} m²/MW`,
    [backupMw, d.gensetM2PerMw],
  );
  const ground = whiteSpaceM2.value + plantM2.value + yardM2.value;
  const acresPerItMw = derived(
    itMw > 0 ? ground / SQ_M_PER_ACRE / itMw : 0,
    `(${n(whiteSpaceM2.value)} + ${n(plantM2.value)} + ${n(yardM2.value)}) m² ÷ 4,046.86 m²/acre ÷ ${n(itMw)} MW`,
    [whiteSpaceM2, plantM2, yardM2],
  );
  const plantShare = derived(
    ground > 0 ? (plantM2.value + yardM2.value) / ground : 0,
    `(${n(plantM2.value)} + ${n(yardM2.value)}) ÷ ${n(ground)} m²`,
    [plantM2, yardM2, whiteSpaceM2],
  );
  return {
    gensets,
    backupMw,
    heatMw,
    dryCoolers,
    itEnergyMwhPerYear,
    towerWaterM3PerYear,
    dryWaterM3PerYear,
    whiteSpaceM2,
    plantM2,
    yardM2,
    acresPerItMw,
    plantShare,
  };
}

/** One entry per tier (TIER_IDS order), each built from the tier's flagship rack at its default kW. */
export function compareTiers(itMw: number): TierComparison[] {
  return TIER_IDS.map((tier) => ({
    tier,
    tierLabel: TIERS[tier].label,
    ...compareDensity(TIERS[tier].flagshipProfile, itMw),
  }));
}
