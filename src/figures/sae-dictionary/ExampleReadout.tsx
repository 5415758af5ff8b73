/**
 * One input of the planted data read two ways: the planted features that made it (with their strengths) and
 * the latents the trained SAE turns on for it (with their activations and the planted direction each
 * latent's decoder direction is closest to). HTML lists with a small bar per row, so the text stays readable
 * on a phone; a fixed number of rows keeps the box the same height for every result.
 */
import { fixed2, type DictionaryView } from './view-model.ts';

const shownRows = 6;

interface Row {
  key: number;
  label: string;
  value: number;
}

function BarList({ rows, scale, kind, empty }: { rows: Row[]; scale: number; kind: 'planted' | 'latent'; empty: string }) {
  const hidden = rows.length - shownRows;
  return (
    <ol class={`sd-list sd-list--${kind}`}>
      {rows.length === 0 ? <li class="sd-list__more">{empty}</li> : null}
      {rows.slice(0, shownRows).map((row) => (
        <li key={row.key}>
          <span class="sd-list__label">{row.label}</span>
          <svg class="sd-list__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect class={`sd-bar sd-bar--${kind}`} width={Math.max(1, (row.value / scale) * 100).toFixed(1)} height="10" />
          </svg>
          <span class="sd-list__value">{fixed2(row.value)}</span>
        </li>
      ))}
      {hidden > 0 ? <li class="sd-list__more">and {hidden} more</li> : null}
    </ol>
  );
}

export function ExampleReadout({ view }: { view: DictionaryView }) {
  const planted: Row[] = view.result.example.features.map((f) => ({ key: f.feature, label: `planted ${f.feature + 1}`, value: f.coefficient }));
  const latents: Row[] = view.exampleLatents.map((l) => ({ key: l.latent, label: `latent ${l.latent + 1} ≈ planted ${l.closest + 1} (${fixed2(l.cosine)})`, value: l.activation }));
  return (
    <div class="sd-readout">
      <section aria-label="Planted features of the example input">
        <p class="sd-panel-title">One input: its planted features</p>
        <p class="sd-panel-sub">strength of each (0 to 1)</p>
        <BarList rows={planted} scale={1} kind="planted" empty="none" />
      </section>
      <section aria-label="The SAE's active latents for the example input">
        <p class="sd-panel-title">The SAE's active latents</p>
        <p class="sd-panel-sub">activation; ≈ the planted direction closest to its decoder direction (cosine)</p>
        <BarList rows={latents} scale={Math.max(1e-6, ...latents.map((l) => l.value))} kind="latent" empty="no latent is active for this input" />
      </section>
    </div>
  );
}
