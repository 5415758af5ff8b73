// Model 3: induction heads. Trains the two-layer model and the one-layer control over several seeds and checks
// orderings and margins (measured values are in docs/lab.md), never exact numbers. The fixed-offset guard is
// checked on the build-time runs (tests/unit/figures/induction-heads.test.ts).
import { beforeAll, describe, expect, test } from 'vitest';
import { ablateHeads, evaluatePartLoss, identifyCircuit, meanHeadOutputs, type HeadId } from '../../../src/lab/induction-analysis.ts';
import { dropStep, evaluationBatch, inductionShape, trainInduction, validateInductionParams, type InductionParams, type InductionResult } from '../../../src/lab/induction.ts';
import { createRandom } from '../../../src/lab/random.ts';
import { createTransformer } from '../../../src/lab/transformer.ts';
import { expectJsonSafe } from './helpers.ts';

const lnV = Math.log(16);
const seeds = [0, 1, 2];

async function train(raw: Partial<InductionParams>): Promise<InductionResult> {
  const { params, corrections } = validateInductionParams(raw);
  expect(corrections).toStrictEqual([]);
  return (await trainInduction(params)).result;
}

const sameHead = (a: HeadId) => (b: HeadId) => a.layer === b.layer && a.head === b.head;

describe.each(seeds)('seed %i', (seed) => {
  let twoLayer: InductionResult;
  let oneLayer: InductionResult;
  beforeAll(async () => {
    twoLayer = await train({ seed });
    oneLayer = await train({ seed, layers: 1 });
  }, 600_000);

  test('two layers: the repeated part is predicted far better than the first part, which stays near ln V', () => {
    const { firstPart, repeatedPart } = twoLayer.final.partLoss;
    expect(Math.abs(firstPart - lnV)).toBeLessThan(0.2);
    expect(repeatedPart).toBeLessThan(0.4 * firstPart);
  });

  test('one layer (the control): the repeated part stays clearly worse than with two layers, and no drop is reported', () => {
    expect(oneLayer.final.partLoss.repeatedPart).toBeGreaterThan(twoLayer.final.partLoss.repeatedPart + 0.7);
    expect(oneLayer.final.partLoss.repeatedPart).toBeGreaterThan(lnV / 2);
    expect(oneLayer.dropStep).toBeNull();
    expect(oneLayer.final.circuit.induction).toStrictEqual([]);
  });

  test('the drop step is reported, after the start and within the run', () => {
    expect(twoLayer.dropStep).not.toBeNull();
    expect(twoLayer.dropStep!).toBeGreaterThan(100);
    expect(twoLayer.dropStep!).toBeLessThan(twoLayer.params.steps);
  });

  test('a previous-token head in layer 1 and induction heads in layer 2; the other scores stay low', () => {
    const { scores, circuit } = twoLayer.final;
    expect(circuit.previousToken.length).toBeGreaterThan(0);
    expect(Math.max(...scores[0]!.map((s) => s.previousToken))).toBeGreaterThan(0.3);
    expect(circuit.induction.length).toBeGreaterThan(0);
    expect(Math.max(...scores[1]!.map((s) => s.induction))).toBeGreaterThan(0.5);
    for (const s of scores[0]!) expect(s.induction).toBeLessThan(0.3);
    for (const s of scores[1]!) expect(s.previousToken).toBeLessThan(0.12);
  });

  test('ablating the induction heads raises the repeated-part loss far more than ablating a head outside the circuit', () => {
    const { partLoss, circuit, ablations, inductionAblation } = twoLayer.final;
    const base = partLoss.repeatedPart;
    const inCircuit = [...circuit.previousToken, ...circuit.induction];
    const outside = ablations.filter((a) => !inCircuit.some(sameHead(a)));
    expect(inductionAblation!.zero - base).toBeGreaterThan(1.5);
    expect(inductionAblation!.mean - base).toBeGreaterThan(1.5);
    for (const a of outside) {
      expect(a.zero - base).toBeLessThan((inductionAblation!.zero - base) / 4);
      expect(a.mean - base).toBeLessThan((inductionAblation!.mean - base) / 4);
    }
  });
});

describe('measurements', () => {
  test('a short run is deterministic, JSON-safe and has its checkpoints at evenly spaced steps', async () => {
    const a = await train({ seed: 7, steps: 60 });
    const b = await train({ seed: 7, steps: 60 });
    expect(a).toStrictEqual(b);
    expectJsonSafe(a);
    expect(a.checkpoints.map((c) => c.step)).toStrictEqual(Array.from({ length: 21 }, (_, k) => 3 * k));
    expect(a.partLossCurve.step).toStrictEqual(a.lossCurve.step);
  });

  test('mean-ablating every head over a single sequence leaves its loss unchanged (the mean of one is itself)', () => {
    const params = { layers: 2, heads: 2 };
    const model = createTransformer(inductionShape(params));
    const theta = new Float64Array(model.layout.size);
    model.init(theta, createRandom(5));
    const full = evaluationBatch({ offset: 'varying' }, 1);
    const means = meanHeadOutputs(model, theta, full);
    const all = [0, 1].flatMap((layer) => [0, 1].map((head) => ({ layer, head })));
    const clean = evaluatePartLoss(model, theta, full);
    const ablated = evaluatePartLoss(model, theta, full, ablateHeads(all, 'mean', means));
    expect(ablated.repeatedPart).toBeCloseTo(clean.repeatedPart, 10);
    expect(evaluatePartLoss(model, theta, full, ablateHeads(all, 'zero', means)).repeatedPart).not.toBeCloseTo(clean.repeatedPart, 3);
  });

  test('the drop rule: first step where the smoothed repeated-part loss is below ½ ln V', () => {
    const step = Array.from({ length: 40 }, (_, k) => 10 * (k + 1));
    const falling = step.map((s) => (s < 200 ? 2.5 : 0.5));
    expect(dropStep({ step, repeatedPart: falling }, 16)).toBe(210);
    expect(dropStep({ step, repeatedPart: step.map(() => 1.9) }, 16)).toBeNull();
  });

  test('heads are named only with a previous-token head in layer 1', () => {
    const low = { previousToken: 0.1, induction: 0.1 };
    expect(identifyCircuit([[low, { previousToken: 0.5, induction: 0 }], [low, { previousToken: 0, induction: 0.6 }]]))
      .toStrictEqual({ previousToken: [{ layer: 0, head: 1 }], induction: [{ layer: 1, head: 1 }] });
    expect(identifyCircuit([[low, low], [low, { previousToken: 0, induction: 0.9 }]])).toStrictEqual({ previousToken: [], induction: [] });
  });
});
