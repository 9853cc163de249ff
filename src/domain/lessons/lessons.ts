import type { TierId } from '../catalog';
import type { CheckId } from '../report/types';

/*
 * The list of lessons alone, without the lessons' calculations (densityComparison, whatIf): the
 * checklist and the URL route need only this, and the Learn view that needs the rest loads on demand.
 */

export const LESSON_IDS = [
  'density',
  'what-if',
  'floor',
  'cooling',
  'power',
  'fiber',
  'latency',
  'land',
  'water',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface Lesson {
  readonly id: LessonId;
  readonly title: string;
  /** The sample layout (seeds/<seed>.json) the lesson opens on. */
  readonly seed: string;
  /** One or two sentences: what the learner should see. */
  readonly summary: string;
  /** A tier to re-target to, for lessons that compare tiers (the what-if view). */
  readonly compareTier?: TierId;
  /** The checks the lesson points at (the checklist highlights them). */
  readonly checks: readonly CheckId[];
}

/**
 * The teaching views, linked as `/?seed=<seed>&lesson=<id>` (lessonHref). Seed ids are those of
 * seeds/index.ts; a test keeps them in step.
 */
export const LESSONS: readonly Lesson[] = [
  {
    id: 'density',
    title: 'How density drives infrastructure',
    seed: 'traditional-20mw',
    summary:
      'The same IT megawatts built from each tier’s flagship rack: 12,500 air racks at 8 kW or 834 NVL72 racks at 120 kW for 100 MW, and what that does to floors, cooling, rows, white space and fiber.',
    checks: ['floor-load', 'cooling-density', 'row-power', 'tier-density'],
  },
  {
    id: 'what-if',
    title: 'What if this campus had to host Blackwell?',
    seed: 'traditional-20mw',
    summary:
      'Re-target a campus that passes the Traditional tier to Blackwell and watch the floor, cooling, row power, fiber and cluster checks flip to failing.',
    compareTier: 'blackwell',
    checks: ['tier-floor', 'tier-cooling', 'tier-row-power', 'fiber-density', 'latency-domain'],
  },
  {
    id: 'floor',
    title: 'Why a 1.36 t rack needs a new floor',
    seed: 'blackwell-200mw',
    summary:
      'A rack’s point load is mass × 9.807 / footprint: a 1.36 t NVL72 on 600 × 1200 mm loads 18.5 kPa, above a 12 kPa Rated-3 raised floor; a 1.8 t Rubin rack loads 24.5 kPa.',
    compareTier: 'rubin',
    checks: ['floor-load', 'tier-floor'],
  },
  {
    id: 'cooling',
    title: 'Air, rear doors, liquid',
    seed: 'blackwell-200mw',
    summary:
      'Air removes 10–20 kW per rack in most rooms and ~40 kW with full containment; 120–140 kW NVL72 racks need direct-to-chip liquid, which also lowers the PUE and so the facility MW.',
    checks: ['cooling-density', 'cooling-capacity', 'cooling-coverage', 'tier-cooling'],
  },
  {
    id: 'power',
    title: 'From IT megawatts to substations',
    seed: 'blackwell-200mw',
    summary:
      'Facility MW = IT MW × PUE must fit the usable substation capacity after redundancy (N+1 loses the largest unit, 2N half) and the power factor.',
    compareTier: 'rubin',
    checks: ['power-capacity', 'tier-redundancy', 'row-power', 'tier-row-power'],
  },
  {
    id: 'fiber',
    title: 'Route miles and strand miles',
    seed: 'blackwell-200mw',
    summary:
      'A trench counts once in route miles but once per fiber in strand miles: 1 km of 3,456-fiber cable is 0.62 route miles and 2,147 strand miles.',
    checks: ['fiber-density', 'fiber-connectivity'],
  },
  {
    id: 'latency',
    title: 'Latency domains and training clusters',
    seed: 'rubin-300mw',
    summary:
      'Halls join one training cluster only while every pair is within optical reach (2 km for 400G FR4, about 10 µs one-way); the largest domain must hold the tier’s cluster of GPUs.',
    checks: ['latency-domain', 'fiber-connectivity'],
  },
  {
    id: 'land',
    title: 'Land per megawatt',
    seed: 'illustrative-750mw',
    summary:
      'Single-storey AI campuses take roughly 0.5–1.2 acres per IT MW once halls, cooling yards, substations and setbacks are on the parcel.',
    checks: ['geometry', 'setback', 'overlap'],
  },
  {
    id: 'water',
    title: 'Heat rejection and water',
    seed: 'rubin-300mw-towers',
    summary:
      'Every IT megawatt becomes heat the plant must reject. Evaporative towers do it with water: about 1.8 L per IT kWh, so this 302 MW campus drinks about 3.8 million m³ (1 billion US gallons) a year; the same campus on dry coolers (rubin-300mw) uses none and pays in land and fan energy instead.',
    checks: ['heat-rejection', 'backup-power', 'hall-feed'],
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The app link that opens a lesson on its seed: `/?seed=traditional-20mw&lesson=density`. */
export function lessonHref(lesson: Pick<Lesson, 'id' | 'seed'>): string {
  return `/?seed=${encodeURIComponent(lesson.seed)}&lesson=${encodeURIComponent(lesson.id)}`;
}
