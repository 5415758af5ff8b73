/** The figure's text alternative, computed from the same result the grid draws. */
import { patchParts, patchSites, type PatchingResult } from '../../lab/atlas/patching.ts';
import type { TextAlternative } from '../contract.ts';
import { fixed2 } from '../shared/format.ts';
import { cellOf, partLabels, promptsOf, siteLabels, type Settings } from './settings.ts';
import { answersText, cellAt, entityName, gridValues, promptText, valueMeaning } from './view-model.ts';

export function describePatching(values: Settings, result: PatchingResult): TextAlternative {
  const { clean, corrupted } = promptsOf(values);
  const grid = gridValues(result);
  const byPart = (part: (typeof patchParts)[number]) => patchSites.map((site, row) => `${fixed2(grid[row]![patchParts.indexOf(part)]!)} (${siteLabels[site]})`).join(', ');
  const { site, part } = cellOf(values);
  const selected = cellAt(result, site, part);
  const setup =
    `Activation patching on a small network trained on a synthetic atlas (a toy written for this site, not a language model). ` +
    `Clean prompt: ${promptText(clean)} (the model answers ${entityName(result.cleanAnswer)}); corrupted prompt: ${promptText(corrupted)} (answer ${entityName(result.corruptedAnswer)}). ` +
    (values.direction === 'sufficiency' ? 'Clean values are patched into the corrupted run. ' : 'Corrupted values are patched into the clean run. ');
  const findings =
    result.mode === 'change'
      ? `Both prompts have the same answer, so there is no effect to restore or destroy: each cell shows the ${valueMeaning(result, values)}; the largest change is ${fixed2(Math.max(...grid.flat().map(Math.abs)))}. `
      : `Each cell shows the ${valueMeaning(result, values)}. Whole layer: ${byPart('whole')}; state subspace: ${byPart('state')}; rest of the layer: ${byPart('rest')}. `;
  const output = `With the patch at ${siteLabels[site]}, ${partLabels[part]}, the model answers ${answersText(selected.answers)} (unpatched: ${answersText(result.baseTop)}).`;
  return {
    summary: setup + findings + output,
    table: {
      caption: `Activation patching: ${valueMeaning(result, values)}, per site (rows) and part of the layer (columns)`,
      columns: ['Site', ...patchParts.map((p) => partLabels[p])],
      rows: patchSites.map((s, row) => [siteLabels[s], ...grid[row]!.map(fixed2)]),
    },
  };
}
