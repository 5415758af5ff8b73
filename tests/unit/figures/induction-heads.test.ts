/**
 * The induction figure's build-time data hold the guard on the default data's design: with a fixed offset, the
 * one-layer control solves the repeat by a shortcut. The runs are the lab's (data.test.ts checks data.json was
 * computed by today's lab), so the guard is checked here without training again.
 */
import { expect, test } from 'vitest';
import figure from '../../../src/figures/induction-heads/figure.ts';

const { fixedOffsetControlSeeds: fixed, controlSeeds: varying, settings } = figure.data;

test('fixed offset: over several seeds a one-layer model predicts the second copy almost perfectly, unlike with a varying offset', () => {
  expect(fixed.runs).toBeGreaterThanOrEqual(3);
  expect(fixed.repeatedPart.max).toBeLessThan(0.3);
  expect(varying.repeatedPart.min - fixed.repeatedPart.max).toBeGreaterThan(1);
});

test('fixed offset: its heads attend where an induction head would, yet without a previous-token head none is named', () => {
  expect(fixed.inductionScore.min).toBeGreaterThan(0.5);
  expect(fixed.inductionScore.min).toBeGreaterThan(settings.inductionThreshold);
  expect(fixed.withInductionHead).toBe(0);
  expect(varying.inductionScore.max).toBeLessThan(settings.inductionThreshold);
});

test('even attention scores well below both naming thresholds', () => {
  expect(settings.uniformAttentionScores.previousToken).toBeLessThan(settings.previousTokenThreshold / 1.5);
  expect(settings.uniformAttentionScores.induction).toBeLessThan(settings.inductionThreshold / 2);
});
