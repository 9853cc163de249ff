import { memo, useMemo, useState } from 'react';
import {
  defaultAisles,
  defaultRowRacks,
  KINDS,
  MAX_ELEMENTS,
  RACK_PROFILE_IDS,
  RACK_PROFILES,
  rowRectInHall,
  TIERS,
  type Hall,
  type RackProfileId,
  type RackRow,
} from '../../domain';
import { fillHallFormSchema, planHallRows, type FillHallPlan } from '../../domain/ops/fillHall';
import { formatCount, formatExact, type UnitSystem } from '../../domain/units';
import { listIndex } from '../../state/selectors';
import { freshIds } from './edit';
import { DraftInput, SelectInput } from './FieldInputs';
import { formatField, unitSymbol } from './units';
import { validateNumber } from './validate';
import { useDocument, useEditor, useRowsOfHall } from '../../editor/EditorProvider';
import type { DocumentStore } from '../../state/documentStore';

const FORM = fillHallFormSchema.shape;

const LIMIT_TEXT = {
  'row-power': 'row power',
  'rack-cap': 'rack cap',
  'hall-width': 'hall width',
} as const;

/** The profile a hall is filled with by default: its rows' profile, else the target tier's rack. */
function defaultProfile(rows: readonly RackRow[], tierProfile: RackProfileId): RackProfileId {
  return rows[0]?.profile ?? tierProfile;
}

/** Apply a plan as one undo step: new rows with fresh ids (after removing the hall's rows). */
export function applyFill(
  document: DocumentStore,
  hall: Hall,
  plan: FillHallPlan,
  replace: boolean,
): void {
  const store = document.getState();
  const ids = freshIds(store.doc, KINDS.rackRows.idPrefix, plan.rows.length);
  const before = store.doc.rackRows;
  const kept = replace ? before.filter((r) => r.hallId !== hall.id) : before;
  const added: RackRow[] = plan.rows.map((p, i) => ({ id: ids[i]!, hallId: hall.id, ...p }));
  // Built outside the recipe: the 50,000 untouched rows are not walked through immer drafts.
  const next = [...kept, ...added];
  store.apply(
    (d) => {
      d.rackRows = next;
    },
    `Fill ${hall.name || hall.id} with rows`,
  );
}

/**
 * "Fill hall with rows": the planner's options, a live preview of what it would place, and a
 * button that places it as one undo step.
 */
export const FillHallSection = memo(function FillHallSection({
  hallId,
  width,
  depth,
  rowPowerMw,
  whiteSpaceFraction,
  system,
}: Pick<Hall, 'width' | 'depth' | 'rowPowerMw' | 'whiteSpaceFraction'> & {
  hallId: string;
  system: UnitSystem;
}) {
  const editor = useEditor();
  // What the form reads of the document, each on its own: moving the hall (every frame of a
  // drag) changes none of them, and does not render the form again.
  const totalRows = useDocument((s) => s.doc.rackRows.length);
  const rows = useRowsOfHall(hallId);
  const tier = useDocument((s) => s.doc.settings.targetTier);
  const tierProfile = TIERS[tier].flagshipProfile;
  const [profile, setProfile] = useState<RackProfileId>(() => defaultProfile(rows, tierProfile));
  const [kw, setKw] = useState<number>(() => RACK_PROFILES[profile].kwPerRack.value);
  // Aisles default to the profile's (a wider cold aisle for rack-scale liquid racks).
  const [coldM, setColdM] = useState(() => defaultAisles(RACK_PROFILES[profile]).coldAisleM);
  const [hotM, setHotM] = useState(() => defaultAisles(RACK_PROFILES[profile]).hotAisleM);
  const rowCap = defaultRowRacks(RACK_PROFILES[profile]);
  const [cap, setCap] = useState<number | null>(null);
  const [replace, setReplace] = useState(false);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  const validity = (key: string) => (ok: boolean) =>
    setInvalid((prev) => {
      if (ok !== prev.has(key)) return prev;
      const next = new Set(prev);
      if (ok) next.delete(key);
      else next.add(key);
      return next;
    });

  const profileKw = RACK_PROFILES[profile].kwPerRack.value;
  // Only the hall's size, white space and row power matter: moving or renaming it does not re-plan.
  const plan = useMemo(
    () =>
      planHallRows(
        { width, depth, rowPowerMw, whiteSpaceFraction },
        {
          profile,
          tier,
          kwPerRack: kw === profileKw ? null : kw,
          coldAisleM: coldM,
          hotAisleM: hotM,
          rackCountPerRow: cap,
          avoid: replace ? undefined : rows.map(rowRectInHall),
          // A file holds at most MAX_ELEMENTS rows: never plan a fill that could not be saved.
          limit: MAX_ELEMENTS - (totalRows - (replace ? rows.length : 0)),
        },
      ),
    [
      width,
      depth,
      rowPowerMw,
      whiteSpaceFraction,
      tier,
      profile,
      kw,
      profileKw,
      coldM,
      hotM,
      cap,
      replace,
      rows,
      totalRows,
    ],
  );
  const { summary } = plan;
  const ok = invalid.size === 0 && summary.rows > 0;
  const lengthUnit = unitSymbol('length', system);

  return (
    <section className="insp-fill" aria-labelledby="insp-fill-title" data-testid="fill-hall">
      <h3 id="insp-fill-title" className="insp-subtitle">
        Fill hall with rows
      </h3>
      <div className="insp-grid">
        <SelectInput
          label="Profile"
          value={profile}
          options={RACK_PROFILE_IDS.map((id) => ({ value: id, label: RACK_PROFILES[id].label }))}
          onCommit={(v) => {
            const id = v as RackProfileId;
            setProfile(id);
            setKw(RACK_PROFILES[id].kwPerRack.value);
            const aisles = defaultAisles(RACK_PROFILES[id]);
            setColdM(aisles.coldAisleM);
            setHotM(aisles.hotAisleM);
            validity('cold')(true);
            validity('hot')(true);
            validity('kw')(true);
          }}
          wide
          testId="fill-profile"
        />
        <DraftInput
          key={profile}
          label="kW per rack"
          display={formatField(kw, 'kw', system)}
          suffix="kW"
          validate={(t) => validateNumber(t, 'kw', system, FORM.kwPerRack)}
          onCommit={(v) => setKw(v as number)}
          onValidity={validity('kw')}
          live
          numeric
          testId="fill-kw"
        />
        <DraftInput
          label="Max racks per row"
          hint={`Empty: up to ${rowCap} (liquid rack-scale rows: 8, the NVIDIA SU row; air rows: 20), and no more than the hall's row power allows`}
          display={cap === null ? '' : String(cap)}
          placeholder={`Auto (≤ ${rowCap})`}
          validate={(t) => validateNumber(t, 'count', system, FORM.rackCountPerRow, true)}
          onCommit={(v) => setCap(v as number | null)}
          onValidity={validity('cap')}
          live
          numeric
          testId="fill-cap"
        />
        <DraftInput
          key={`cold-${profile}`}
          label="Cold aisle"
          hint="Between the fronts of two rows: 1.2 m (4 ft) for air racks, 1.8 m for rack-scale liquid racks (rolled in whole, serviced from the front)"
          display={formatField(coldM, 'length', system)}
          suffix={lengthUnit}
          validate={(t) => validateNumber(t, 'length', system, FORM.coldAisleM)}
          onCommit={(v) => setColdM(v as number)}
          onValidity={validity('cold')}
          live
          numeric
          testId="fill-cold"
        />
        <DraftInput
          key={`hot-${profile}`}
          label="Hot aisle"
          hint="Between the backs of two rows, contained: 1.2 m (manifolds and bus bar are serviced from the rear)"
          display={formatField(hotM, 'length', system)}
          suffix={lengthUnit}
          validate={(t) => validateNumber(t, 'length', system, FORM.hotAisleM)}
          onCommit={(v) => setHotM(v as number)}
          onValidity={validity('hot')}
          live
          numeric
          testId="fill-hot"
        />
        <label className="insp-check is-wide">
          <input
            type="checkbox"
            checked={replace}
            onChange={(e) => setReplace(e.target.checked)}
            data-testid="fill-replace"
          />
          Replace existing rows
          {rows.length > 0 && <span className="insp-muted"> ({formatCount(rows.length)})</span>}
        </label>
      </div>
      <div
        className={`insp-preview${ok ? '' : ' is-empty'}`}
        data-testid="fill-preview"
        data-rows={summary.rows}
        data-racks={summary.racks}
        aria-live="polite"
      >
        {invalid.size > 0 ? (
          <span>Correct the values above to see what fits.</span>
        ) : (
          <>
            <span className="insp-preview-main">
              Would place {formatCount(summary.rows)} rows, {formatCount(summary.racks)} racks,{' '}
              {formatExact(summary.itMw, 1)} MW
            </span>
            {summary.rows > 0 ? (
              <span className="insp-muted">
                {summary.lines} × {summary.rowsPerLine} rows of {summary.racksPerRow} racks
                {summary.cdusPerRow > 0 &&
                  ` + ${summary.cdusPerRow} in-row CDU${summary.cdusPerRow === 1 ? '' : 's'}`}{' '}
                · limited by {LIMIT_TEXT[summary.limitedBy]} · in the white space (
                {formatField(summary.whiteSpaceDepthM, 'length', system)} {lengthUnit} deep)
                {summary.skipped > 0 && ` · ${summary.skipped} skipped (overlap)`}
              </span>
            ) : (
              summary.problem && (
                <span className="insp-muted">Nothing fits: {summary.problem}.</span>
              )
            )}
          </>
        )}
      </div>
      <button
        type="button"
        className="insp-button"
        disabled={!ok}
        onClick={() => {
          const hall = listIndex(editor.document.getState().doc.halls).get(hallId);
          if (hall) applyFill(editor.document, hall, plan, replace);
        }}
        data-testid="fill-apply"
      >
        Fill hall
      </button>
    </section>
  );
});
