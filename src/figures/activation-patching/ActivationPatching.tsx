/**
 * Island of the "Activation patching" figure. The server render (and the first client render) draws the grid
 * the build computed at the defaults; after hydration the figure fetches the build-time model (θ and state
 * bases: a float32 lab checkpoint of about 20 KB) and every other setting is computed on the spot: 23 forward passes of a
 * 16→32→32→60 network, well under a millisecond, so no worker is needed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultAtlasSettings } from '../../lab/atlas/experiments.ts';
import { createAtlasNetwork } from '../../lab/atlas/network.ts';
import { patchingGrid, type PatchingResult } from '../../lab/atlas/patching.ts';
import { withBase } from '../../lib/reading/site.ts';
import { defaultValues } from '../../lib/url-state.ts';
import type { FigureIslandProps } from '../contract.ts';
import { ParamControls } from '../shared/Controls.tsx';
import { PresetLinks } from '../shared/PresetLinks.tsx';
import { FigureNote, FigureStatus } from '../shared/FigureStatus.tsx';
import { fixed2 } from '../shared/format.ts';
import { HeatMap, heatExtent } from '../shared/HeatMap.tsx';
import { TextAlternative } from '../shared/TextAlternative.tsx';
import { useAnnouncer } from '../shared/use-announcer.ts';
import { useFigureParams } from '../shared/use-figure-params.ts';
import '../shared/figure.css';
import './style.css';
import { decodeModel, modelPath, type StoredModel } from './checkpoint.ts';
import figure from './figure.ts';
import { OutputBars } from './OutputBars.tsx';
import { atlas, cellOf, partLabels, presets, promptsOf, siteLabels, type Settings } from './settings.ts';
import { answersText, cellAt, cellFromPosition, columnLabels, directionVerb, entityName, gridPosition, gridValues, promptText, rowLabels, valueMeaning } from './view-model.ts';

const defaults = defaultValues(figure.params);
const gridBox = { width: 460, height: 262 };
const gridArea = { x: 104, y: 64, size: 336 };

/** The settings the grid depends on (the selected cell only picks what the output panel shows). */
const gridKey = (values: Settings) => JSON.stringify([values.question, values.clean, values.corrupted, values.direction, values.metric]);

interface Shown {
  result: PatchingResult;
  /** The settings `result` was computed for (while the model loads, the last result stays on screen). */
  values: Settings;
}

export default function ActivationPatching({ anchor }: FigureIslandProps) {
  const { params, data } = figure;
  const state = useFigureParams(params, anchor);
  const values = state.values;
  const [message, announce] = useAnnouncer();
  const [model, setModel] = useState<StoredModel | undefined>(undefined);
  const [loadError, setLoadError] = useState('');
  const network = useMemo(() => createAtlasNetwork(atlas, { embedding: defaultAtlasSettings.embedding, hidden: defaultAtlasSettings.hidden }, 1), []);

  useEffect(() => {
    if (!state.hydrated || model) return;
    let cancelled = false;
    fetch(withBase(import.meta.env.BASE_URL, modelPath))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => !cancelled && setModel(decodeModel(atlas, network.shape, buffer)))
      .catch((error: unknown) => !cancelled && setLoadError(`The model could not be loaded (${error instanceof Error ? error.message : String(error)}); the grid shows the default prompts.`));
    return () => {
      cancelled = true;
    };
  }, [state.hydrated, model, network]);

  const key = gridKey(values);
  const atBuildTime = key === gridKey(defaults);
  const last = useRef<Shown>({ result: data.view, values: defaults });
  const shown = useMemo<Shown>(() => {
    if (atBuildTime) return { result: data.view, values };
    if (!model) return { ...last.current, values: { ...last.current.values, cell: values.cell } };
    const result = patchingGrid(network, model.theta, model.bases, { ...promptsOf(values), direction: values.direction, metric: values.metric });
    return { result, values };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the settings the grid depends on
  }, [key, values.cell, model, atBuildTime]);
  last.current = shown;
  const waiting = !atBuildTime && !model;

  const { result } = shown;
  const { site, part } = cellOf(shown.values);
  const selected = cellAt(result, site, part);
  const prompts = promptsOf(shown.values);
  const meaning = valueMeaning(result, shown.values);
  const outputSentence = `Patched at ${siteLabels[site]}, ${partLabels[part]}: the model answers ${answersText(selected.answers.slice(0, 1))}.`;

  const announced = useRef(`${gridKey(defaults)}|${defaults.cell}`);
  useEffect(() => {
    if (!state.hydrated || waiting || announced.current === `${key}|${values.cell}`) return;
    announced.current = `${key}|${values.cell}`;
    announce(outputSentence);
  }, [state.hydrated, waiting, key, values.cell, announce, outputSentence]);

  const disabled = !state.hydrated;
  const set = <K extends keyof Settings>(name: K, value: Settings[K]) => state.set(name, value as never);
  const grid = gridValues(result);
  const extent = fixed2(heatExtent(grid));
  const baseIsCorrupted = shown.values.direction === 'sufficiency';
  const metricLine =
    result.mode === 'change'
      ? 'Both prompts have the same answer: nothing to restore or destroy. Each cell shows the change in that answer’s probability.'
      : `Each cell: ${meaning}. Unpatched, the metric is ${fixed2(result.clean)} on the clean prompt and ${fixed2(result.corrupted)} on the corrupted one.`;

  return (
    <div class="fig ap" data-hydrated={state.hydrated ? 'true' : 'false'} data-model={model ? 'loaded' : 'build-time'}>
      <PresetLinks label="Presets: shareable links to each experiment" presets={presets} anchor={anchor} params={params} values={values} base={values} hydrated={state.hydrated} onChoose={state.update} />
      <ParamControls anchor={anchor} decls={params} values={values} disabled={disabled} onChange={set} label={`Settings of ${figure.title}`} />
      <p class="ap__prompts">
        <span>
          Clean: <strong>{promptText(prompts.clean)}</strong> → {entityName(result.cleanAnswer)}
        </span>
        <span>
          Corrupted: <strong>{promptText(prompts.corrupted)}</strong> → {entityName(result.corruptedAnswer)}
        </span>
      </p>
      <p class="ap__status" aria-live="off">
        {loadError || (waiting ? 'Loading the model’s weights…' : metricLine)}
      </p>
      <div class="fig__stage ap__stage" data-waiting={waiting ? 'true' : 'false'}>
        <section class="ap-panel" aria-label="Patching grid">
          <HeatMap
            values={grid}
            title={result.mode === 'change' ? 'Change made by each patch' : `Share ${directionVerb(shown.values.direction)} by each patch`}
            subtitle={result.mode === 'change' ? 'change in the shared answer’s probability' : `rows: sites; columns: parts of the layer (metric: ${shown.values.metric.replace('-', ' ')})`}
            label={`Heat map, 3 sites by 7 parts of the layer: ${meaning}; values from −${extent} (blue) to ${extent} (orange). The outlined cell is the one the output panel shows.`}
            box={gridBox}
            grid={gridArea}
            maxValueCells={7}
            rowLabels={rowLabels}
            columnLabels={columnLabels}
            highlight={gridPosition(site, part)}
            onCellClick={disabled ? undefined : (row, column) => set('cell', cellFromPosition(row, column))}
          />
        </section>
        <section class="ap-panel" aria-label="The model's output for the selected patch">
          <OutputBars
            base={result.baseTop}
            patched={selected.answers}
            baseTitle={`Unpatched (${baseIsCorrupted ? 'corrupted' : 'clean'} prompt)`}
            patchedTitle={`Patched: ${siteLabels[site]}, ${partLabels[part]}`}
            cleanAnswer={result.cleanAnswer}
            label={`The model's top answers. Unpatched: ${answersText(result.baseTop)}. ${outputSentence}`}
          />
        </section>
        <FigureNote problems={state.problems} onDismiss={state.dismissProblems} />
      </div>
      <p class="fig__legend">
        A small network written for this site and trained on a synthetic atlas (planted: cities in states, each state with a capital and a region), not a language model. Q1–Q4 patch a quarter of the layer’s units each; “state” patches only the subspace where a linear probe reads the city’s state, “rest” everything else. Orange cells are positive, blue (slashed when small) negative; ✓ marks the clean prompt’s answer. Click a cell or use the last menu to see its output.
      </p>
      <FigureStatus hydrated={state.hydrated} source={state.source} atDefaults={state.atDefaults} announcement={message} onReset={state.reset} />
      <TextAlternative figure={figure} values={shown.values} shown={{ ...data, view: result }} atDefaults={atBuildTime && state.atDefaults} />
    </div>
  );
}
