/**
 * The text alternative, computed from the result on screen (the build-time one or one trained in the browser):
 * the chosen latent's profile, and the bridge share and legality at every α for the method and the comparison.
 */
import type { SteeringResult } from '../../lab/steering/model.ts';
import type { Comparison } from '../../lab/steering/pipeline.ts';
import type { TextAlternative } from '../contract.ts';
import { fixed2 } from '../shared/format.ts';
import { alphaIndex, type ComparisonChoice, type Method, type Settings } from './settings.ts';

export const seriesName: Record<Comparison, string> = {
  does: 'chosen by what it does',
  fires: 'chosen by where it fires',
  randomLatent: 'random latent',
  randomDirection: 'random direction',
};

export const methodName: Record<Method, string> = { does: 'the latent chosen by what it does', fires: 'the latent chosen by where it fires' };

export const comparisonName: Record<ComparisonChoice, string> = {
  randomLatent: 'a random latent',
  randomDirection: 'a random direction of the same size',
  prompt: 'the prompt “the bridge” without steering',
};

/** "0.37 of topic words are bridge words, 0.98 of word pairs legal" at one point. */
function pointText(point: { bridgeShare: number; legality: number }): string {
  return `bridge share ${fixed2(point.bridgeShare)}, legal word pairs ${fixed2(point.legality)}`;
}

export function describeSteering(values: Pick<Settings, 'alpha' | 'method' | 'comparison'>, result: SteeringResult): TextAlternative {
  const i = alphaIndex(values.alpha, result.alphas);
  const alpha = result.alphas[i]!;
  const latent = result.chosen[values.method];
  const steered = result.sweep[values.method][i]!;
  const control = values.comparison === 'prompt' ? result.prompt : result.sweep[values.comparison][i]!;
  const controlColumns = values.comparison === 'prompt' ? [] : [`Bridge share, ${seriesName[values.comparison]}`, `Legal pairs, ${seriesName[values.comparison]}`];
  return {
    summary:
      `A toy next-word model (seed ${result.params.seed}, held-out loss ${fixed2(result.heldOutLoss)} nats per word against the grammar's own ${fixed2(result.grammarEntropy)}) with a sparse autoencoder on its hidden layer. ` +
      `Clamped at α = ${alpha}, ${methodName[values.method]} (latent ${latent.latent}; sentence AUROC ${fixed2(latent.sentenceAuroc)}, token AUROC ${fixed2(latent.tokenAuroc)}; it raises ${latent.topBoosted.map((b) => b.word).join(', ')} most) gives ${pointText(steered)}. ` +
      `Unsteered it is ${pointText(result.sweep[values.method][0]!)}. ${values.comparison === 'prompt' ? 'The prompt' : `At the same α, ${comparisonName[values.comparison]}`} gives ${pointText(control)}.`,
    table: {
      caption: `Bridge share (bridge words among topic words) and legal word pairs against α, ${seriesName[values.method]}${values.comparison === 'prompt' ? '' : ` and ${seriesName[values.comparison]}`}`,
      columns: ['α', `Bridge share, ${seriesName[values.method]}`, `Legal pairs, ${seriesName[values.method]}`, ...controlColumns],
      rows: result.alphas.map((a, k) => {
        const own = result.sweep[values.method][k]!;
        const other = values.comparison === 'prompt' ? undefined : result.sweep[values.comparison][k]!;
        return [k === i ? `${a} (shown)` : `${a}`, fixed2(own.bridgeShare), fixed2(own.legality), ...(other ? [fixed2(other.bridgeShare), fixed2(other.legality)] : [])];
      }),
    },
  };
}
