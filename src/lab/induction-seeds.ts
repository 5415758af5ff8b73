/**
 * What several seeds of the induction model did, summarised as the ranges an article quotes: when the
 * repeated part's loss dropped, the final losses of the runs whose circuit formed, and what ablating heads did.
 * Pure functions of finished runs (induction.ts trains them).
 */
import type { HeadId } from './induction-analysis.ts';
import type { InductionResult } from './induction.ts';
import { round } from './json.ts';

export interface Range {
  min: number;
  max: number;
}

/** Over runs of the two-layer model; losses are on the evaluation batch, in nats. */
export interface SeedSummary {
  runs: number;
  /** Seeds whose repeated-part loss never dropped (dropStep null). */
  withoutDrop: number[];
  /** Seeds in which the lab named no induction head. */
  withoutCircuit: number[];
  /** Runs in which the lab named at least one induction head. */
  withCircuit: number;
  /** Of those, how many have two or more induction heads. */
  severalInductionHeads: number;
  /** dropStep over the runs where it dropped (null: none did). */
  dropStep: Range | null;
  /** Over the runs with a circuit (null: none): final part losses, the repeated part's loss with all induction
   * heads zero-ablated, and the largest rise of that loss from zero-ablating one head the lab did not name. */
  circuit: {
    firstPart: Range;
    repeatedPart: Range;
    inductionZeroAblated: Range;
    unnamedHeadZeroAblationRise: number;
  } | null;
}

/** Over runs of a one-layer control. */
export interface ControlSummary {
  runs: number;
  repeatedPart: Range;
  /** Each run's highest induction score of any head (attention where an induction head would look). */
  inductionScore: Range;
  /** Runs in which the lab named an induction head (it needs a previous-token head first). */
  withInductionHead: number;
}

function range(values: readonly number[]): Range {
  return { min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

const isIn = (heads: readonly HeadId[]) => (head: HeadId) => heads.some((h) => h.layer === head.layer && h.head === head.head);

function circuitSummary(runs: readonly InductionResult[]): SeedSummary['circuit'] {
  if (runs.length === 0) return null;
  const finals = runs.map((run) => run.final);
  const rises = finals.flatMap(({ circuit, ablations, partLoss }) => {
    const named = [...circuit.previousToken, ...circuit.induction];
    return ablations.filter((a) => !isIn(named)(a)).map((a) => a.zero - partLoss.repeatedPart);
  });
  return {
    firstPart: range(finals.map((f) => f.partLoss.firstPart)),
    repeatedPart: range(finals.map((f) => f.partLoss.repeatedPart)),
    inductionZeroAblated: range(finals.map((f) => f.inductionAblation!.zero)),
    unnamedHeadZeroAblationRise: round(Math.max(0, ...rises)),
  };
}

export function summariseSeeds(runs: readonly InductionResult[]): SeedSummary {
  const formed = runs.filter((run) => run.final.circuit.induction.length > 0);
  const dropSteps = runs.flatMap((run) => (run.dropStep === null ? [] : [run.dropStep]));
  return {
    runs: runs.length,
    withoutDrop: runs.filter((run) => run.dropStep === null).map((run) => run.params.seed),
    withoutCircuit: runs.filter((run) => run.final.circuit.induction.length === 0).map((run) => run.params.seed),
    withCircuit: formed.length,
    severalInductionHeads: formed.filter((run) => run.final.circuit.induction.length > 1).length,
    dropStep: dropSteps.length > 0 ? range(dropSteps) : null,
    circuit: circuitSummary(formed),
  };
}

export function summariseControl(runs: readonly InductionResult[]): ControlSummary {
  return {
    runs: runs.length,
    repeatedPart: range(runs.map((run) => run.final.partLoss.repeatedPart)),
    inductionScore: range(runs.map((run) => Math.max(...run.final.scores.flat().map((s) => s.induction)))),
    withInductionHead: runs.filter((run) => run.final.circuit.induction.length > 0).length,
  };
}
