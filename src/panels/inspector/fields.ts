import type { z } from 'zod';
import {
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  coolingZoneSchema,
  fiberTrenchSchema,
  hallSchema,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  rackRowSchema,
  REDUNDANCY_LEVELS,
  settingsSchema,
  substationSchema,
  TIER_IDS,
  TIERS,
  type Collection,
  type Layout,
  type RackRow,
} from '../../domain';
import { layoutSchema } from '../../domain/format/schema';
import { siteAnchorSchema } from '../../domain/geo/anchor';
import type { UnitSystem } from '../../domain/units';
import { formatField, type FieldUnit } from './units';

/**
 * The inspector's field registry (react-planner's habit: the catalog says what each kind's
 * properties are and the inspector builds itself from it). Each field names the property, its
 * label and unit, and the zod schema of that property from the kind's own schema, which both
 * validates what is typed and supplies the message shown under the field. A unit test checks that
 * every property of every kind's schema has a field here.
 */

interface FieldCommon {
  /**
   * Fields with the same id mean the same thing on every kind that has them, so a mixed selection
   * can edit them together ("rotation"; a row's x is in its hall's frame, so it is "row.x").
   */
  readonly id: string;
  /** The property of the element (or of the settings, or the layout). */
  readonly key: string;
  readonly label: string;
  /** Explains the field (tooltip). */
  readonly hint?: string;
  /** Takes the whole width of the field grid. */
  readonly wide?: boolean;
}

export interface NumberField extends FieldCommon {
  readonly type: 'number';
  readonly unit: FieldUnit;
  readonly schema: z.ZodType;
  /** An empty field stores null (the default); the placeholder says what the default is. */
  readonly nullable?: {
    readonly placeholder: (element: Record<string, unknown>, system: UnitSystem) => string;
  };
}

export interface TextField extends FieldCommon {
  readonly type: 'text';
  readonly schema: z.ZodType;
}

export interface EnumField extends FieldCommon {
  readonly type: 'enum';
  readonly schema: z.ZodType;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** Shown, not edited (ids; a row's hall). */
export interface ReadOnlyField extends FieldCommon {
  readonly type: 'readonly';
  /** How the stored value reads (a row's hall id as the hall's name). */
  readonly display?: (value: unknown, doc: Layout) => string;
  /** Shown in the inspector's header rather than as a field (the id). */
  readonly inHeader?: boolean;
}

/** A polyline's vertices, each coordinate an exact length field validated by `coordSchema`. */
export interface PointsField extends FieldCommon {
  readonly type: 'points';
  readonly coordSchema: z.ZodType;
}

/**
 * An optional object of angle fields (the layout's site on the Earth): null until its required
 * parts are all typed; emptying a required part clears it.
 */
export interface AnchorField extends FieldCommon {
  readonly type: 'anchor';
  readonly parts: readonly {
    readonly key: string;
    readonly label: string;
    readonly hint?: string;
    readonly schema: z.ZodType;
    /** Filled in when the object is created without it. */
    readonly fallback?: number;
  }[];
}

export type FieldDef =
  NumberField | TextField | EnumField | ReadOnlyField | PointsField | AnchorField;

const options = <T extends string>(ids: readonly T[], label: (id: T) => string) =>
  ids.map((value) => ({ value, label: label(value) }));

type Shape = Record<string, z.ZodType>;

/** The fields every placed rectangle (hall, cooling zone, substation) has, from its schema. */
function rectFields(shape: Shape, what: string): FieldDef[] {
  return [
    { id: 'name', key: 'name', label: 'Name', type: 'text', schema: shape.name!, wide: true },
    {
      id: 'x',
      key: 'x',
      label: 'Centre X',
      type: 'number',
      unit: 'length',
      schema: shape.x!,
      hint: `Centre of the ${what}, campus frame (x to the right)`,
    },
    {
      id: 'y',
      key: 'y',
      label: 'Centre Y',
      type: 'number',
      unit: 'length',
      schema: shape.y!,
      hint: `Centre of the ${what}, campus frame (y downward)`,
    },
    {
      id: 'width',
      key: 'width',
      label: 'Width',
      type: 'number',
      unit: 'length',
      schema: shape.width!,
      hint: `Along the ${what}'s own x axis`,
    },
    {
      id: 'depth',
      key: 'depth',
      label: 'Depth',
      type: 'number',
      unit: 'length',
      schema: shape.depth!,
      hint: `Along the ${what}'s own y axis`,
    },
    {
      id: 'rotation',
      key: 'rotation',
      label: 'Rotation',
      type: 'number',
      unit: 'angle',
      schema: shape.rotation!,
      hint: 'Degrees clockwise about the centre',
    },
  ];
}

const idField: FieldDef = { id: 'id', key: 'id', label: 'Id', type: 'readonly', inHeader: true };

const hallShape = hallSchema.shape;
const rowShape = rackRowSchema.shape;
const zoneShape = coolingZoneSchema.shape;
const subShape = substationSchema.shape;
const trenchShape = fiberTrenchSchema.shape;
const settingsShape = settingsSchema.shape;

const profileDefault = (e: Record<string, unknown>) =>
  RACK_PROFILES[(e as unknown as RackRow).profile] ?? RACK_PROFILES['gb300-nvl72'];

/** Every kind's fields, in the order the inspector shows them. */
export const KIND_FIELDS: { readonly [C in Collection]: readonly FieldDef[] } = {
  halls: [
    ...rectFields(hallShape, 'hall'),
    {
      id: 'floorRatingKpa',
      key: 'floorRatingKpa',
      label: 'Floor rating',
      type: 'number',
      unit: 'pressure',
      schema: hallShape.floorRatingKpa,
      hint: 'Rated floor or slab load; each rack’s point load must stay within it',
    },
    {
      id: 'rowPowerMw',
      key: 'rowPowerMw',
      label: 'Row power',
      type: 'number',
      unit: 'mw',
      schema: hallShape.rowPowerMw,
      hint: 'The most power one row of this hall is built to deliver',
    },
    idField,
  ],
  rackRows: [
    {
      id: 'hallId',
      key: 'hallId',
      label: 'Hall',
      type: 'readonly',
      wide: true,
      display: (value, doc) => {
        const hall = doc.halls.find((h) => h.id === value);
        return hall ? `${hall.name || hall.id} (${hall.id})` : String(value);
      },
    },
    {
      id: 'row.x',
      key: 'x',
      label: 'X in hall',
      type: 'number',
      unit: 'length',
      schema: rowShape.x,
      hint: "Row centre from the hall's left wall, in the hall's frame",
    },
    {
      id: 'row.y',
      key: 'y',
      label: 'Y in hall',
      type: 'number',
      unit: 'length',
      schema: rowShape.y,
      hint: "Row centre from the hall's top wall, in the hall's frame",
    },
    {
      id: 'rotation',
      key: 'rotation',
      label: 'Rotation',
      type: 'number',
      unit: 'angle',
      schema: rowShape.rotation,
      hint: 'Degrees clockwise, relative to the hall',
    },
    {
      id: 'rackCount',
      key: 'rackCount',
      label: 'Racks',
      type: 'number',
      unit: 'count',
      schema: rowShape.rackCount,
    },
    {
      id: 'profile',
      key: 'profile',
      label: 'Rack profile',
      type: 'enum',
      schema: rowShape.profile,
      options: options(RACK_PROFILE_IDS, (id) => RACK_PROFILES[id].label),
      wide: true,
    },
    {
      id: 'kwPerRack',
      key: 'kwPerRack',
      label: 'kW per rack',
      type: 'number',
      unit: 'kw',
      schema: rowShape.kwPerRack,
      nullable: { placeholder: (e) => `${profileDefault(e).kwPerRack.value} (profile)` },
      hint: "Empty: the profile's default",
    },
    {
      id: 'massKg',
      key: 'massKg',
      label: 'Mass per rack',
      type: 'number',
      unit: 'mass',
      schema: rowShape.massKg,
      nullable: {
        placeholder: (e, system) =>
          `${formatField(profileDefault(e).massKg.value, 'mass', system)} (profile)`,
      },
      hint: "Empty: the profile's default",
    },
    idField,
  ],
  coolingZones: [
    ...rectFields(zoneShape, 'zone'),
    {
      id: 'type',
      key: 'type',
      label: 'Cooling type',
      type: 'enum',
      schema: zoneShape.type,
      options: options(COOLING_TYPE_IDS, (id) => COOLING_TYPES[id].label),
    },
    {
      id: 'capacityMw',
      key: 'capacityMw',
      label: 'Capacity',
      type: 'number',
      unit: 'mw',
      schema: zoneShape.capacityMw,
      hint: "Heat the zone's plant can reject",
    },
    idField,
  ],
  substations: [
    ...rectFields(subShape, 'substation'),
    {
      id: 'capacityMva',
      key: 'capacityMva',
      label: 'Capacity',
      type: 'number',
      unit: 'mva',
      schema: subShape.capacityMva,
      hint: 'Installed transformer capacity',
    },
    {
      id: 'voltageKv',
      key: 'voltageKv',
      label: 'Voltage',
      type: 'number',
      unit: 'kv',
      schema: subShape.voltageKv,
      hint: 'Grid connection voltage',
    },
    idField,
  ],
  fiberTrenches: [
    { id: 'name', key: 'name', label: 'Name', type: 'text', schema: trenchShape.name, wide: true },
    {
      id: 'fiberCount',
      key: 'fiberCount',
      label: 'Fibers',
      type: 'number',
      unit: 'count',
      schema: trenchShape.fiberCount,
      hint: 'Strands carried along the whole trench',
    },
    idField,
    {
      id: 'points',
      key: 'points',
      label: 'Vertices',
      type: 'points',
      coordSchema: trenchShape.points.element.def.items[0],
      wide: true,
    },
  ],
};

/** The layout's own fields: its name and settings (the Layout section, shown with no selection). */
export const LAYOUT_NAME_FIELD: TextField = {
  id: 'layout.name',
  key: 'name',
  label: 'Layout name',
  type: 'text',
  schema: layoutSchema.shape.name,
  wide: true,
};

export const SETTINGS_FIELDS: readonly FieldDef[] = [
  {
    id: 'settings.targetTier',
    key: 'targetTier',
    label: 'Target tier',
    type: 'enum',
    schema: settingsShape.targetTier,
    options: options(TIER_IDS, (id) => TIERS[id].label),
    wide: true,
  },
  {
    id: 'settings.redundancy',
    key: 'redundancy',
    label: 'Redundancy',
    type: 'enum',
    schema: settingsShape.redundancy,
    options: options(REDUNDANCY_LEVELS, (id) => id),
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

/** Fields that every kind in `collections` has (by id), in the first kind's order. */
export function commonFields(collections: readonly Collection[]): readonly FieldDef[] {
  const [first, ...rest] = collections;
  if (!first) return [];
  if (rest.length === 0) return KIND_FIELDS[first];
  return KIND_FIELDS[first].filter(
    (f) =>
      f.type !== 'readonly' &&
      f.type !== 'points' &&
      f.type !== 'anchor' &&
      rest.every((c) => KIND_FIELDS[c].some((g) => g.id === f.id)),
  );
}
