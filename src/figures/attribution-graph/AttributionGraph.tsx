/**
 * Island of "An attribution graph of a toy model": the build-time graph of the chosen prompt, pruned at the
 * threshold and drawn with the shared LayeredGraph (pointing at or focusing a node highlights every path through
 * it), the replacement's fidelity and the output identity, and the state swap in the real network beside it.
 */
import { useEffect } from 'preact/hooks';
import type { FigureIslandProps } from '../contract.ts';
import { ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { LayeredGraph } from '../shared/LayeredGraph.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import '../shared/figure.css';
import './style.css';
import { answerText, promptText, swapText } from './describe.ts';
import figure from './figure.ts';
import { SwapBars } from './SwapBars.tsx';
import { graphDrawing, graphLayers, pruneGraph, selectGraph, swapReadout } from './view-model.ts';

export const graphBox = { width: 580, height: 380, radius: 21, left: 48 };

export default function AttributionGraph({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const values = state.values;
  const graph = selectGraph(data, values);
  const pruned = pruneGraph(graph, values.threshold);
  const drawing = graphDrawing(pruned, values.state);
  const readout = swapReadout(data, values);
  const [message, announce] = useAnnouncer();
  const summary = `${promptText(graph)}: ${drawing.nodes.length} nodes, ${pruned.edges.length} edges shown. ${swapText(readout)}`;
  useEffect(() => {
    if (state.source === 'reader') announce(summary);
  }, [summary, state.source, announce]);
  return (
    <div class="fig ag" data-hydrated={state.hydrated ? 'true' : 'false'}>
      <div class="fig__stage">
        <p class="ag__prompt" data-testid="ag-prompt">Prompt: {promptText(graph)}.</p>
        <div class="ag__graph">
          <LayeredGraph layers={graphLayers} nodes={drawing.nodes} edges={drawing.edges} box={graphBox} explorable
            label={`Attribution graph for ${promptText(graph)}; point at or focus a node to highlight its paths`} />
        </div>
        <p class="fig__legend">
          Solid edges push the target up, dashed edges push it down; width shows size. ◆ marks the layer-1 “state = {values.state}” feature the intervention suppresses.
          Point at a node, or Tab to it, to highlight every path through it. {pruned.hiddenEdges} of {graph.edges.length} edges are hidden below the threshold.
        </p>
        <p class="ag__readout" data-testid="ag-readout">
          {answerText(graph)} Replacement fidelity over all questions: {Math.round(data.fidelity * 100)}%.
        </p>
        <p class="fig-title ag__heading">Intervention in the real network: state {values.state} → state {values.swapTo}</p>
        <SwapBars readout={readout} />
        <p class="ag__readout" data-testid="ag-swap">{swapText(readout)}</p>
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <ParamControls anchor={anchor} decls={params} values={values} disabled={!state.hydrated} onChange={(name, value) => state.set(name, value as never)} label={`Controls of ${figure.title}`} />
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={values} atDefaults={state.atDefaults} />
    </div>
  );
}
