import { sourced, type Sourced } from './sourced';

/** Network figures the latency calculator adds to the fiber's propagation delay. */
export interface NetworkFigures {
  /** One switch traversal, µs (one-way). */
  readonly switchHopUs: Sourced<number>;
  /** Switches a packet crosses between two halls of one domain (planner default). */
  readonly hopsPerPath: Sourced<number>;
  /** Beyond this fiber distance NVIDIA calls a link "scale-across", metres. */
  readonly scaleAcrossM: Sourced<number>;
}

export const NETWORK: NetworkFigures = {
  switchHopUs: sourced(
    0.3,
    'C',
    'InfiniBand NDR switch port-to-port latency ~130–400 ns (NVIDIA Quantum-2 datasheets and benchmarks); plan 0.3 µs per hop',
    { range: [0.13, 0.4] },
  ),
  hopsPerPath: sourced(
    3,
    'C',
    'planner default: leaf–spine–leaf, the 3 switches between two GPUs of a two-tier rail-optimized fabric (NVIDIA DGX SuperPOD RAs use leaf–spine compute fabrics); a third tier adds 2 more',
    { range: [1, 5], estimate: true },
  ),
  scaleAcrossM: sourced(
    500,
    'B',
    'NVIDIA on scale-across networking: links beyond ~500 m join separate sites ("scale-across"); 400G DR4 optics reach 500 m, FR4 2 km',
  ),
};
