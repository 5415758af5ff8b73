/**
 * Island of "The sparsity–fidelity frontier". Draws the lab's build-time sweep; the reader's run is the SAE on
 * screen in the dictionary figure on the same page (the build-time default run until the reader trains one).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { experimentDefaults } from '../../lab/sae-experiment.ts';
import type { FigureIslandProps } from '../contract.ts';
import { subscribeReaderRun, type ReaderRun } from '../sae-dictionary/reader-run.ts';
import { ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import '../shared/figure.css';
import './style.css';
import { runText } from './describe.ts';
import figure from './figure.ts';
import { FrontierPlot, Marker } from './FrontierPlot.tsx';

function LegendMark({ kind }: { kind: 'l1' | 'topk' | 'reader' }) {
  return (
    <svg class="sf-key" viewBox="-8 -8 16 16" aria-hidden="true">
      <Marker kind={kind} x={0} y={0} />
    </svg>
  );
}
import { defaultRun, offSweepNote, shownSweeps } from './view-model.ts';

export default function SaeFrontier({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const initial = useMemo(() => defaultRun(data, experimentDefaults.l1Coefficient, experimentDefaults.featureProbability), [data]);
  const [run, setRun] = useState<ReaderRun>(initial);
  const [message, announce] = useAnnouncer();

  useEffect(() => subscribeReaderRun(setRun), []);
  useEffect(() => {
    if (run.trainedInBrowser) announce(`Frontier: ${runText(run)}`);
  }, [run, announce]);

  const sweeps = shownSweeps(data, state.values);
  const note = offSweepNote(run, data, experimentDefaults.featureProbability);
  const shown = useMemo(() => ({ ...data, run }), [data, run]);
  const deadMax = Math.max(data.width, run.deadLatents);

  return (
    <div class="fig sf" data-hydrated={state.hydrated ? 'true' : 'false'} data-reader-run={run.trainedInBrowser ? 'browser' : 'default'}>
      <div class="fig__stage">
        <FrontierPlot sweeps={sweeps} run={run} trueL0={data.trueL0} logError={state.values.logError} deadMax={deadMax} />
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <p class="sf__legend">
        <LegendMark kind="l1" /> L1 sweep, labelled with λ (solid line) <LegendMark kind="topk" /> TopK sweep, labelled with k (dashed line) <LegendMark kind="reader" /> your run from the
        dictionary figure; dotted line: planted features per input. Variance unexplained: lower is a better copy. MMCS: 0.5 or less is drawn at the bottom.
      </p>
      <p class="sf__run" data-testid="frontier-run">
        {runText(run)} {note ?? ''}
      </p>
      <ParamControls anchor={anchor} decls={params} values={state.values} disabled={!state.hydrated} onChange={(name, value) => state.set(name, value as never)} label={`Controls of ${figure.title}`} />
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={state.values} shown={shown} atDefaults={state.atDefaults && !run.trainedInBrowser} />
    </div>
  );
}
