import { useId, useMemo, useState } from 'react';
import { useSettled } from '../../panels/useSettled';
import {
  COOLING_TYPE_IDS,
  COOLING_TYPES,
  PLANT_TYPE_IDS,
  PLANT_TYPES,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  REDUNDANCY_LEVELS,
  TIER_IDS,
  TIERS,
  type CoolingTypeId,
  type PlantTypeId,
  type RackProfileId,
  type Redundancy,
  type TierId,
} from '../../domain/catalog';
import { defaultParcel } from '../../domain/kinds';
import {
  DEFAULT_HALL,
  generateCampus,
  MAX_GENERATED_PHASES,
  type GenerateOptions,
  type GenerateResult,
} from '../../domain/generate';
import { formatCount, formatMw, formatNumber } from '../../domain/units';
import { applyGeneratedCampus } from '../../editor/generated';
import { useEditor } from '../../editor/EditorProvider';
import { ModalDialog } from '../../panels/ModalDialog';
import { confirmDiscard } from './documentFiles';
import './generate.css';

/** The setback a generated campus keeps unless the user or the open layout says otherwise, m. */
const DEFAULT_SETBACK_M = 30;

interface Fields {
  mw: string;
  max: boolean;
  tier: TierId;
  profile: RackProfileId | '';
  redundancy: Redundancy | '';
  cooling: CoolingTypeId | '';
  plant: PlantTypeId;
  setback: string;
  phases: string;
  hallW: string;
  hallD: string;
}

type Parsed =
  { ok: true; options: GenerateOptions } | { ok: false; field: keyof Fields; message: string };

function parseFields(f: Fields): Parsed {
  const num = (field: keyof Fields, text: string, lo: number, hi: number, whole = false) => {
    const v = Number(text.trim());
    if (
      text.trim() === '' ||
      !Number.isFinite(v) ||
      v < lo ||
      v > hi ||
      (whole && !Number.isInteger(v))
    ) {
      return {
        ok: false as const,
        field,
        message: `must be ${whole ? 'a whole number' : 'a number'} from ${formatNumber(lo)} to ${formatCount(hi)}`,
      };
    }
    return { ok: true as const, v };
  };
  const mw = f.max ? null : num('mw', f.mw, 0.001, 100_000);
  if (mw && !mw.ok) return mw;
  const setback = num('setback', f.setback, 0, 10_000);
  if (!setback.ok) return setback;
  const phases = num('phases', f.phases, 1, MAX_GENERATED_PHASES, true);
  if (!phases.ok) return phases;
  const hallW = f.hallW.trim() === '' ? null : num('hallW', f.hallW, 10, 1000);
  if (hallW && !hallW.ok) return hallW;
  const hallD = f.hallD.trim() === '' ? null : num('hallD', f.hallD, 10, 1000);
  if (hallD && !hallD.ok) return hallD;
  return {
    ok: true,
    options: {
      tier: f.tier,
      targetMw: mw ? mw.v : 'max',
      setbackM: setback.v,
      phases: phases.v,
      plant: f.plant,
      ...(f.profile ? { profile: f.profile } : {}),
      ...(f.redundancy ? { redundancy: f.redundancy } : {}),
      ...(f.cooling ? { cooling: f.cooling } : {}),
      ...(hallW ? { hallWidthM: hallW.v } : {}),
      ...(hallD ? { hallDepthM: hallD.v } : {}),
    },
  };
}

function Preview({ result }: { result: GenerateResult | null }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <p className="generate-refusal" role="status" data-testid="generate-refusal">
        {result.reason}
      </p>
    );
  }
  const t = result.report.totals;
  const fails = result.report.checks.filter((c) => c.status === 'fail').length;
  const warns = result.report.checks.filter((c) => c.status === 'warn').length;
  const rows: [string, string, string, number][] = [
    ['itMw', 'IT', formatMw(t.itMw), t.itMw],
    ['facilityMw', 'Facility', formatMw(t.facilityMw), t.facilityMw],
    ['racks', 'Racks', formatCount(t.racks), t.racks],
    ['halls', 'Halls', formatCount(result.summary.halls), result.summary.halls],
    ['gpus', 'GPUs', formatCount(t.gpus), t.gpus],
    ['phases', 'Phases', formatCount(result.summary.phases), result.summary.phases],
    ['itMwPerAcre', 'IT per acre', `${formatNumber(t.itMwPerAcre)} MW`, t.itMwPerAcre],
    ['waterM3PerYear', 'Water per year', `${formatCount(t.waterM3PerYear)} m³`, t.waterM3PerYear],
  ];
  return (
    <div className="generate-preview" role="status" data-testid="generate-preview">
      <dl>
        {rows.map(([key, label, text, value]) => (
          <div key={key} data-testid={`generate-${key}`} data-value={value}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Checks: {fails} fail, {warns} warn, {result.report.checks.length - fails - warns} pass.
      </p>
    </div>
  );
}

/**
 * File > New > "Generate campus…" (and "Generate into this parcel…"): the generator's inputs with a
 * live preview of the result's totals. Generate puts the campus in place of the open layout as one
 * undo step; on a new parcel it first asks when the open layout has unsaved changes. Loaded on
 * first use (React.lazy): the generator is not in the initial JavaScript.
 */
export default function GenerateDialog({ into, close }: { into: boolean; close: () => void }) {
  const editor = useEditor();
  const id = useId();
  const open = editor.document.getState().doc;
  const parcel = into ? open.parcel : defaultParcel();
  const [fields, setFields] = useState<Fields>(() => ({
    mw: '300',
    max: false,
    tier: into ? open.settings.targetTier : 'rubin',
    profile: '',
    redundancy: '',
    cooling: '',
    plant: 'dry-cooler',
    setback: String(
      into && open.settings.setbackM > 0 ? open.settings.setbackM : DEFAULT_SETBACK_M,
    ),
    phases: '1',
    hallW: '',
    hallD: '',
  }));
  const parsed = parseFields(fields);
  // The preview follows the fields once typing pauses (generating takes a while on a big parcel).
  const key = JSON.stringify(parsed);
  const settledKey = useSettled(key);
  // Recomputed when the settled fields change, that is in the render where they caught up with
  // the typed ones (key === settledKey), so `parsed` is theirs.
  const result = useMemo(
    () => (parsed.ok && settledKey === key ? generateCampus(parcel, parsed.options) : null),
    // The parcel is fixed while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settledKey],
  );
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const error = (key: keyof Fields) =>
    !parsed.ok && parsed.field === key ? (
      <span className="site-error" id={`${id}-${key}-error`} role="alert">
        {parsed.message}
      </span>
    ) : null;
  const invalid = (key: keyof Fields) =>
    !parsed.ok && parsed.field === key
      ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` }
      : {};
  const ready = parsed.ok && result?.ok === true && settledKey === key;

  const generate = async () => {
    if (!parsed.ok) return;
    const r = generateCampus(parcel, parsed.options);
    if (!r.ok) return;
    close();
    const layout = into
      ? { ...r.layout, name: open.name, settings: { ...open.settings, ...r.layout.settings } }
      : r.layout;
    if (!into && !(await confirmDiscard(editor, 'generate a new campus'))) return;
    applyGeneratedCampus(editor, layout, into ? 'Generate into this parcel' : 'Generate campus');
  };

  const tier = TIERS[fields.tier];
  const hall = DEFAULT_HALL[fields.tier];
  return (
    <ModalDialog
      title={into ? 'Generate into this parcel' : 'Generate campus'}
      testId="generate-dialog"
      wide
      onClose={close}
      footer={
        <>
          <button type="button" className="file-button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="file-button is-primary"
            disabled={!ready}
            data-testid="generate-submit"
          >
            {into ? 'Generate into this parcel' : 'Generate'}
          </button>
        </>
      }
    >
      <p>
        {into
          ? 'Lays out a complete campus on the open layout’s parcel, in place of what is drawn on it (one undo step).'
          : 'Lays out a complete campus on a new 1,000 × 800 m parcel, in place of the open layout (one undo step).'}{' '}
        Halls with rows, cooling, substations, feeders, backup, cooling plant and fiber, in phases
        of equal MW, passing every check of the tier.
      </p>
      <div className="generate-body">
        <form
          id={`${id}-form`}
          className="site-form generate-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void generate();
          }}
        >
          <label className="site-field">
            <span className="site-label">Target IT</span>
            <input
              name="mw"
              inputMode="decimal"
              autoComplete="off"
              value={fields.mw}
              disabled={fields.max}
              autoFocus
              {...invalid('mw')}
              onChange={(e) => set('mw', e.currentTarget.value)}
            />
            <span className="site-unit">MW</span>
            {error('mw')}
          </label>
          <label className="generate-check">
            <input
              type="checkbox"
              name="max"
              checked={fields.max}
              onChange={(e) => set('max', e.currentTarget.checked)}
            />
            As much as fits
          </label>
          <label className="site-field">
            <span className="site-label">Tier</span>
            <select
              name="tier"
              value={fields.tier}
              onChange={(e) => set('tier', e.currentTarget.value as TierId)}
            >
              {TIER_IDS.map((t) => (
                <option key={t} value={t}>
                  {TIERS[t].label}
                </option>
              ))}
            </select>
            <span />
          </label>
          <label className="site-field">
            <span className="site-label">Rack profile</span>
            <select
              name="profile"
              value={fields.profile}
              onChange={(e) => set('profile', e.currentTarget.value as RackProfileId | '')}
            >
              <option value="">Tier flagship ({RACK_PROFILES[tier.flagshipProfile].label})</option>
              {RACK_PROFILE_IDS.map((p) => (
                <option key={p} value={p}>
                  {RACK_PROFILES[p].label}
                </option>
              ))}
            </select>
            <span />
          </label>
          <label className="site-field">
            <span className="site-label">Redundancy</span>
            <select
              name="redundancy"
              value={fields.redundancy}
              onChange={(e) => set('redundancy', e.currentTarget.value as Redundancy | '')}
            >
              <option value="">Tier recommendation ({tier.recommendedRedundancy.value})</option>
              {REDUNDANCY_LEVELS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <span />
          </label>
          <label className="site-field">
            <span className="site-label">Cooling</span>
            <select
              name="cooling"
              value={fields.cooling}
              onChange={(e) => set('cooling', e.currentTarget.value as CoolingTypeId | '')}
            >
              <option value="">The rack’s own</option>
              {COOLING_TYPE_IDS.map((c) => (
                <option key={c} value={c}>
                  {COOLING_TYPES[c].label}
                </option>
              ))}
            </select>
            <span />
          </label>
          <label className="site-field">
            <span className="site-label">Cooling plant</span>
            <select
              name="plant"
              value={fields.plant}
              onChange={(e) => set('plant', e.currentTarget.value as PlantTypeId)}
            >
              {PLANT_TYPE_IDS.map((p) => (
                <option key={p} value={p}>
                  {PLANT_TYPES[p].label}
                </option>
              ))}
            </select>
            <span />
          </label>
          <label className="site-field">
            <span className="site-label">Setback</span>
            <input
              name="setback"
              inputMode="decimal"
              autoComplete="off"
              value={fields.setback}
              {...invalid('setback')}
              onChange={(e) => set('setback', e.currentTarget.value)}
            />
            <span className="site-unit">m</span>
            {error('setback')}
          </label>
          <label className="site-field">
            <span className="site-label">Phases</span>
            <input
              name="phases"
              inputMode="numeric"
              autoComplete="off"
              value={fields.phases}
              {...invalid('phases')}
              onChange={(e) => set('phases', e.currentTarget.value)}
            />
            <span />
            {error('phases')}
          </label>
          <label className="site-field">
            <span className="site-label">Hall width</span>
            <input
              name="hallW"
              inputMode="decimal"
              autoComplete="off"
              placeholder={String(hall.widthM)}
              value={fields.hallW}
              {...invalid('hallW')}
              onChange={(e) => set('hallW', e.currentTarget.value)}
            />
            <span className="site-unit">m</span>
            {error('hallW')}
          </label>
          <label className="site-field">
            <span className="site-label">Hall depth</span>
            <input
              name="hallD"
              inputMode="decimal"
              autoComplete="off"
              placeholder={String(hall.depthM)}
              value={fields.hallD}
              {...invalid('hallD')}
              onChange={(e) => set('hallD', e.currentTarget.value)}
            />
            <span className="site-unit">m</span>
            {error('hallD')}
          </label>
        </form>
        <Preview result={parsed.ok ? result : null} />
      </div>
    </ModalDialog>
  );
}
