import * as z from 'zod/mini';
import { defaultSettings, KINDS, MAX_ELEMENTS, name, parcelSchema, settingsSchema } from '../kinds';
import { FORMAT_ID, FORMAT_VERSION, type Layout } from '../model';

const MAX_ELEMENTS_TEXT = MAX_ELEMENTS.toLocaleString('en-US');

/** A collection of one kind: a list of at most MAX_ELEMENTS elements, required in the file. */
function collection<T extends z.core.SomeType>(element: T) {
  return z
    .array(element, { error: 'must be a list' })
    .check(z.maxLength(MAX_ELEMENTS, { error: `must have at most ${MAX_ELEMENTS_TEXT} elements` }));
}

/**
 * The layout file, format version 2 (README "The layout file"), assembled from the kind schemas.
 *
 * - Unknown keys are dropped (zod's default strip): the output objects are built from the schema's
 *   own keys only, so keys such as "__proto__" or "constructor" in a file never reach them.
 * - `settings` may be missing: it then takes the default settings (each setting also has its own
 *   default). The nine collections are required (an empty list is fine): a misspelt "hals" must
 *   not silently load as an empty campus. A version 1 file gets the four new ones from its
 *   migration (migrate.ts).
 * - Checks that span fields (unique ids, rows naming halls, phases named by elements, a simple
 *   parcel) are in parse.ts.
 */
export const layoutSchema = z
  .object(
    {
      format: z.literal(FORMAT_ID, { error: `must be "${FORMAT_ID}"` }),
      version: z.literal(FORMAT_VERSION, { error: `must be ${FORMAT_VERSION}` }),
      name: name(),
      settings: z._default(settingsSchema, defaultSettings),
      parcel: parcelSchema,
      halls: collection(KINDS.halls.schema),
      rackRows: collection(KINDS.rackRows.schema),
      coolingZones: collection(KINDS.coolingZones.schema),
      substations: collection(KINDS.substations.schema),
      fiberTrenches: collection(KINDS.fiberTrenches.schema),
      generatorYards: collection(KINDS.generatorYards.schema),
      batteryYards: collection(KINDS.batteryYards.schema),
      coolingPlants: collection(KINDS.coolingPlants.schema),
      powerFeeders: collection(KINDS.powerFeeders.schema),
    },
    { error: 'must be a layout object' },
  )
  .register(z.globalRegistry, {
    title: 'AI campus layout',
    description: `An AI data-center campus layout, format "${FORMAT_ID}" version ${FORMAT_VERSION}. All lengths in metres.`,
  });

/**
 * layoutSchema with the collections' elements left unchecked. parse.ts validates with this and
 * then each element with its kind's schema (KINDS), which gives the same result as layoutSchema (the tests
 * check) but can stop early on a file with a million bad fields instead of building a million issues.
 */
export const layoutShellSchema = z.extend(layoutSchema, {
  halls: collection(z.unknown()),
  rackRows: collection(z.unknown()),
  coolingZones: collection(z.unknown()),
  substations: collection(z.unknown()),
  fiberTrenches: collection(z.unknown()),
  generatorYards: collection(z.unknown()),
  batteryYards: collection(z.unknown()),
  coolingPlants: collection(z.unknown()),
  powerFeeders: collection(z.unknown()),
});

/** What a file may contain (defaulted fields optional). */
export type LayoutInput = z.input<typeof layoutSchema>;

// Compile-time check that the schema's output is a Layout (model.ts), so the two cannot drift apart.
const _outputIsLayout = (v: z.output<typeof layoutSchema>): Layout => v;
void _outputIsLayout;

/** The top-level keys of a layout file, in the order they are written. */
export const LAYOUT_KEYS: readonly (keyof Layout)[] = Object.freeze(
  Object.keys(layoutSchema.shape) as (keyof Layout)[],
);
