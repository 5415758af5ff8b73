/**
 * The text alternative, computed from the same graph and readout the figure draws: the prompt, the model's and
 * the replacement's answers, every kept edge, and the swap against its control.
 */
import type { TextAlternative } from '../contract.ts';
import { fixed2 } from '../shared/format.ts';
import type { AttributionFigureData, PromptGraph } from './data.ts';
import type { Settings } from './settings.ts';
import { outputCheck, pruneGraph, selectGraph, swapReadout, type SwapReadout } from './view-model.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function promptText(graph: PromptGraph): string {
  const city = graph.nodes.find((node) => node.id === 'token:subject')!.label;
  const asked = graph.relation === 'capital-of-city' ? 'capital' : 'region';
  return `“${asked} of the state containing ${city}” (a city of state ${graph.state}; its two-step questions were ${graph.heldOut ? 'held out of' : 'part of'} training)`;
}

export function answerText(graph: PromptGraph): string {
  const check = outputCheck(graph);
  return (
    `The network answers ${graph.modelAnswer} (correct: ${graph.answer}); the replacement alone ${graph.replacementAgrees ? 'gives the same answer' : 'gives a different answer'}. ` +
    `Edges into the output sum to ${fixed2(check.sum)}, plus a constant ${fixed2(check.bias)}, making the logit ${fixed2(check.logit)}; the error node carries ${percent(check.errorShare)} of the output's incoming size.`
  );
}

export function swapText(readout: SwapReadout): string {
  const { rates, stateA, stateB, cities } = readout;
  if (!rates) return `The intervention needs a state B other than the prompt's own state ${stateA}.`;
  const region = rates.sameRegion
    ? `States ${stateA} and ${stateB} share a region, so the region answer cannot show the swap.`
    : `Region answers moved to state ${stateB}'s region for ${percent(rates.swap.region)} of them (random push: ${percent(rates.random.region)}).`;
  return (
    `Suppressing the layer-1 “state = ${stateA}” features and injecting “state = ${stateB}” in the real network moved the capital answer to state ${stateB}'s capital for ${percent(rates.swap.capital)} of state ${stateA}'s ${cities} cities; ` +
    `a random push of the same size moved ${percent(rates.random.capital)}. ${region}`
  );
}

export function describeAttribution(values: Settings, data: AttributionFigureData): TextAlternative {
  const graph = selectGraph(data, values);
  const pruned = pruneGraph(graph, values.threshold);
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  return {
    summary:
      `The attribution graph of the toy atlas network (seed ${data.seed}) for ${promptText(graph)}, edges below ${percent(values.threshold)} of the largest hidden (${pruned.hiddenEdges} of ${graph.edges.length}). ` +
      `${answerText(graph)} Over all questions the replacement agrees with the network on ${percent(data.fidelity)}. ${swapText(swapReadout(data, values))}`,
    table: {
      caption: 'Kept edges: direct contributions with every gate frozen for this prompt',
      columns: ['From', 'To', 'Contribution'],
      rows: pruned.edges.map(([from, to, weight]) => [`${labels.get(from)} (${from})`, `${labels.get(to)} (${to})`, fixed2(weight)]),
    },
  };
}
