import { useState } from 'react';
import { TIERS } from '../../../domain/catalog';
import { generateCampus, whatFits, type WhatFitsRow } from '../../../domain/generate';
import type { Parcel } from '../../../domain/kinds';
import { formatCount, formatMw, formatNumber, formatUsd } from '../../../domain/units';
import { applyGeneratedCampus } from '../../../editor/generated';
import { useDocument, useEditor } from '../../../editor/EditorProvider';

const DEFAULT_SETBACK_M = 30;

/**
 * "What fits here?": for the open parcel and a setback, the largest campus the generator lays out
 * for each tier (its IT, racks, halls, GPUs, IT per acre and water), with a button that generates
 * that campus in place of the open layout (one undo step). Computed on request: all five tiers
 * take about a second.
 */
export function WhatFits() {
  const editor = useEditor();
  const parcel = useDocument((s) => s.doc.parcel);
  const docSetback = useDocument((s) => s.doc.settings.setbackM);
  const [setbackText, setSetbackText] = useState(
    String(docSetback > 0 ? docSetback : DEFAULT_SETBACK_M),
  );
  const [table, setTable] = useState<{
    parcel: Parcel;
    setbackM: number;
    rows: WhatFitsRow[];
  } | null>(null);
  const setbackM = Number(setbackText);
  const setbackOk =
    setbackText.trim() !== '' && Number.isFinite(setbackM) && setbackM >= 0 && setbackM <= 10_000;
  const stale = table !== null && (table.parcel !== parcel || table.setbackM !== setbackM);

  return (
    <section className="what-fits" aria-labelledby="what-fits-title" data-testid="what-fits">
      <h3 id="what-fits-title">What fits on this parcel?</h3>
      <p className="muted">
        The largest campus of each tier the generator lays out on the open layout’s parcel: halls,
        substations, backup, cooling plant and fiber, every check passing. Denser racks put more IT
        on the same land — and more of that land goes to substations, generators and heat rejection.
      </p>
      <div className="lesson-controls">
        <label className="field">
          <span>Setback</span>
          <input
            inputMode="decimal"
            value={setbackText}
            aria-invalid={!setbackOk}
            data-testid="what-fits-setback"
            onChange={(e) => setSetbackText(e.currentTarget.value)}
          />
          <span>m</span>
        </label>
        <button
          type="button"
          className="secondary-button"
          disabled={!setbackOk}
          data-testid="what-fits-compute"
          onClick={() => setTable({ parcel, setbackM, rows: whatFits(parcel, { setbackM }) })}
        >
          {table ? 'Recompute' : 'Compute what fits'}
        </button>
        {!setbackOk && (
          <span className="field-error" role="alert">
            The setback must be a number of metres from 0 to 10,000.
          </span>
        )}
        {stale && <span className="field-hint">The parcel or setback changed: recompute.</span>}
      </div>
      {table && (
        <div className="table-scroll">
          <table className="compare-table" data-testid="what-fits-table">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">IT</th>
                <th scope="col">Racks</th>
                <th scope="col">Halls</th>
                <th scope="col">GPUs</th>
                <th scope="col">IT per acre</th>
                <th scope="col">Water per year</th>
                <th scope="col">Capex (estimate)</th>
                <th scope="col">Campus</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.tier} data-testid={`what-fits-${r.tier}`} data-value={r.itMw}>
                  <th scope="row">{TIERS[r.tier].label}</th>
                  {r.reason ? (
                    <td colSpan={7} className="muted">
                      {r.reason}
                    </td>
                  ) : (
                    <>
                      <td>{formatMw(r.itMw)}</td>
                      <td>{formatCount(r.racks)}</td>
                      <td>{formatCount(r.halls)}</td>
                      <td>{formatCount(r.gpus)}</td>
                      <td>{formatNumber(r.itMwPerAcre)} MW</td>
                      <td>{formatCount(r.waterM3PerYear)} m³</td>
                      <td data-testid={`what-fits-capex-${r.tier}`}>{formatUsd(r.capexUsd)}</td>
                    </>
                  )}
                  <td>
                    <button
                      type="button"
                      className="secondary-button"
                      disabled={r.reason !== null}
                      data-testid={`what-fits-generate-${r.tier}`}
                      title="Replaces what is drawn on the parcel with this campus (Ctrl+Z undoes it)"
                      onClick={() => {
                        const g = generateCampus(table.parcel, r.options);
                        if (!g.ok) return;
                        const name = editor.document.getState().doc.name;
                        applyGeneratedCampus(
                          editor,
                          { ...g.layout, name },
                          `Generate ${TIERS[r.tier].label} campus`,
                        );
                      }}
                    >
                      Generate
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
