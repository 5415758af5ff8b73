/** The model's output for the selected patch: the unpatched run's top answers and the patched run's, as bars. */
import type { Answer } from '../../lab/atlas/patching.ts';
import { fixed2 } from '../shared/format.ts';
import { answerBars } from './view-model.ts';

const box = { width: 320, height: 196 };
const barStart = 96;
const barMax = 170;
const rowHeight = 20;

function Run({ title, answers, top, expected }: { title: string; answers: readonly Answer[]; top: number; expected: number }) {
  return (
    <g>
      <text x={4} y={top} class="fig-subtitle">
        {title}
      </text>
      {answerBars(answers, barMax, rowHeight, top + 10).map((bar, i) => (
        <g key={i} class={answers[i]!.entity === expected ? 'ap-bar is-clean' : 'ap-bar'}>
          <text x={barStart - 6} y={bar.y + 11} text-anchor="end">
            {answers[i]!.entity === expected ? `✓ ${bar.label}` : bar.label}
          </text>
          <rect x={barStart} y={bar.y} width={bar.length.toFixed(2)} height={14} />
          <text x={barStart + bar.length + 4} y={bar.y + 11}>
            {fixed2(bar.probability)}
          </text>
        </g>
      ))}
    </g>
  );
}

export function OutputBars({ base, patched, baseTitle, patchedTitle, cleanAnswer, label }: { base: readonly Answer[]; patched: readonly Answer[]; baseTitle: string; patchedTitle: string; cleanAnswer: number; label: string }) {
  return (
    <svg class="ap-output" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label}>
      <Run title={baseTitle} answers={base} top={16} expected={cleanAnswer} />
      <Run title={patchedTitle} answers={patched} top={110} expected={cleanAnswer} />
    </svg>
  );
}
