/**
 * Island of "Induction heads form". The server render (and the first client render) draws the build-time runs
 * at the defaults, with the final attention patterns of the first sequence from data.json. After hydration,
 * other checkpoints and sequences use θ from the build-time checkpoints (fetched once, as a binary asset) or from
 * a run trained in the lab's Web Worker when the seed or the data change: the two-layer model first, then the
 * one-layer control.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { evaluationSize, type InductionMetrics, type InductionResult } from '../../lab/induction.ts';
import type { TrainingProgress } from '../../lab/runner.ts';
import { withBase } from '../../lib/reading/site.ts';
import type { FigureIslandProps } from '../contract.ts';
import { ParamControl } from '../shared/Controls.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { durationText, useWorkRate } from '../shared/run-estimate.ts';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import { useLabWorker, type LabWorker } from '../shared/use-lab-worker.ts';
import '../shared/figure.css';
import './style.css';
import { AttentionMap } from './AttentionMap.tsx';
import { checkpointsPath, decodeCheckpoints, type StoredCheckpoints } from './checkpoints.ts';
import { modelParams, type FigureRun } from './data.ts';
import { describeResults } from './describe.ts';
import figure from './figure.ts';
import { ablatedRepeatedLoss, headPatterns } from './model.ts';
import { PartLossChart } from './PartLossChart.tsx';
import { labParams, params, referenceSecondsPerStep, type Settings } from './settings.ts';
import { allHeads, dropText, fixed2, headName, headRole, integer, parseHeadName, scoresAt, settingsText, tokenLabel } from './view-model.ts';

type Lab = LabWorker<InductionResult, TrainingProgress<InductionMetrics>>;

const createWorker = () => new Worker(new URL('../lab.worker.ts', import.meta.url), { type: 'module' });
const progressIntervalMs = 250;

interface LiveParts {
  step: number[];
  first: number[];
  repeated: number[];
  last?: TrainingProgress<InductionMetrics>;
}

/** Collects the part losses a run reports while it trains (each progress report is taken once). */
function useLiveParts(lab: Lab): LiveParts {
  const live = useRef<LiveParts>({ step: [], first: [], repeated: [] });
  const s = lab.state;
  if (s.status === 'running' && !s.progress && live.current.step.length > 0) live.current = { step: [], first: [], repeated: [] };
  if (s.status === 'running' && s.progress && s.progress !== live.current.last) {
    live.current.step.push(s.progress.step);
    live.current.first.push(s.progress.metrics.firstPart);
    live.current.repeated.push(s.progress.metrics.repeatedPart);
    live.current.last = s.progress;
  }
  return live.current;
}

const sameSettings = (run: FigureRun, wanted: { seed: number; offset: string; steps: number }) =>
  run.params.seed === wanted.seed && run.params.offset === wanted.offset && run.params.steps === wanted.steps;

function chartProps(lab: Lab, live: LiveParts, title: string) {
  const s = lab.state;
  if (s.status === 'running') {
    return { title, steps: s.progress?.steps ?? s.result.params.steps, step: live.step, first: live.first, repeated: live.repeated, dropStep: null, caption: `${title}: training in progress, step ${integer(live.last?.step ?? 0)}.` };
  }
  const run: FigureRun = s.result;
  const curve = run.partLossCurve;
  const caption = `${title}: loss on the repeated part from ${fixed2(curve.repeatedPart[0] ?? 0)} to ${fixed2(curve.repeatedPart.at(-1) ?? 0)} nats, on the first part ${fixed2(curve.firstPart.at(-1) ?? 0)}; ${dropText(run)}.`;
  return { title, steps: run.params.steps, step: curve.step, first: curve.firstPart, repeated: curve.repeatedPart, dropStep: run.dropStep, caption };
}

function progressText(two: Lab, one: Lab, shown: FigureRun, atBuildTime: boolean, secondsLeft: number | undefined): string {
  const running = two.state.status === 'running' ? two : one.state.status === 'running' ? one : undefined;
  if (running) {
    const p = running.state.status === 'running' ? running.state.progress : undefined;
    const which = running === two ? 'two-layer model (1 of 2)' : 'one-layer control (2 of 2)';
    if (!p) return `Training the ${which} in your browser…`;
    const left = secondsLeft !== undefined ? `, about ${Math.max(1, Math.round(secondsLeft))} s left` : '';
    return `Training the ${which} in your browser: step ${integer(p.step)} of ${integer(p.steps)}${left}.`;
  }
  const failed = [two, one].find((lab) => lab.state.status === 'error');
  if (failed && failed.state.status === 'error') return `Training failed: ${failed.state.message}.`;
  if ([two, one].some((lab) => lab.state.status === 'cancelled')) return 'Training cancelled; the figure shows the last finished runs.';
  return atBuildTime ? `Trained when this page was built (${settingsText(shown)}). Change the seed, the data or the steps to train in your browser.` : `Trained in your browser (${settingsText(shown)}).`;
}

export default function InductionHeads({ anchor }: FigureIslandProps) {
  const { data } = figure;
  const state = useFigureParams(params, anchor);
  const settings = state.values;
  const two = useLabWorker<'induction'>(createWorker, 'induction', data.twoLayer as InductionResult, progressIntervalMs);
  const one = useLabWorker<'induction'>(createWorker, 'induction', data.oneLayer as InductionResult, progressIntervalMs);
  const liveTwo = useLiveParts(two);
  const liveOne = useLiveParts(one);
  const [message, announce] = useAnnouncer();
  const [stopped, setStopped] = useState(false);

  const wanted = { seed: settings.seed, offset: settings.offset, steps: settings.steps };
  const atBuildSettings = sameSettings(data.twoLayer, wanted);
  const wantedKey = `${settings.seed}/${settings.offset}/${settings.steps}`;
  useEffect(() => {
    if (!state.hydrated) return;
    setStopped(false);
    const timer = setTimeout(() => {
      if (atBuildSettings) {
        if (two.state.result !== data.twoLayer || two.state.status === 'running') two.show(data.twoLayer as InductionResult);
        if (one.state.result !== data.oneLayer || one.state.status === 'running') one.show(data.oneLayer as InductionResult);
      } else if (!sameSettings(two.state.result, wanted) || two.state.status === 'cancelled') {
        one.cancel();
        two.run(labParams(settings, 2));
      }
    }, state.source === 'reader' ? 350 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the wanted settings
  }, [state.hydrated, wantedKey]);

  // The one-layer control trains once the two-layer model has finished (one worker at a time on a 2-core machine).
  const oneQueued = state.hydrated && !stopped && !atBuildSettings && two.state.status === 'done' && one.state.status !== 'running' && !sameSettings(one.state.result, wanted);
  useEffect(() => {
    if (oneQueued) one.run(labParams(settings, 1));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [oneQueued]);

  const running = two.state.status === 'running' || one.state.status === 'running';
  // Both models count as one run for the estimate, the pause before the control starts included.
  const secondsPerStep = useWorkRate(running || oneQueued, two.state.status === 'done' && one.state.status === 'done', settings.steps, referenceSecondsPerStep);
  const estimate = `Each change trains both models for ${integer(settings.steps)} steps; estimated time: ${durationText(settings.steps * secondsPerStep)}.`;
  const shownTwo: FigureRun = two.state.result;
  const shownOne: FigureRun = one.state.result;
  const atBuildTime = shownTwo === data.twoLayer;
  const last = shownTwo.checkpoints.length - 1;
  const checkpoint = Math.min(settings.checkpoint, last);
  const sequence = data.sequences[settings.sequence - 1]!;

  // Seconds left, from the rate of the run so far (both models: the control takes about half as long).
  const started = useRef<{ at: number; step: number } | undefined>(undefined);
  const progress = two.state.status === 'running' ? two.state.progress : one.state.status === 'running' ? one.state.progress : undefined;
  if (!running) started.current = undefined;
  else if (progress && !started.current) started.current = { at: performance.now(), step: progress.step };
  let secondsLeft: number | undefined;
  if (progress && started.current && progress.step > started.current.step) {
    const perStep = (performance.now() - started.current.at) / 1000 / (progress.step - started.current.step);
    const remaining = progress.steps - progress.step + (two.state.status === 'running' ? progress.steps / 2 : 0);
    secondsLeft = perStep * remaining;
  }

  useEffect(() => {
    if (two.state.status === 'done' && one.state.status === 'done' && sameSettings(one.state.result, wanted)) {
      announce(`Training finished. ${describeResults(shownTwo, shownOne, checkpoint).summary}`);
    } else if (two.state.status === 'running' && !two.state.progress) announce('Training started in your browser.');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [two.state.status, one.state.status]);

  // θ of the shown checkpoint: from the run itself when trained here, else from the build-time checkpoint file.
  const [stored, setStored] = useState<StoredCheckpoints | undefined>(undefined);
  const [loadError, setLoadError] = useState('');
  const fetching = useRef(false);
  const needsStored = state.hydrated && atBuildTime && (checkpoint !== last || settings.sequence !== 1);
  useEffect(() => {
    if (!needsStored || stored || fetching.current) return;
    fetching.current = true;
    fetch(withBase(import.meta.env.BASE_URL, checkpointsPath))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => setStored(decodeCheckpoints(buffer)))
      .catch((error: unknown) => setLoadError(`The checkpoints could not be loaded (${error instanceof Error ? error.message : String(error)}).`))
      .finally(() => (fetching.current = false));
  }, [needsStored, stored]);
  const theta: ArrayLike<number> | undefined = atBuildTime ? stored?.theta[checkpoint] : shownTwo.checkpoints[checkpoint]?.theta;

  const model = modelParams(shownTwo.params);
  const patterns = useMemo(() => {
    if (atBuildTime && checkpoint === last && settings.sequence === 1) return data.patterns;
    return theta ? headPatterns(model, theta, sequence) : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theta, atBuildTime, checkpoint, last, settings.sequence]);
  const shownPatterns = useRef(data.patterns);
  if (patterns) shownPatterns.current = patterns;

  // The ablation: the lab's own numbers for the trained model, computed here from θ at earlier checkpoints.
  const target = settings.ablate === 'induction' ? shownTwo.final.circuit.induction : settings.ablate === 'none' ? [] : [parseHeadName(settings.ablate)!];
  const [computed, setComputed] = useState<{ key: string; loss: number } | undefined>(undefined);
  const ablationKey = `${shownTwo.params.seed}/${shownTwo.params.offset}/${shownTwo.params.steps}/${checkpoint}/${settings.ablate}/${settings.mode}`;
  const needsComputed = target.length > 0 && checkpoint !== last;
  useEffect(() => {
    if (!needsComputed || !theta || computed?.key === ablationKey) return;
    const timer = setTimeout(() => setComputed({ key: ablationKey, loss: ablatedRepeatedLoss(model, theta, target, settings.mode) }), 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needsComputed, theta, ablationKey]);
  const shownCheckpoint = shownTwo.checkpoints[checkpoint]!;
  const clean = shownCheckpoint.partLoss.repeatedPart;
  let ablated: number | undefined;
  if (target.length > 0 && checkpoint === last) {
    if (settings.ablate === 'induction') ablated = shownTwo.final.inductionAblation?.[settings.mode];
    else ablated = shownTwo.final.ablations.find((a) => a.layer === target[0]!.layer && a.head === target[0]!.head)?.[settings.mode];
  } else if (computed?.key === ablationKey) ablated = computed.loss;

  const ablationText =
    settings.ablate === 'none'
      ? 'Pick a head to ablate.'
      : target.length === 0
        ? 'The lab named no induction heads in this run, so there is nothing to ablate.'
        : ablated === undefined
          ? 'Computing…'
          : `${settings.mode === 'zero' ? 'Zero' : 'Mean'}-ablating ${settings.ablate === 'induction' ? `all induction heads (${target.map(headName).join(', ')})` : `head ${settings.ablate}`}: ${fixed2(ablated)} nats (${ablated >= clean ? '+' : '−'}${fixed2(Math.abs(ablated - clean))}).`;

  const scores = scoresAt(shownTwo, checkpoint);
  const shownData = useMemo(() => ({ ...data, twoLayer: shownTwo, oneLayer: shownOne }), [data, shownTwo, shownOne]);
  const disabled = !state.hydrated;
  const set = <K extends keyof Settings & string>(name: K) => (value: Settings[K]) => state.set(name, value as never);
  const heads = allHeads(shownTwo);
  const idPrefix = `${anchor}-`;
  const twoChart = chartProps(two, liveTwo, 'Two layers');
  const oneChart = chartProps(one, liveOne, 'One layer (control)');

  return (
    <div class="fig ih" data-hydrated={state.hydrated ? 'true' : 'false'} data-training={running ? 'true' : 'false'}>
      <div class="fig__stage ih__charts">
        <PartLossChart {...twoChart} marker={two.state.status === 'running' ? undefined : shownCheckpoint.step} />
        <PartLossChart {...oneChart} />
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <div class="ih__training">
        <progress class="ih__bar" max={1} value={progress ? progress.step / progress.steps : running ? 0 : 1} aria-label="Training progress" />
        <p class="ih__progress-text">{progressText(two, one, shownTwo, atBuildTime, secondsLeft)}</p>
        <div class="ih__buttons">
          <button type="button" disabled={disabled || running} onClick={() => state.set('seed', settings.seed >= params.seed.max ? 0 : settings.seed + 1)}>
            Train again (next seed)
          </button>
          <button
            type="button"
            disabled={disabled || !running}
            onClick={() => {
              setStopped(true);
              two.cancel();
              one.cancel();
            }}
          >
            Cancel
          </button>
        </div>
      </div>
      <fieldset class="fig__controls ih__controls">
        <legend class="fig-visually-hidden">Figure controls</legend>
        <ParamControl idPrefix={`${idPrefix}checkpoint`} decl={params.checkpoint} value={settings.checkpoint} disabled={disabled} onChange={set('checkpoint')} format={(k) => `step ${integer(shownTwo.checkpoints[Math.min(k, last)]!.step)}`} />
        <ParamControl idPrefix={`${idPrefix}sequence`} decl={params.sequence} value={settings.sequence} disabled={disabled} onChange={set('sequence')} format={(k) => `${k} of ${data.sequences.length}`} />
        <ParamControl idPrefix={`${idPrefix}ablate`} decl={params.ablate} value={settings.ablate} disabled={disabled} onChange={set('ablate')} />
        <ParamControl idPrefix={`${idPrefix}mode`} decl={params.mode} value={settings.mode} disabled={disabled} onChange={set('mode')} />
        <ParamControl idPrefix={`${idPrefix}offset`} decl={params.offset} value={settings.offset} disabled={disabled || running} onChange={set('offset')} />
        <ParamControl idPrefix={`${idPrefix}seed`} decl={params.seed} value={settings.seed} disabled={disabled || running} onChange={set('seed')} />
        <ParamControl idPrefix={`${idPrefix}steps`} decl={params.steps} value={settings.steps} disabled={disabled || running} onChange={set('steps')} format={integer} />
        <p class="ih__estimate">{estimate}</p>
      </fieldset>
      <p class="ih__sequence">
        <span class="fig-visually-hidden">{`Sequence ${settings.sequence}: ${sequence.tokens.map(tokenLabel).join(' ')}; first copy from position ${sequence.firstStart + 1}, second copy from position ${sequence.secondStart + 1}, ${sequence.blockLength} tokens.`}</span>
        {sequence.tokens.map((token, t) => {
          const inFirst = t >= sequence.firstStart && t < sequence.firstStart + sequence.blockLength;
          const inSecond = t >= sequence.secondStart && t < sequence.secondStart + sequence.blockLength;
          return (
            <span key={t} class={`ih-token${inFirst ? ' ih-token--first' : ''}${inSecond ? ' ih-token--second' : ''}`} aria-hidden="true">
              {tokenLabel(token)}
              <small>{inFirst ? '1st' : inSecond ? '2nd' : ''}</small>
            </span>
          );
        })}
      </p>
      <div class="ih__heads" data-checkpoint={shownCheckpoint.step}>
        {heads.map((head, k) => {
          const score = scores[head.layer]![head.head]!;
          const role = headRole(shownTwo, head);
          const name = headName(head);
          return (
            <figure key={name} class={`ih-head${role ? ' ih-head--named' : ''}`} data-head={name}>
              <figcaption>
                <strong>Head {name}</strong> {role ? <span class="ih-role">{role}</span> : null}
                <br />
                previous-token {fixed2(score.previousToken)} · induction {fixed2(score.induction)}
              </figcaption>
              <AttentionMap
                pattern={shownPatterns.current[k]!}
                sequence={sequence}
                label={`Attention pattern of head ${name} at step ${integer(shownCheckpoint.step)} on sequence ${settings.sequence}; previous-token score ${fixed2(score.previousToken)}, induction score ${fixed2(score.induction)}.`}
              />
            </figure>
          );
        })}
      </div>
      <p class="ih__ablation" aria-live="polite">
        Loss on the repeated part at step {integer(shownCheckpoint.step)}: {fixed2(clean)} nats. {ablationText}
        {loadError ? ` ${loadError}` : ''}
      </p>
      <p class="ih__legend">
        Heat maps: row = the position looking, column = the position looked at, darker = more attention (0 to 1). Outlined cells: where an induction head
        would look, from each token of the second copy to the token after its first occurrence. Scores are the lab’s, on {evaluationSize} evaluation sequences; roles are
        named for the trained model. Tokens A–P, ⊳ = start of sequence.
      </p>
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={settings} shown={shownData} atDefaults={state.atDefaults && atBuildTime} />
    </div>
  );
}
