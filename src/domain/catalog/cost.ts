import { COOLING_TYPE_IDS, type CoolingTypeId } from './coolingTypes';
import { RACK_PROFILE_IDS, type RackProfileId } from './rackProfiles';
import { sourced, type Sourced } from './sourced';

/**
 * Unit costs of the campus (rule 14), all in US dollars, each with its unit, what it includes, its
 * source and grade. The layout may override any of them in `settings.costs` by item id.
 *
 * How the defaults reconcile the public anchors:
 * - Cushman & Wakefield's 2025 guide puts a US data centre at $9.3–15.0 M per critical MW (average
 *   $11.7 M), land apart. The planner splits that into the hall (shell, electrical and mechanical
 *   fit-out: ~$7 M per IT MW for liquid-cooled halls) and the campus plant drawn around it
 *   (substation, feeders, generators, batteries, heat-rejection plant: ~$2–3 M per IT MW when
 *   sized N+1), so a complete liquid-cooled sketch lands near $9–11 M per IT MW.
 * - The seed's "$300–350 M for 75 MW Horizon 1" (IREN Childress) is ≈ $4–4.7 M per *gross* MW; the
 *   same horizon is 50 MW of IT, so ≈ $6–7 M per IT MW for a self-built shell and fit-out on owned
 *   land with its own substation: close to the hall item alone, below C&W's all-in range.
 * - Turner & Townsend: AI halls cost 7–10 % more than conventional ones, so the liquid-cooled hall
 *   items sit ~8 % above the air-cooled one.
 * IT equipment (the racks themselves) is costed apart and never part of capex per IT MW.
 */

export type FacilityCostItemId =
  | 'land-acre'
  | `hall-mw-${CoolingTypeId}`
  | 'substation-mva'
  | 'feeder-m'
  | 'trench-m'
  | 'fiber-km'
  | 'generator-mw'
  | 'bess-mwh'
  | 'plant-mw';
export type ItCostItemId = `it-rack-${RackProfileId}`;
export type CostItemId = FacilityCostItemId | ItCostItemId;

/** Groups for the cost table and capex by category. */
export type CostGroup = 'land' | 'halls' | 'power' | 'fiber' | 'backup' | 'cooling' | 'it';

export interface CostItem {
  readonly id: CostItemId;
  readonly label: string;
  /** What one unit is ("IT MW", "MVA", "m"…): the cost is USD per this unit. */
  readonly unit: string;
  readonly group: CostGroup;
  /** What the unit cost includes (and leaves out), for the ⓘ and docs/sources.md. */
  readonly includes: string;
  /** USD per unit, with basis and grade. */
  readonly usd: Sourced<number>;
}

const HALL_INCLUDES =
  'the data hall per IT MW of the rows it holds: building shell, MV/LV electrical (switchgear, UPS, busway, PDUs) and mechanical fit-out inside the hall; not land, substation, feeders, generators, batteries, heat-rejection plant or IT equipment (separate items)';

const hallItem = (
  type: CoolingTypeId,
  label: string,
  usd: number,
  grade: 'C' | 'D' | 'X',
  basis: string,
  range: readonly [number, number],
): CostItem => ({
  id: `hall-mw-${type}`,
  label,
  unit: 'IT MW',
  group: 'halls',
  includes: HALL_INCLUDES,
  usd: sourced(usd, grade, basis, { range, estimate: true }),
});

const HALL_BASIS =
  'Cushman & Wakefield 2025: $9.3–15.0 M per critical MW all-in (average $11.7 M); the planner keeps ~60 % of it for the hall and costs the campus plant apart';

/** Facility cost items, in the order of the cost table. */
const FACILITY_ITEMS: readonly CostItem[] = [
  {
    id: 'land-acre',
    label: 'Land',
    unit: 'acre',
    group: 'land',
    includes: 'the whole parcel, bought in the first phase; no site works or permits',
    usd: sourced(
      244_000,
      'B',
      'Cushman & Wakefield Data Center Development Cost Guide 2025: land ≈ $244 k per acre (US average; rural Texas sites cost far less, Northern Virginia far more)',
      { range: [20_000, 2_000_000] },
    ),
  },
  hallItem(
    'air',
    'Air-cooled hall',
    6_500_000,
    'D',
    `${HALL_BASIS}; conventional air-cooled fit-out at the low end`,
    [5_000_000, 9_000_000],
  ),
  hallItem(
    'rdhx',
    'Rear-door hall',
    6_800_000,
    'D',
    `${HALL_BASIS}; rear doors and their water loop add ~5 % to an air hall`,
    [5_300_000, 9_500_000],
  ),
  hallItem(
    'dlc',
    'Direct-to-chip liquid hall',
    7_000_000,
    'D',
    `${HALL_BASIS}; Turner & Townsend: AI (liquid-cooled) halls cost 7–10 % more than conventional (air × 1.08); the seed's IREN Horizon 1, $300–350 M for 50 MW IT, is $6–7 M per IT MW self-built`,
    [6_000_000, 10_000_000],
  ),
  hallItem(
    'immersion',
    'Immersion hall',
    7_300_000,
    'X',
    `estimate: ${HALL_BASIS}; tanks and dielectric fluid put immersion a little above direct-to-chip (no public cost guide)`,
    [6_000_000, 11_000_000],
  ),
  {
    id: 'substation-mva',
    label: 'Substation',
    unit: 'MVA',
    group: 'power',
    includes:
      'the high-voltage yard per MVA installed: transformers, breakers, bus and protection; not the utility’s transmission line or interconnection fees',
    usd: sourced(
      120_000,
      'X',
      'estimate: 230–345 kV substations of a few hundred MVA are reported at roughly $20–60 M each (utility rate cases and trade press), ~$80–200 k per MVA',
      { range: [80_000, 200_000] },
    ),
  },
  {
    id: 'feeder-m',
    label: 'MV feeder duct bank',
    unit: 'm',
    group: 'power',
    includes: 'per metre of feeder drawn: trenching, concrete-encased duct bank and MV cable',
    usd: sourced(
      1_500,
      'X',
      'estimate: medium-voltage duct banks with cable run roughly $1,000–3,000 per metre in US utility and contractor unit-cost tables',
      { range: [1_000, 3_000] },
    ),
  },
  {
    id: 'trench-m',
    label: 'Fiber trench',
    unit: 'm',
    group: 'fiber',
    includes:
      'per metre of each trench drawn (before the route union of rule 5): trenching, conduit and hand holes; the fiber itself is fiber-km',
    usd: sourced(
      300,
      'X',
      'estimate: underground conduit for telecom is commonly quoted at ~$100–500 per metre (US broadband deployment cost studies)',
      { range: [100, 500] },
    ),
  },
  {
    id: 'fiber-km',
    label: 'Fiber strands',
    unit: 'strand-km',
    group: 'fiber',
    includes:
      'per km of one strand (Σ trench length × fiber count): high-count cable, pulling, splicing and termination',
    usd: sourced(
      60,
      'X',
      'estimate: high-count ribbon cable costs a few cents per strand-metre ($20–50 per strand-km) before splicing and termination',
      { range: [20, 150] },
    ),
  },
  {
    id: 'generator-mw',
    label: 'Generator yard',
    unit: 'MW installed',
    group: 'backup',
    includes:
      'per MW of all units installed (spares included): diesel gensets with enclosures, fuel tanks, paralleling gear and installation',
    usd: sourced(
      900_000,
      'C',
      'estimate: installed standby diesel generation for data centres is quoted at ~$0.6–1.2 M per MW (contractor and trade press figures; generator lead times 30–38 weeks per C&W 2025)',
      { range: [600_000, 1_200_000], estimate: true },
    ),
  },
  {
    id: 'bess-mwh',
    label: 'Battery (BESS)',
    unit: 'MWh',
    group: 'backup',
    includes:
      'per MWh of storage: lithium-ion containers, inverters, transformers and installation',
    usd: sourced(
      300_000,
      'C',
      'NREL Annual Technology Baseline 2024: utility-scale 4-hour lithium-ion systems ~$250–400 k per MWh installed',
      { range: [200_000, 450_000], estimate: true },
    ),
  },
  {
    id: 'plant-mw',
    label: 'Heat-rejection plant',
    unit: 'MW installed',
    group: 'cooling',
    includes:
      'per MW of heat-rejection units installed (spares included): dry coolers, towers or chillers with pumps and piping to the halls',
    usd: sourced(
      400_000,
      'X',
      'estimate: dry-cooler and chiller plant is commonly quoted at ~$250–700 k per MW of heat rejected; no public cost guide breaks it out',
      { range: [250_000, 700_000] },
    ),
  },
];

const IT_RACK: Readonly<Record<RackProfileId, [number, 'C' | 'X', string, [number, number]]>> = {
  'enterprise-air': [
    150_000,
    'X',
    'estimate: a rack of ~20 enterprise 1U/2U servers with switches',
    [80_000, 300_000],
  ],
  'hpc-air': [
    400_000,
    'X',
    'estimate: a rack of dense CPU HPC nodes with fabric',
    [250_000, 700_000],
  ],
  'hgx-h100': [
    1_400_000,
    'C',
    'trade press: a DGX/HGX H100 system sold at ~$300–400 k; four per rack',
    [1_000_000, 1_800_000],
  ],
  'hgx-b200': [
    2_000_000,
    'C',
    'trade press: a DGX/HGX B200 system ~$450–550 k; four per rack',
    [1_600_000, 2_400_000],
  ],
  'gb200-nvl72': [
    3_000_000,
    'C',
    'trade press and analyst reports (2024–25): GB200 NVL72 racks ~$3 M each',
    [2_500_000, 3_500_000],
  ],
  'gb300-nvl72': [
    3_700_000,
    'C',
    'trade press and analyst reports (2025): GB300 NVL72 racks ~$3.5–4 M each',
    [3_000_000, 4_200_000],
  ],
  'vr-nvl144': [
    6_000_000,
    'X',
    'estimate: Vera Rubin NVL72 racks are not yet priced publicly; analysts expect well above GB300',
    [4_500_000, 8_000_000],
  ],
  'kyber-nvl576': [
    15_000_000,
    'X',
    'estimate: Kyber (Rubin Ultra) racks are not priced publicly; ~4× the GPU packages of a Vera Rubin rack',
    [10_000_000, 25_000_000],
  ],
};

const IT_ITEMS: readonly CostItem[] = RACK_PROFILE_IDS.map((p) => {
  const [usd, grade, basis, range] = IT_RACK[p];
  return {
    id: `it-rack-${p}` as const,
    label: `IT rack: ${p}`,
    unit: 'rack',
    group: 'it' as const,
    includes:
      'per rack of this profile: servers, GPUs, in-rack switches and power shelves; not the network spine, storage or software. Shown apart from facility capex',
    usd: sourced(usd, grade, basis, { range, estimate: true }),
  };
});

/** Every cost item, facility first (in the cost table's order), then IT racks per profile. */
export const COST_ITEMS: readonly CostItem[] = [...FACILITY_ITEMS, ...IT_ITEMS];
export const COST_ITEM_IDS: readonly CostItemId[] = COST_ITEMS.map((c) => c.id);
export const COST_BY_ID: Readonly<Record<CostItemId, CostItem>> = Object.fromEntries(
  COST_ITEMS.map((c) => [c.id, c]),
) as Record<CostItemId, CostItem>;

/** The hall cost item of a cooling type. */
export const hallCostId = (type: CoolingTypeId): FacilityCostItemId => `hall-mw-${type}`;
/** The IT cost item of a rack profile. */
export const itRackCostId = (profile: RackProfileId): ItCostItemId => `it-rack-${profile}`;
export const isCostItemId = (id: string): id is CostItemId => id in COST_BY_ID;
export const isItCostItem = (id: CostItemId): id is ItCostItemId => id.startsWith('it-rack-');

/** The hall items, by cooling type, in catalog order. */
export const HALL_COST_IDS: readonly FacilityCostItemId[] = COOLING_TYPE_IDS.map(hallCostId);

/**
 * USD per unit of an item: the layout's override when it has one, else the catalog default.
 * Overrides for ids the catalog does not know are ignored (the cost table reports them).
 */
export function unitCostUsd(costs: Readonly<Record<string, number>>, id: CostItemId): number {
  const o = costs[id];
  return typeof o === 'number' && Number.isFinite(o) ? o : COST_BY_ID[id].usd.value;
}
