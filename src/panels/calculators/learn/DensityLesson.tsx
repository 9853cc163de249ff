import { useMemo, useState } from 'react';
import { COOLING_COLOURS } from '../../../canvas/palette';
import { GENERATOR, PLANT_TYPES, RACK_PROFILES, TIERS, type Sourced } from '../../../domain';
import {
  compareTiers,
  lessonById,
  lessonHref,
  LESSON_DEFAULTS,
  TRADITIONAL_FACILITY,
  type DensityBreak,
  type TierComparison,
} from '../../../domain/lessons';
import { formatNumber, formatQuantity, M2_PER_ACRE } from '../../../domain/units';
import { GALLONS_PER_M3 } from '../../../domain/report/campus';
import { GradeBadge } from '../ExplainBody';
import { localizeFigures, showText } from '../localize';
import { DensityChart } from './DensityChart';
import { IT_MW_MAX, IT_MW_MIN, parseItMw } from './itMw';
import { useSession } from '../../../editor/EditorProvider';

const BREAK_NAME: Readonly<Record<DensityBreak['what'], string>> = {
  floor: 'Floor',
  cooling: 'Cooling',
  'row-power': 'Row power',
};

function shortTier(c: TierComparison): string {
  return TIERS[c.tier].label.replace(/\s*\(.*$/, '');
}

/** The graded figures the comparison rests on (the footnote). */
function footnoteSources(
  rows: readonly TierComparison[],
): { label: string; s: Sourced<unknown>; unit: string }[] {
  const list: { label: string; s: Sourced<unknown>; unit: string }[] = [
    { label: 'Traditional floor (TIA-942 Rated 3)', s: TRADITIONAL_FACILITY.floorKpa, unit: 'kPa' },
    { label: 'Air cooling limit, full containment', s: TRADITIONAL_FACILITY.airMaxKw, unit: 'kW' },
    { label: 'Air in most existing rooms', s: TRADITIONAL_FACILITY.airTypicalKw, unit: 'kW' },
    { label: 'Traditional row power', s: TRADITIONAL_FACILITY.rowMw, unit: 'MW' },
  ];
  for (const c of rows) {
    const p = RACK_PROFILES[c.profile];
    list.push(
      { label: `${p.label}: power`, s: p.kwPerRack, unit: 'kW' },
      { label: `${p.label}: mass`, s: p.massKg, unit: 'kg' },
    );
  }
  const d = LESSON_DEFAULTS;
  list.push(
    { label: 'Racks per liquid-cooled row', s: d.rowRacksLiquid, unit: '' },
    { label: 'Racks per air-cooled row', s: d.rowRacksAir, unit: '' },
    { label: 'White space per liquid rack', s: d.whiteSpaceFt2Liquid, unit: 'ft²' },
    { label: 'White space per air rack', s: d.whiteSpaceFt2Air, unit: 'ft²' },
    { label: 'White space of one hall', s: d.hallWhiteSpaceM2, unit: 'm²' },
    { label: 'Fibers per rack (front end, management)', s: d.fibersPerRackBase, unit: '' },
    { label: 'Scale-out fibers per GPU', s: d.fibersPerGpu, unit: '' },
    { label: 'Genset unit', s: GENERATOR.unitMw, unit: 'MW' },
    { label: 'Dry-cooler unit', s: PLANT_TYPES['dry-cooler'].unitMw, unit: 'MW' },
    { label: 'Dry coolers: water', s: PLANT_TYPES['dry-cooler'].wueLPerKwh, unit: 'L/kWh' },
    { label: 'Cooling towers: water', s: PLANT_TYPES['chiller-tower'].wueLPerKwh, unit: 'L/kWh' },
    { label: 'Ground per MW of heat-rejection plant', s: d.plantM2PerMw, unit: 'm²' },
    { label: 'Ground per MW of gensets', s: d.gensetM2PerMw, unit: 'm²' },
    { label: 'Utilization (energy and water)', s: d.utilization, unit: '' },
  );
  return list;
}

function sourceValue(s: Sourced<unknown>, unit: string): string {
  const v = s.value;
  const text = typeof v === 'number' ? formatNumber(v) : String(v);
  const range = s.range ? ` (${formatNumber(s.range[0])}–${formatNumber(s.range[1])})` : '';
  return `${text}${unit ? ` ${unit}` : ''}${range}`;
}

/** "Why can't a traditional data center host Blackwell racks?", answered with the figures. */
function WhyNotBlackwell({ rows }: { rows: readonly TierComparison[] }) {
  const units = useSession((s) => s.units);
  const b = rows.find((r) => r.tier === 'blackwell');
  if (!b) return null;
  return (
    <div className="why-box" data-testid="why-blackwell">
      <h3>Why can’t a traditional data center host Blackwell racks?</h3>
      <p>
        A {b.profileLabel} rack draws {formatNumber(b.kwPerRack.value)} kW and weighs{' '}
        {formatQuantity(b.rackMassKg.value, 'mass', units).text}. Against a traditional facility it
        breaks {b.breaks.length} things at once:
      </p>
      <ul className="why-list">
        {b.breaks.map((x) => (
          <li key={x.what}>
            <span className="why-what">{BREAK_NAME[x.what]}</span>
            <span className="why-msg">{showText(x.message, units)}</span>
            <span className="why-grades" title="Confidence of the figure and of the limit">
              <GradeBadge grade={x.figure.grade} estimate={x.figure.estimate} />
              <span className="vs">vs</span>
              <GradeBadge grade={x.limit.grade} estimate={x.limit.estimate} />
            </span>
          </li>
        ))}
      </ul>
      <p className="why-note">
        {b.cooling.note.charAt(0).toUpperCase() + b.cooling.note.slice(1)}. Grades: the figure’s,
        then the limit’s.
      </p>
    </div>
  );
}

/** Lesson (a): one IT load, five tiers' racks, side by side. */
export function DensityLesson() {
  const units = useSession((s) => s.units);
  const [text, setText] = useState('100');
  const [itMw, setItMw] = useState(100);
  const parsed = parseItMw(text);
  const error = typeof parsed === 'string' ? parsed : null;
  const rows = useMemo(() => compareTiers(itMw), [itMw]);
  const sources = useMemo(() => footnoteSources(rows), [rows]);
  return (
    <div className="density-lesson" data-testid="density-lesson">
      <WhyNotBlackwell rows={rows} />
      <div className="lesson-controls">
        <label className="field">
          <span>IT load</span>
          <input
            type="number"
            inputMode="decimal"
            min={IT_MW_MIN}
            max={IT_MW_MAX}
            step="any"
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? 'itmw-error' : undefined}
            data-testid="lesson-itmw"
            onChange={(e) => {
              setText(e.target.value);
              const v = parseItMw(e.target.value);
              if (typeof v === 'number') setItMw(v);
            }}
          />
          <span>MW</span>
        </label>
        {error ? (
          <span id="itmw-error" className="field-error" role="alert">
            {error} Showing {formatNumber(itMw)} MW.
          </span>
        ) : (
          <span className="field-hint">
            built from each tier’s flagship rack at its default power
          </span>
        )}
      </div>
      <DensityChart rows={rows} units={units} itMw={itMw} />
      <div className="table-scroll">
        <table className="compare-table" data-testid="density-table">
          <thead>
            <tr>
              <th scope="col">{formatNumber(itMw)} MW of IT</th>
              {rows.map((c) => (
                <th key={c.tier} scope="col">
                  {shortTier(c)}
                  <span className="th-sub">{c.profileLabel}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Rack</th>
              {rows.map((c) => (
                <td key={c.tier}>
                  {formatNumber(c.kwPerRack.value)} kW ·{' '}
                  {formatQuantity(c.rackMassKg.value, 'mass', units).text}
                  {c.rackMassKg.estimate && <span className="est"> (est.)</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Cooling it forces</th>
              {rows.map((c) => (
                <td key={c.tier} title={c.cooling.note}>
                  {COOLING_COLOURS[c.cooling.type].label}
                  <span className="td-sub">
                    {c.cooling.air === 'works'
                      ? 'air works'
                      : c.cooling.air === 'containment'
                        ? 'air only with containment'
                        : 'air cannot'}
                  </span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Facility load</th>
              {rows.map((c) => (
                <td key={c.tier}>
                  {formatNumber(c.facilityMw.value)} MW
                  <span className="td-sub">PUE {formatNumber(c.pue.value, 2)}</span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">GPUs</th>
              {rows.map((c) => (
                <td key={c.tier}>{formatNumber(c.gpus.value, 0)}</td>
              ))}
            </tr>
            <tr className="breaks-row">
              <th scope="row">What a traditional hall cannot carry</th>
              {rows.map((c) => (
                <td key={c.tier} data-testid={`breaks-${c.tier}`}>
                  {c.breaks.length === 0 ? (
                    <span className="ok">✓ nothing breaks</span>
                  ) : (
                    <ul>
                      {c.breaks.map((x) => (
                        <li key={x.what}>
                          <strong>{BREAK_NAME[x.what]}:</strong> {showText(x.message, units)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <PlantChapterTable rows={rows} itMw={itMw} />
      <section className="footnote" aria-labelledby="density-sources">
        <h3 id="density-sources">Sources and confidence</h3>
        <p>
          Computed figures (racks, white space, floor load, row MW, strands) are grade D, arithmetic
          on the figures below, or an estimate when one of those is. Grades: A standard or vendor
          document · B press or several sources · C a single source · X no public figure (estimate).
        </p>
        <ol className="sources-list">
          {sources.map(({ label, s, unit }, i) => (
            <li key={i}>
              <GradeBadge grade={s.grade} estimate={s.estimate} />
              <span className="src-label">{label}</span>
              <span className="src-value">{localizeFigures(sourceValue(s, unit), units)}</span>
              <span className="src-basis">{localizeFigures(s.basis, units)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** m³ a year as "1.26 M m³" / "41,000 US gal" in the reader's units. */
function waterText(m3: number, units: 'metric' | 'imperial'): string {
  if (m3 === 0) return 'none';
  return units === 'imperial'
    ? `${formatNumber((m3 * GALLONS_PER_M3) / 1e6, 0)} M US gal`
    : `${formatNumber(m3 / 1e6, 2)} M m³`;
}

/**
 * The plant chapter: the same load outside the halls — backup, heat rejection, water and the
 * ground it all takes — with a link to the water lesson's tower campus.
 */
function PlantChapterTable({ rows, itMw }: { rows: readonly TierComparison[]; itMw: number }) {
  const units = useSession((s) => s.units);
  const water = lessonById('water');
  const acres = (v: number) => `${formatQuantity(v * M2_PER_ACRE, 'landArea', units).text} per MW`;
  const area = (m2: number) => formatQuantity(m2, 'area', units, { decimals: 0 }).text;
  return (
    <section className="plant-chapter" aria-labelledby="plant-chapter" data-testid="plant-chapter">
      <h3 id="plant-chapter">Outside the halls: backup, heat rejection, water and land</h3>
      <p>
        The halls are the smaller part of an AI campus. The same {formatNumber(itMw)} MW needs
        gensets for the facility load, a plant that rejects every IT megawatt as heat, and the
        ground for both; the denser the racks, the more of the land the plant takes.
      </p>
      <div className="table-scroll">
        <table className="compare-table" data-testid="plant-table">
          <thead>
            <tr>
              <th scope="col">Outside the halls</th>
              {rows.map((c) => (
                <th key={c.tier} scope="col">
                  {shortTier(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Backup (N+1)</th>
              {rows.map((c) => (
                <td key={c.tier} title={c.plant.gensets.basis}>
                  {formatNumber(c.plant.gensets.value, 0)} gensets
                  <span className="td-sub">{formatNumber(c.plant.backupMw.value)} MW</span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Heat rejection (N+1)</th>
              {rows.map((c) => (
                <td key={c.tier} title={c.plant.dryCoolers.basis}>
                  {formatNumber(c.plant.dryCoolers.value, 0)} dry coolers
                  <span className="td-sub">{formatNumber(c.plant.heatMw.value)} MW of heat</span>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Water a year: towers · dry coolers</th>
              {rows.map((c) => (
                <td key={c.tier} title={c.plant.towerWaterM3PerYear.basis}>
                  {waterText(c.plant.towerWaterM3PerYear.value, units)} ·{' '}
                  {waterText(c.plant.dryWaterM3PerYear.value, units)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Ground: white space + plant + yards</th>
              {rows.map((c) => (
                <td key={c.tier} title={c.plant.acresPerItMw.basis} data-testid={`land-${c.tier}`}>
                  {acres(c.plant.acresPerItMw.value)}
                  <span className="td-sub">
                    {area(
                      c.plant.whiteSpaceM2.value + c.plant.plantM2.value + c.plant.yardM2.value,
                    )}
                    , {formatNumber(c.plant.plantShare.value * 100, 0)}% plant and yards
                  </span>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {water && (
        <p className="lesson-link">
          See it on a campus: <a href={lessonHref(water)}>{water.title}</a> opens 302 MW of Rubin on
          cooling towers, and its water figure beside the dry-cooler campus’s none.
        </p>
      )}
    </section>
  );
}
