/** One trained model (ReLU or linear): a line saying what is drawn, then arrows, heat map and bars. */
import type { ComponentChildren } from 'preact';
import { FeatureBars } from './FeatureBars.tsx';
import { FeaturePlane, panelBox } from './FeaturePlane.tsx';
import { fixed2 } from '../shared/format.ts';
import { HeatMap, heatExtent } from '../shared/HeatMap.tsx';
import { modelName, type ModelView } from './view-model.ts';

const gramGrid = { x: 42, y: 50, size: 170 };

/** WᵀW: cell (i, j) is W_i · W_j — on the diagonal ‖W_i‖², off it the overlap of two features' directions. */
export function GramHeatmap({ view }: { view: ModelView }) {
  const extent = fixed2(heatExtent(view.gram));
  return (
    <HeatMap
      values={view.gram}
      title="Overlaps WᵀW"
      subtitle="row i, column j: Wᵢ · Wⱼ"
      label={`Heat map of WᵀW, ${view.n} by ${view.n}: how much each feature's direction overlaps every other; values from −${extent} (blue) to ${extent} (orange).`}
      box={panelBox}
      grid={gramGrid}
    />
  );
}

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
