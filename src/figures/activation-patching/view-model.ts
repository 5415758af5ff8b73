/** Pure functions from a patching result and the settings to what the figure draws and says. */
import { entityLabel } from '../../lab/atlas/attribution.ts';
import { patchParts, patchSites, type Answer, type PatchCell, type PatchingResult, type PatchPart, type PatchSite } from '../../lab/atlas/patching.ts';
import type { Question } from '../../lab/atlas/world.ts';
import { fixed2 } from '../shared/format.ts';
import { atlas, partShortLabels, siteLabels, type Settings } from './settings.ts';

/** A value as the grid shows it: two decimals, with −0.00 written as 0.00. */
export const shownValue = (value: number) => Math.round(value * 100) / 100 || 0;

/** The grid: one row per site, one column per part, values as shown. */
export function gridValues(result: PatchingResult): number[][] {
  return patchSites.map((site) => patchParts.map((part) => shownValue(cellAt(result, site, part).value)));
}

export function cellAt(result: PatchingResult, site: PatchSite, part: PatchPart): PatchCell {
  const cell = result.cells.find((candidate) => candidate.site === site && candidate.part === part);
  if (!cell) throw new Error(`activation-patching: no cell ${site}.${part}`);
  return cell;
}

export const gridPosition = (site: PatchSite, part: PatchPart) => ({ row: patchSites.indexOf(site), column: patchParts.indexOf(part) });
export const cellFromPosition = (row: number, column: number): `${PatchSite}.${PatchPart}` => `${patchSites[row]!}.${patchParts[column]!}`;

export const rowLabels = patchSites.map((site) => siteLabels[site]);
export const columnLabels = patchParts.map((part) => partShortLabels[part]);

export const entityName = (entity: number) => entityLabel(atlas, entity);

/** "the capital of the state city 0 is in", "the region of state 1". */
export function promptText(question: Question): string {
  const attribute = question.relation.startsWith('capital') ? 'capital' : 'region';
  return question.relation.endsWith('-of-city') ? `the ${attribute} of the state ${entityName(question.subject)} is in` : `the ${attribute} of ${entityName(question.subject)}`;
}

export const directionVerb = (direction: Settings['direction']) => (direction === 'sufficiency' ? 'restored' : 'destroyed');

/** What a cell's number means, for titles and the text alternative. */
export function valueMeaning(result: PatchingResult, values: Pick<Settings, 'direction' | 'metric'>): string {
  if (result.mode === 'change') return `change in the probability of ${entityName(result.cleanAnswer)}, the answer both prompts share`;
  const metric = values.metric === 'logit-difference' ? 'the logit difference' : values.metric === 'probability' ? 'the clean answer’s probability' : 'the top-1 answer';
  return `share of the effect on ${metric} ${directionVerb(values.direction)}`;
}

export function answersText(answers: readonly Answer[]): string {
  return answers.map((answer) => `${entityName(answer.entity)} ${fixed2(answer.probability)}`).join(', ');
}

export interface AnswerBar {
  label: string;
  probability: number;
  /** Bar length in the drawing's units. */
  length: number;
  y: number;
}

/** Horizontal bars for a run's top answers: one row each, `rowHeight` apart, lengths proportional to probability. */
export function answerBars(answers: readonly Answer[], maxLength: number, rowHeight: number, top = 0): AnswerBar[] {
  return answers.map((answer, i) => ({ label: entityName(answer.entity), probability: answer.probability, length: Math.max(0, Math.min(1, answer.probability)) * maxLength, y: top + i * rowHeight }));
}
