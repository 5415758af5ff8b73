/**
 * The text alternative of the dictionary figure: what the drawing shows for one finished result, in words
 * and as one table row per planted direction. Every number is the lab's, formatted as on screen.
 */
import type { SaeResult } from '../../lab/sae.ts';
import type { TextAlternative } from '../contract.ts';
import { dictionaryView, fixed2, fixed3, foundCosine, methodText } from './view-model.ts';

export function settingsText(p: SaeResult['params']): string {
  return `${p.width} latents (${methodText(p)}), on ${p.features} planted directions in ${p.inputDim} dimensions, each on with probability ${fixed2(p.featureProbability)}, seed ${p.seed}`;
}

export function outcomeText(result: SaeResult): string {
  const view = dictionaryView(result);
  return `MMCS ${fixed3(result.mmcs)}: ${view.found} of ${view.planted} planted directions found (cosine at least ${fixed2(foundCosine)}); L0 ${fixed2(result.l0)} (planted ${fixed2(result.trueL0)}), fraction of variance unexplained ${fixed3(result.fractionOfVarianceUnexplained)}, ${result.deadLatents} dead ${result.deadLatents === 1 ? "latent" : "latents"} of ${result.params.width}`;
}

export function exampleText(result: SaeResult): string {
  const view = dictionaryView(result);
  const planted = result.example.features.map((f) => `${f.feature + 1} (${fixed2(f.coefficient)})`).join(', ');
  const latents = view.exampleLatents.length === 0
    ? 'no latent'
    : view.exampleLatents.map((l) => `latent ${l.latent + 1} (${fixed2(l.activation)}, closest to planted ${l.closest + 1}, cosine ${fixed2(l.cosine)})`).join(', ');
  return `Example input: planted features ${planted}; the SAE turns on ${latents}.`;
}

export function describeResult(result: SaeResult): TextAlternative {
  const inExample = new Map(result.example.features.map((f) => [f.feature, f.coefficient]));
  return {
    summary:
      `A sparse autoencoder with ${settingsText(result.params)}, trained by this site's lab for ${result.params.steps.toLocaleString('en')} steps on planted data (a toy, not a language model). ` +
      `${outcomeText(result)}. The heat map shows the cosine of every planted direction with every latent's decoder direction, matched pairs on the diagonal. ${exampleText(result)}`,
    table: {
      caption: 'Each planted direction, its closest latent and their cosine similarity',
      columns: ['Planted direction', 'Closest latent', 'Cosine', 'In the example input'],
      rows: result.matches.map((match, i) => [`${i + 1}`, `${match.latent + 1}`, fixed3(match.cosine), inExample.has(i) ? `yes, strength ${fixed2(inExample.get(i)!)}` : 'no']),
    },
  };
}
