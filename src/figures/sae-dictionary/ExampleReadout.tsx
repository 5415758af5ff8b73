/**
 * One input of the planted data read two ways: the planted features that made it (with their strengths) and
 * the latents the trained SAE turns on for it (with their activations and the planted direction each
 * latent's decoder direction is closest to). Bars share one scale per side; numbers are written beside them.
 */
import { fixed2, type DictionaryView } from './view-model.ts';

export const readoutBox = { width: 640, height: 150 };
const shownRows = 6;
const row = { top: 40, height: 16, barHeight: 10 };
const side = { left: { x: 4, labelWidth: 96, barWidth: 150 }, right: { x: 330, labelWidth: 150, barWidth: 110 } };

interface Bar {
  key: number;
  label: string;
  value: number;
}

function Bars({ bars, x, labelWidth, barWidth, scale, kind }: { bars: Bar[]; x: number; labelWidth: number; barWidth: number; scale: number; kind: 'planted' | 'latent' }) {
  const hidden = bars.length - shownRows;
  return (
    <g class={`sd-bars sd-bars--${kind}`}>
      {bars.slice(0, shownRows).map((bar, i) => {
        const y = row.top + i * row.height;
        const width = Math.max(1, (bar.value / scale) * barWidth);
        return (
          <g key={bar.key}>
            <text x={x} y={y + row.barHeight / 2} dy="0.35em">
              {bar.label}
            </text>
            <rect class={`sd-bar sd-bar--${kind}`} x={x + labelWidth} y={y} width={width.toFixed(1)} height={row.barHeight} />
            <text x={x + labelWidth + width + 4} y={y + row.barHeight / 2} dy="0.35em" class="sd-subtitle">
              {fixed2(bar.value)}
            </text>
          </g>
        );
      })}
      {hidden > 0 ? (
        <text x={x} y={row.top + shownRows * row.height + 8} class="sd-subtitle">
          and {hidden} more
        </text>
      ) : null}
    </g>
  );
}

export function ExampleReadout({ view }: { view: DictionaryView }) {
  const planted: Bar[] = view.result.example.features.map((f) => ({ key: f.feature, label: `planted ${f.feature + 1}`, value: f.coefficient }));
  const latents: Bar[] = view.exampleLatents.map((l) => ({ key: l.latent, label: `latent ${l.latent + 1} ≈ ${l.closest + 1} (${fixed2(l.cosine)})`, value: l.activation }));
  const latentScale = Math.max(1e-6, ...latents.map((l) => l.value));
  return (
    <svg
      class="sd-readout"
      viewBox={`0 0 ${readoutBox.width} ${readoutBox.height}`}
      role="img"
      aria-label={`One example input: ${planted.length} planted features are on; the SAE turns on ${latents.length} latents.`}
    >
      <text x={side.left.x} y={14} class="sd-title">
        One input: planted features
      </text>
      <text x={side.left.x} y={29} class="sd-subtitle">
        strength of each planted feature (0 to 1)
      </text>
      <text x={side.right.x} y={14} class="sd-title">
        The SAE's active latents
      </text>
      <text x={side.right.x} y={29} class="sd-subtitle">
        activation; ≈ closest planted direction (cosine)
      </text>
      <Bars bars={planted} kind="planted" scale={1} {...side.left} />
      {latents.length > 0 ? (
        <Bars bars={latents} kind="latent" scale={latentScale} {...side.right} />
      ) : (
        <text x={side.right.x} y={row.top + 8} class="sd-subtitle">
          no latent is active for this input
        </text>
      )}
    </svg>
  );
}
