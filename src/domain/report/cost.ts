import { COST_ITEM_IDS, isItCostItem, unitCostUsd, type CostItemId } from '../catalog/cost';

/**
 * Rule 14 (docs/rules.md): capex from quantities. Each cost item's quantity is kept per phase (the
 * phase of the element that carries it), so one pass prices the campus, each phase and each
 * category. Pure arithmetic on plain figures, checkable by hand.
 */

/** Per cost item, its quantity in each phase (the item's unit: acres, IT MW, MVA, m, …). */
export class CostQuantities {
  readonly phaseCount: number;
  private readonly q = new Map<CostItemId, Float64Array>();

  constructor(phaseCount: number) {
    this.phaseCount = Math.max(1, phaseCount);
  }

  /** Add `amount` of `item` in phase `phase` (clamped into the phases). */
  add(item: CostItemId, phase: number, amount: number): void {
    if (!(amount > 0)) return;
    let a = this.q.get(item);
    if (!a) {
      a = new Float64Array(this.phaseCount);
      this.q.set(item, a);
    }
    a[Math.min(Math.max(phase, 0), this.phaseCount - 1)]! += amount;
  }

  /** Quantity of `item` in `phase` (0 when none). */
  get(item: CostItemId, phase: number): number {
    return this.q.get(item)?.[phase] ?? 0;
  }

  /** Items with any quantity, in catalog order. */
  items(): CostItemId[] {
    return COST_ITEM_IDS.filter((id) => this.q.has(id));
  }
}

export interface CapexFigures {
  /** Facility capex (every item but IT racks), USD. */
  readonly capexUsd: number;
  /** IT racks, USD (shown apart). */
  readonly itEquipmentUsd: number;
  /** Cost item id → USD, for every item with a quantity (it-rack-* items sum to itEquipmentUsd). */
  readonly byCategory: Readonly<Record<string, number>>;
  /** Facility capex of each phase, USD. */
  readonly phaseCapexUsd: readonly number[];
  /** IT equipment of each phase, USD. */
  readonly phaseItUsd: readonly number[];
}

/** Price the quantities with the catalog's unit costs, overridden by `costs` (settings.costs). */
export function priceCapex(
  quantities: CostQuantities,
  costs: Readonly<Record<string, number>>,
): CapexFigures {
  const n = quantities.phaseCount;
  const phaseCapexUsd = new Array<number>(n).fill(0);
  const phaseItUsd = new Array<number>(n).fill(0);
  const byCategory: Record<string, number> = {};
  let capexUsd = 0;
  let itEquipmentUsd = 0;
  for (const id of quantities.items()) {
    const unit = unitCostUsd(costs, id);
    const it = isItCostItem(id);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const usd = quantities.get(id, k) * unit;
      sum += usd;
      if (it) phaseItUsd[k]! += usd;
      else phaseCapexUsd[k]! += usd;
    }
    byCategory[id] = sum;
    if (it) itEquipmentUsd += sum;
    else capexUsd += sum;
  }
  return { capexUsd, itEquipmentUsd, byCategory, phaseCapexUsd, phaseItUsd };
}

export interface Economics {
  /** capexUsd ÷ IT MW; null with no IT load. */
  readonly capexPerItMwUsd: number | null;
  /** revenuePerMwYear × IT MW; null when no revenue is set. */
  readonly revenueUsdPerYear: number | null;
  /** capexUsd ÷ (revenue − energy cost); null without revenue or when that is not positive. */
  readonly paybackYears: number | null;
}

/** Rule 14's ratios: capex per IT MW, revenue and simple payback. */
export function economics(
  capexUsd: number,
  itMw: number,
  revenuePerMwYear: number | null,
  energyCostUsdPerYear: number | null,
): Economics {
  const revenueUsdPerYear = revenuePerMwYear === null ? null : revenuePerMwYear * itMw;
  const net = revenueUsdPerYear === null ? null : revenueUsdPerYear - (energyCostUsdPerYear ?? 0);
  return {
    capexPerItMwUsd: itMw > 0 ? capexUsd / itMw : null,
    revenueUsdPerYear,
    paybackYears: net !== null && net > 0 ? capexUsd / net : null,
  };
}
