/**
 * Island of "Parameters vs activations". Renders the same SVG on the server (at the defaults) and in the
 * browser; after hydration it applies the state in the URL and keeps the URL in step with the controls.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { snapToStep } from '../../lib/url-state.ts';
import type { FigureIslandProps } from '../contract.ts';
import { ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import '../shared/figure.css';
import './style.css';
import { Contributions } from './Contributions.tsx';
import figure from './figure.ts';
import { Network } from './Network.tsx';
import { Plane, pointerToInput } from './Plane.tsx';
import { fixed2 } from '../shared/format.ts';
import { pvaView, type PvaView } from './view-model.ts';

function announcement(view: PvaView): string {
  const answer = `Input (${fixed2(view.input[0])}, ${fixed2(view.input[1])}): the network answers “${view.classes[view.predicted]}” with probability ${fixed2(view.probability)}.`;
  return view.pinned ? `${answer} Pinned ${view.pinned.name}: activation ${fixed2(view.pinned.a)}.` : answer;
}

export default function ParametersVsActivations({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const view = useMemo(() => pvaView(state.values, data), [state.values, data]);
  const [message, announce] = useAnnouncer();

  useEffect(() => {
    if (state.source === 'reader') announce(announcement(view));
  }, [view, state.source, announce]);

  const onPointer = (event: PointerEvent) => {
    if (event.type === 'pointermove' && (event.buttons & 1) === 0) return;
    const svg = event.currentTarget as SVGSVGElement;
    if (event.type === 'pointerdown') svg.setPointerCapture(event.pointerId);
    event.preventDefault();
    const { min, step } = params.input;
    state.set('input', pointerToInput(event, svg).map((v) => snapToStep(v, min, step)));
  };

  return (
    <div class="fig pva" data-hydrated={state.hydrated ? 'true' : 'false'}>
      <div class="fig__stage pva__panels">
        <div class="pva__plane">
          <Plane view={view} weights={data.weights} {...(state.hydrated ? { onPointer } : {})} />
        </div>
        <div class="pva__network">
          <Network view={view} weights={data.weights} {...(state.hydrated ? { onPin: (id: string) => state.set('pin', id) } : {})} />
        </div>
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <div class="pva__contributions">
        <Contributions view={view} />
      </div>
      <p class="fig__legend">
        <span class="fig-key fig-key--pos" aria-hidden="true" /> positive <span class="fig-key fig-key--neg fig-key--dashed" aria-hidden="true" /> negative
        (dashed lines). Lines are the {view.parameterCount} parameters: they never change. Circles are activations: they change with
        every input.
      </p>
      <ParamControls anchor={anchor} decls={params} values={state.values} disabled={!state.hydrated} onChange={state.set} label={`Controls of ${figure.title}`} />
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={state.values} atDefaults={state.atDefaults} />
    </div>
  );
}
