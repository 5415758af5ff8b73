/** One trained model (ReLU or linear): a line saying what is drawn, then arrows, heat map and bars. */
import type { ComponentChildren } from 'preact';
import { FeatureBars } from './FeatureBars.tsx';
import { FeaturePlane } from './FeaturePlane.tsx';
import { GramHeatmap } from './GramHeatmap.tsx';
import { modelName, type ModelView } from './view-model.ts';

/** The three drawings of one view; the caller keeps the element while the view is the same, so Preact skips it. */
export function ModelDrawings({ view }: { view: ModelView }) {
  return (
    <div class="sx-model__panels">
      <FeaturePlane view={view} />
      <GramHeatmap view={view} />
      <FeatureBars view={view} />
    </div>
  );
}

export function ModelPanel({ view, note, drawings }: { view: ModelView; note: string; drawings: ComponentChildren }) {
  return (
    <section class={`sx-model sx-model--${view.nonlinearity}`} aria-label={modelName(view.nonlinearity)} data-model={view.nonlinearity} data-live={view.live ? 'true' : 'false'}>
      <p class="sx-model__head">
        <strong>{modelName(view.nonlinearity)}</strong>
        <span class="sx-model__formula">{view.nonlinearity === 'relu' ? ' x′ = ReLU(WᵀWx + b)' : ' x′ = WᵀWx + b'}</span>
        <span class="sx-model__note"> · {note}</span>
      </p>
      {drawings}
    </section>
  );
}
