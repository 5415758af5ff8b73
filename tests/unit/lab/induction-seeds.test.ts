// The seed summary the induction article quotes: ranges over runs with a circuit, seeds without one, and the
// largest effect of ablating a head the lab did not name. Built from hand-made runs with known numbers.
import { describe, expect, test } from 'vitest';
import type { HeadAblation, HeadId } from '../../../src/lab/induction-analysis.ts';
import type { InductionResult } from '../../../src/lab/induction.ts';
import { summariseControl, summariseSeeds } from '../../../src/lab/induction-seeds.ts';

interface RunSpec {
  seed: number;
  maxInduction?: number;
  dropStep: number | null;
  firstPart: number;
  repeatedPart: number;
  previousToken?: HeadId[];
  induction?: HeadId[];
  ablations?: HeadAblation[];
  inductionZero?: number;
}

/** A finished run holding only what the summary reads. */
function run(spec: RunSpec): InductionResult {
  const induction = spec.induction ?? [];
  return {
    params: { seed: spec.seed },
    dropStep: spec.dropStep,
    final: {
      partLoss: { firstPart: spec.firstPart, repeatedPart: spec.repeatedPart },
      scores: [[{ previousToken: 0.1, induction: 0.05 }, { previousToken: 0.1, induction: spec.maxInduction ?? 0.1 }]],
      circuit: { previousToken: spec.previousToken ?? [], induction },
      ablations: spec.ablations ?? [],
      inductionAblation: induction.length > 0 ? { zero: spec.inductionZero!, mean: spec.inductionZero! } : null,
    },
  } as unknown as InductionResult;
}

const prev = { layer: 0, head: 0 };
const unnamed = { layer: 0, head: 1 };
const ind = [{ layer: 1, head: 0 }, { layer: 1, head: 1 }];
const ablations = (unnamedZero: number, repeatedPart: number): HeadAblation[] => [
  { ...prev, zero: 2, mean: 2 },
  { ...unnamed, zero: unnamedZero, mean: repeatedPart },
  ...ind.map((h) => ({ ...h, zero: 1.5, mean: 1.5 })),
];

describe('summariseSeeds', () => {
  const runs = [
    run({ seed: 0, dropStep: 500, firstPart: 2.8, repeatedPart: 0.7, previousToken: [prev], induction: ind, ablations: ablations(0.9, 0.7), inductionZero: 2.7 }),
    run({ seed: 1, dropStep: 800, firstPart: 2.85, repeatedPart: 0.9, previousToken: [prev], induction: [ind[0]!], ablations: ablations(0.95, 0.9), inductionZero: 2.6 }),
    run({ seed: 2, dropStep: null, firstPart: 2.9, repeatedPart: 2.0, previousToken: [] }),
  ];
  const summary = summariseSeeds(runs);

  test('counts runs, names the seeds without a drop or a circuit, and counts runs with several induction heads', () => {
    expect(summary).toMatchObject({ runs: 3, withoutDrop: [2], withoutCircuit: [2], withCircuit: 2, severalInductionHeads: 1 });
  });

  test('drop steps range over the runs that dropped; losses and ablations over the runs with a circuit', () => {
    expect(summary.dropStep).toStrictEqual({ min: 500, max: 800 });
    expect(summary.circuit).toStrictEqual({
      firstPart: { min: 2.8, max: 2.85 },
      repeatedPart: { min: 0.7, max: 0.9 },
      inductionZeroAblated: { min: 2.6, max: 2.7 },
      // seed 1 did not name head 2.2, whose ablation raises its loss by 1.5 − 0.9
      unnamedHeadZeroAblationRise: 0.6,
    });
  });

  test('with no circuit and no drop anywhere, the ranges are null rather than infinite', () => {
    const none = summariseSeeds([runs[2]!]);
    expect(none.dropStep).toBeNull();
    expect(none.circuit).toBeNull();
  });
});

test('summariseControl ranges the repeated-part loss and the highest induction score over the control runs', () => {
  const control = [
    run({ seed: 0, dropStep: null, firstPart: 2.8, repeatedPart: 1.9, maxInduction: 0.2 }),
    run({ seed: 1, dropStep: null, firstPart: 2.8, repeatedPart: 1.85, maxInduction: 0.9 }),
  ];
  expect(summariseControl(control)).toStrictEqual({ runs: 2, repeatedPart: { min: 1.85, max: 1.9 }, inductionScore: { min: 0.2, max: 0.9 }, withInductionHead: 0 });
});
