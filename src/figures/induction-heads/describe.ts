/** The figure's text alternative, computed from the same results the figure draws. */
import type { DataTable, TextAlternative } from '../contract.ts';
import type { FigureRun } from './data.ts';
import { allHeads, dropText, fixed2, headName, headRole, integer, lnV, scoresAt } from './view-model.ts';

function namedHeads(run: FigureRun): string {
  const { previousToken, induction } = run.final.circuit;
  if (previousToken.length === 0) return 'The lab names no previous-token head, so no induction head either.';
  const list = (heads: typeof induction) => heads.map(headName).join(' and ');
  const inductionText = induction.length > 0 ? `induction head${induction.length > 1 ? 's' : ''} ${list(induction)}` : 'no induction head';
  return `The lab names previous-token head${previousToken.length > 1 ? 's' : ''} ${list(previousToken)} and ${inductionText}.`;
}

export function describeResults(twoLayer: FigureRun, oneLayer: FigureRun, checkpoint: number): TextAlternative {
  const { partLoss, inductionAblation } = twoLayer.final;
  const shown = twoLayer.checkpoints[checkpoint] ?? twoLayer.checkpoints.at(-1)!;
  const ablation = inductionAblation
    ? ` Zero-ablating all induction heads raises the repeated-part loss to ${fixed2(inductionAblation.zero)} (mean-ablating: ${fixed2(inductionAblation.mean)}).`
    : '';
  const summary =
    `Two-layer model after ${integer(twoLayer.params.steps)} steps: loss ${fixed2(partLoss.repeatedPart)} nats on the repeated part against ${fixed2(partLoss.firstPart)} on the first part (ln 16 = ${fixed2(lnV)}); ${dropText(twoLayer)}. ` +
    `One-layer control: ${fixed2(oneLayer.final.partLoss.repeatedPart)} on the repeated part, ${dropText(oneLayer)}. ${namedHeads(twoLayer)}${ablation}` +
    ` The heat maps show checkpoint step ${integer(shown.step)}, where the repeated-part loss is ${fixed2(shown.partLoss.repeatedPart)}.`;
  const scores = scoresAt(twoLayer, checkpoint);
  const table: DataTable = {
    caption: `Heads of the two-layer model: scores at step ${integer(shown.step)}; role and ablations of the trained model (repeated-part loss, nats)`,
    columns: ['Head', 'Previous-token score', 'Induction score', 'Role', 'Zero-ablated', 'Mean-ablated'],
    rows: allHeads(twoLayer).map((head) => {
      const score = scores[head.layer]![head.head]!;
      const ablated = twoLayer.final.ablations.find((a) => a.layer === head.layer && a.head === head.head)!;
      return [headName(head), fixed2(score.previousToken), fixed2(score.induction), headRole(twoLayer, head) || '—', fixed2(ablated.zero), fixed2(ablated.mean)];
    }),
  };
  return { summary, table };
}
