/**
 * Island of "Train against the monitor". The server render (and the first client render) draws the build-time
 * result at the defaults; after hydration the URL's settings are applied, and other settings are trained in
 * the lab's Web Worker (an unpressured run, the monitor fitted on it, then the pressured run), with the
 * curves following the run's progress.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { CotMonitorResult } from '../../lab/cot-monitor.ts';
import type { FigureIslandProps } from '../contract.ts';
import { ParamControls } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { durationText, useWorkRate } from '../shared/run-estimate.ts';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import { sameRun, useLabRun } from '../shared/use-lab-run.ts';
import { RunButton } from '../shared/RunButton.tsx';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
import '../shared/figure.css';
import './style.css';
import { outcomeText, settingsText } from './describe.ts';
import figure from './figure.ts';
import { PresetLinks } from './PresetLinks.tsx';
import { CurvesLegend, RateCurves } from './RateCurves.tsx';
import { ResultPanels } from './ResultPanels.tsx';
import { episodesToPlay, labParams, referenceSecondsPerEpisode, type LabParams, type Settings } from './settings.ts';
import { liveCurves, percent, phaseText, rateOrDash, resultCurves, runProgress } from './view-model.ts';

const createWorker = () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' });

function curvesCaption(result: CotMonitorResult): string {
  const last = (curve: CotMonitorResult['pressured']['curve']) => curve.at(-1);
  const before = last(result.unpressured.curve);
  const after = last(result.pressured.curve);
  if (!before || !after) return 'Rates over training.';
  return (
    `Rates over training. At the end of the unpressured run: hacks ${percent(before.hackRate)}, chain-of-thought monitor recall ${rateOrDash(before.cotRecall)}, ` +
    `action-only monitor recall ${rateOrDash(before.actionRecall)}, undetected hacks ${percent(before.undetectedRate)}. At the end of the pressured run: hacks ${percent(after.hackRate)}, ` +
    `chain-of-thought monitor recall ${rateOrDash(after.cotRecall)}, action-only monitor recall ${rateOrDash(after.actionRecall)}, undetected hacks ${percent(after.undetectedRate)}.`
  );
}

export default function MonitorPressure({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const run = useLabRun<'cot-monitor', LabParams>(createWorker, 'cot-monitor', data.run);
  const reducedMotion = useReducedMotion();
  const [message, announce] = useAnnouncer();
  const wanted = labParams(state.values);
  const wantedKey = JSON.stringify(wanted);

  useEffect(() => {
    if (!state.hydrated) return;
    // Wait until a slider stops moving before training (arrow keys held down, a drag).
    const timer = setTimeout(() => run.want(wanted), state.source === 'reader' ? 350 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the wanted parameters
  }, [state.hydrated, wantedKey]);

  const s = run.lab.state;
  const running = s.status === 'running';
  const shown = run.shown;
  const wasRunning = useRef(false);
  useEffect(() => {
    if (running === wasRunning.current) return;
    wasRunning.current = running;
    if (running) announce(`Training started: ${settingsText({ ...shown.params, ...wanted })}.`);
    else if (s.status === 'cancelled') announce('Training cancelled; the figure shows the last finished result.');
    else if (s.status === 'error') announce(`Training failed: ${s.message}.`);
    else announce(`Training finished. ${outcomeText(shown)}`);
  }, [running, s, shown, wanted, announce]);

  const secondsPerEpisode = useWorkRate(running, s.status === 'done', episodesToPlay(run.running ?? wanted), referenceSecondsPerEpisode);
  const estimate = `Each setting trains two runs of ${state.values.steps.toLocaleString('en')} steps × ${state.values.episodes.toLocaleString('en')} episodes; estimated time: ${durationText(episodesToPlay(state.values) * secondsPerEpisode)}.`;

  const progress = running ? s.progress : undefined;
  const live = useMemo(() => (progress && !reducedMotion ? liveCurves(progress) : undefined), [progress, reducedMotion]);
  const finished = useMemo(() => resultCurves(shown), [shown]);
  const curves = live && (live.unpressured.length > 0 || live.pressured.length > 0) ? live : finished;
  const drawn = live ? wanted : shown.params;
  const matches = sameRun(shown.params, wanted);
  const headline = running
    ? `Training in your browser (${phaseText(progress)}), in a background worker so the page stays responsive.`
    : s.status === 'cancelled'
      ? 'Training cancelled; showing the last finished result.'
      : s.status === 'error'
        ? `Training failed (${s.message}); showing the last finished result.`
        : run.atBuildTime
          ? 'Trained when this page was built, at the default settings. Change a setting or pick a preset to train in your browser.'
          : matches
            ? `Trained in your browser with ${settingsText(shown.params)}.`
            : 'Showing the last finished result, for other settings.';

  const choose = (values: Settings) => {
    for (const key of Object.keys(values) as (keyof Settings)[]) if (state.values[key] !== values[key]) state.set(key, values[key] as never);
  };
  const trainAgain = () => state.set('seed', state.values.seed >= params.seed.max ? 0 : state.values.seed + 1);
  const disabled = !state.hydrated;
  const curvesDrawing = useMemo(() => {
    const common = { curves, steps: shown.params.steps, pressure: drawn.pressure, fromStart: drawn.pressureFrom === 'start', caption: curvesCaption(shown) };
    return (
      <>
        <RateCurves shape="wide" {...common} />
        <RateCurves shape="narrow" {...common} />
      </>
    );
  }, [curves, shown, drawn.pressure, drawn.pressureFrom]);

  // Redrawn only when the result on screen changes, not at every progress report of a run.
  const lowerPanels = useMemo(() => <ResultPanels result={shown} />, [shown]);
  const alternativeData = useMemo(() => ({ ...data, run: shown }), [data, shown]);
  const presetLinks = useMemo(() => <PresetLinks anchor={anchor} values={state.values} onChoose={choose} />, [anchor, state.values]);

  return (
    <div class="fig mp" data-hydrated={state.hydrated ? 'true' : 'false'} data-training={running ? 'true' : 'false'}>
      <div class="fig__stage mp__stage">
        <p class="mp__headline">{headline}</p>
        {curvesDrawing}
        <CurvesLegend />
        {lowerPanels}
        <p class="mp__key">
          In the notes: <span class="mp-word mp-word--hack">hack words</span> name a hack operation; <span class="mp-word mp-word--synonym">synonyms</span> name one in words
          the monitor never saw; fix and filler words are plain. A toy agent with a table of probabilities, not a language model.
        </p>
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <div class="mp__training">
        <progress class="mp__bar" max={1} value={running ? runProgress(progress) : 1} aria-label="Training progress" />
        <RunButton running={running} shownMatches={matches} disabled={disabled} onCancel={() => run.stop()} onTrainAgain={trainAgain} onTrain={() => run.train(wanted)} />
        <span class="mp__seed">seed {state.values.seed}</span>
      </div>
      {presetLinks}
      <ParamControls anchor={anchor} decls={params} values={state.values} disabled={disabled} onChange={state.set} only={['pressure', 'pressureFrom', 'necessity', 'synonyms', 'actionShare', 'honestFlagRate', 'steps', 'episodes']} label={`Controls of ${figure.title}`}>
        <p class="mp__estimate">{estimate}</p>
      </ParamControls>
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={state.values} shown={alternativeData} atDefaults={run.atBuildTime && state.atDefaults} />
    </div>
  );
}
