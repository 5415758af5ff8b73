/** The figure's text alternative: a sentence and a small data table, in a <details> that prints open. */
import type { TextAlternative as Alternative } from '../contract.ts';

export function TextAlternative(props: { alternative: Alternative; atDefaults: boolean }) {
  const { summary, table } = props.alternative;
  return (
    <details class="fig__alt">
      <summary>Text description and data table</summary>
      <p>
        {props.atDefaults ? 'This describes the figure at its default settings. ' : 'This describes the figure at the settings now shown. '}
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
