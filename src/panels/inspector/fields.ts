import {
  KINDS,
  REDUNDANCY_LEVELS,
  settingsSchema,
  TIER_IDS,
  TIERS,
  fieldOptions,
  type AnyElement,
  type Collection,
  type FieldDef,
  type Settings,
  type TextField,
} from '../../domain';
import type { Layout } from '../../domain';
import { layoutSchema } from '../../domain/format/schema';
import { siteAnchorSchema } from '../../domain/geo/anchor';

export type {
  AnchorField,
  EnumField,
  FieldDef,
  NumberField,
  PointsField,
  ReadOnlyField,
  TextField,
} from '../../domain';

/**
 * The inspector's fields beyond the kinds': the layout's name and its settings. Each kind's own
 * fields are data on its kind (KINDS[c].fields, src/domain/kinds/fieldDefs.ts); the field
 * machinery (inputs, units, validation) is this folder's.
 */

const settingsShape = settingsSchema.shape;

/** The layout's own fields: its name and settings (the Layout section, shown with no selection). */
export const LAYOUT_NAME_FIELD: TextField<Pick<Layout, 'name'>> = {
  id: 'layout.name',
  key: 'name',
  label: 'Layout name',
  type: 'text',
  schema: layoutSchema.shape.name,
  wide: true,
};

export const SETTINGS_FIELDS: readonly FieldDef<Settings>[] = [
  {
    id: 'settings.targetTier',
    key: 'targetTier',
    label: 'Target tier',
    type: 'enum',
    schema: settingsShape.targetTier,
    options: fieldOptions(TIER_IDS, (id) => TIERS[id].label),
    wide: true,
  },
  {
    id: 'settings.redundancy',
    key: 'redundancy',
    label: 'Redundancy',
    type: 'enum',
    schema: settingsShape.redundancy,
    options: fieldOptions(REDUNDANCY_LEVELS, (id) => id),
    hint: 'Substation capacity counted: N all, N+1 all but the largest, 2N half',
  },
  {
    id: 'settings.powerFactor',
    key: 'powerFactor',
    label: 'Power factor',
    type: 'number',
    unit: 'ratio',
    schema: settingsShape.powerFactor,
    hint: 'Usable MW = power factor × MVA after redundancy',
  },
  {
    id: 'settings.pue',
    key: 'pue',
    label: 'PUE override',
    type: 'number',
    unit: 'ratio',
    schema: settingsShape.pue,
    nullable: { placeholder: () => 'Derived' },
    hint: 'Empty: derived from the cooling types of the zones serving the racks',
  },
  {
    id: 'settings.setbackM',
    key: 'setbackM',
    label: 'Setback',
    type: 'number',
    unit: 'length',
    schema: settingsShape.setbackM,
    hint: 'Minimum distance of buildings from the parcel edge; 0 = no check',
  },
  {
    id: 'settings.phases',
    key: 'phases',
    label: 'Phases',
    type: 'readonly',
    wide: true,
    hint: 'Construction phases, in order; elements without a phase are in the first',
    display: (value) =>
      Array.isArray(value)
        ? (value as Settings['phases'])
            .map((p) => `${p.name || p.id}${p.energize ? ` (${p.energize})` : ''}`)
            .join(' → ')
        : '',
  },
  {
    id: 'settings.utilization',
    key: 'utilization',
    label: 'Utilization',
    type: 'number',
    unit: 'ratio',
    schema: settingsShape.utilization,
    hint: 'Mean IT load ÷ IT capacity, for annual energy and water (0–1)',
  },
  {
    id: 'settings.energyPricePerMwh',
    key: 'energyPricePerMwh',
    label: 'Energy price, USD/MWh',
    type: 'number',
    unit: 'ratio',
    schema: settingsShape.energyPricePerMwh,
    nullable: { placeholder: () => 'Not set' },
    hint: 'Empty: no energy cost is shown',
  },
  {
    id: 'settings.revenuePerMwYear',
    key: 'revenuePerMwYear',
    label: 'Revenue, USD/MW-year',
    type: 'number',
    unit: 'ratio',
    schema: settingsShape.revenuePerMwYear,
    nullable: { placeholder: () => 'Not set' },
    hint: 'Per IT MW per year. Empty: no revenue or payback is shown',
  },
  {
    id: 'settings.costs',
    key: 'costs',
    label: 'Cost overrides',
    type: 'readonly',
    hint: "Overrides of the catalog's unit costs, set in the file",
    display: (value) => {
      const n = value && typeof value === 'object' ? Object.keys(value).length : 0;
      return n === 0 ? 'None' : n === 1 ? '1 override' : `${n} overrides`;
    },
  },
  {
    id: 'settings.site',
    key: 'site',
    label: 'Site',
    type: 'anchor',
    wide: true,
    hint: 'Where the campus origin (0, 0) sits on the Earth, for the GeoJSON export',
    parts: [
      {
        key: 'latitude',
        label: 'Latitude',
        hint: 'WGS84 degrees, north positive',
        schema: siteAnchorSchema.shape.latitude,
      },
      {
        key: 'longitude',
        label: 'Longitude',
        hint: 'WGS84 degrees, east positive',
        schema: siteAnchorSchema.shape.longitude,
      },
      {
        key: 'bearingDeg',
        label: 'Bearing',
        hint: 'Compass direction of the campus "up" (−y) axis, clockwise from true north',
        schema: siteAnchorSchema.shape.bearingDeg,
        fallback: 0,
      },
    ],
  },
];

/** A kind's fields, as fields of any element. */
export function fieldsOf(c: Collection): readonly FieldDef<AnyElement>[] {
  return KINDS[c].fields;
}

/** Fields that every kind in `collections` has (by id), in the first kind's order. */
export function commonFields(collections: readonly Collection[]): readonly FieldDef<AnyElement>[] {
  const [first, ...rest] = collections;
  if (!first) return [];
  if (rest.length === 0) return fieldsOf(first);
  return fieldsOf(first).filter(
    (f) =>
      f.type !== 'readonly' &&
      f.type !== 'points' &&
      f.type !== 'anchor' &&
      rest.every((c) => fieldsOf(c).some((g) => g.id === f.id)),
  );
}
