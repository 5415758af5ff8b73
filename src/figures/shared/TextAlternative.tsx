/**
 * The figure's text alternative: a sentence and a small data table, in a <details> that prints open.
 * It is always the figure's own `describe` applied to what is on screen: the current parameter values and
 * the data the drawing shows (`shown`: the build-time data, or the result of a run the reader trained,
 * e.g. `useLabRun().shown`), so it can never describe something other than the drawing.
 */
import { useMemo } from 'preact/hooks';
import type { ParamDecls, ParamValues } from '../../lib/url-state.ts';
import type { FigureDefinition } from '../contract.ts';

export interface TextAlternativeProps<P extends ParamDecls, D> {
  figure: FigureDefinition<P, D>;
  values: ParamValues<P>;
  /** The data the drawing shows, in the shape of `figure.data` (default: the build-time data). */
  shown?: D;
  /** True when the drawing shows the figure at its defaults (the build-time result, default settings). */
  atDefaults: boolean;
}

export function TextAlternative<P extends ParamDecls, D>({ figure, values, shown = figure.data, atDefaults }: TextAlternativeProps<P, D>) {
  const { summary, table } = useMemo(() => figure.describe(values, shown), [figure, values, shown]);
  return (
    <details class="fig__alt">
      <summary>Text description and data table</summary>
      <p>
        {atDefaults ? 'This describes the figure at its default settings. ' : 'This describes the figure at the settings now shown. '}
        {summary}
      </p>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th scope="row" key={c}>
                    {cell}
                  </th>
                ) : (
                  <td key={c} class={/^[−+-]?\d/.test(cell) ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
