/**
 * The sample layouts in this folder (built by scripts/build-seeds.ts; do not edit the JSON by
 * hand). Plain data: the app imports the JSON files themselves separately. `id` is the file name
 * without `.json`, as used by `/?seed=<id>`.
 */
export interface SeedInfo {
  readonly id: string;
  readonly title: string;
  /** One line: what the layout teaches. */
  readonly lesson: string;
  /** The file name in seeds/. */
  readonly file: string;
}

/** The seed the app opens on. */
export const DEFAULT_SEED_ID = 'blackwell-200mw';

export const SEEDS: readonly SeedInfo[] = [
  {
    id: 'traditional-20mw',
    title: 'Traditional 20 MW enterprise campus',
    lesson:
      '2,000 air-cooled 10 kW racks on 12 kPa floors pass the Traditional tier, but switch the target to Blackwell and the floor, cooling, row power, fiber and cluster checks all fail.',
    file: 'traditional-20mw.json',
  },
  {
    id: 'blackwell-200mw',
    title: 'Blackwell ~200 MW campus (GB300 NVL72)',
    lesson:
      '1,536 liquid-cooled 142 kW racks in 1.14 MW rows need 20 kPa slabs, DLC loops, N+1 substations sized for facility MW (IT × PUE ÷ power factor) and a 3,456-fiber ring that keeps every hall in one 2 km latency domain.',
    file: 'blackwell-200mw.json',
  },
  {
    id: 'rubin-300mw',
    title: 'Rubin ~300 MW campus (Vera Rubin NVL72)',
    lesson:
      '210 kW racks load a 1.8 t rack onto 24.5 kPa and make 2.1 MW rows, so the Rubin tier asks for 25 kPa slabs, 2.5 MW row power, N+1 substations (2N recommended, as here) and 6,912-fiber trenches.',
    file: 'rubin-300mw.json',
  },
  {
    id: 'rubin-300mw-towers',
    title: 'Rubin ~300 MW on cooling towers (the water lesson)',
    lesson:
      'The same 302 MW Rubin campus with chillers and evaporative towers instead of dry coolers: at 0.8 utilization its 2.1 TWh of IT energy a year evaporates about 3.8 million m³ (1 billion US gallons) of water, where dry coolers use none.',
    file: 'rubin-300mw-towers.json',
  },
  {
    id: 'phased-300mw',
    title: 'Phased ~300 MW campus (four horizons with energize dates)',
    lesson:
      'Four ~77 MW horizons of Vera Rubin racks come online from 2026-04 to 2028-04, but the second pair of 200 MVA yards only arrives with Horizon 4: Horizon 3 needs 276 MW with 190 MW usable, so phase-power fails on it — energization follows the grid, not the building.',
    file: 'phased-300mw.json',
  },
  {
    id: 'illustrative-750mw',
    title: 'Illustrative 750 MW campus (not a real site plan)',
    lesson:
      'Modelled on public figures (750 MW gross, 345 kV, ~420 acres, 50 MW-IT phases of GB300): 750 MW gross is ~500 MW of IT at a 1.5 gross-to-IT ratio, and the land works out near 0.84 acre per IT MW.',
    file: 'illustrative-750mw.json',
  },
];
