import { describe, expect, test } from 'vitest';
import { compileArticle, frontmatter } from './helpers.ts';
import { formatLabValue, labValueProblem, valueAtPath } from '../../../src/lib/content/lab-values.ts';

const data = { model: { params: { restarts: 3 }, finalLoss: 0.0256788, norms: [1.10113, -0.5], label: 'relu' } };

describe('LabValue reads a number from a figure\'s lab data', () => {
  test('paths go through objects and array indices', () => {
    expect(valueAtPath(data, 'model.params.restarts')).toBe(3);
    expect(valueAtPath(data, 'model.norms.1')).toBe(-0.5);
    expect(valueAtPath(data, 'model.missing')).toBeUndefined();
    expect(valueAtPath(data, 'model.norms.length')).toBeUndefined();
  });

  test('formats with d3-format, a typographic minus and a no-break space before the unit', () => {
    expect(formatLabValue(0.0256788, { format: '.3f' })).toBe('0.026');
    expect(formatLabValue(3, { format: 'd', unit: 'times' })).toBe('3\u00a0times');
    expect(formatLabValue(0.9, { format: '.0%' })).toBe('90%');
    expect(formatLabValue(-0.5, { format: '.1f' })).toBe('−0.5');
    expect(formatLabValue(0.9, {})).toBe('0.9');
  });

  test('says what is wrong with a request', () => {
    expect(labValueProblem({ figure: 'f', path: 'model.finalLoss' }, data)).toBeUndefined();
    expect(labValueProblem({ figure: 'f', path: 'x' }, undefined)).toMatch(/no lab data for figure "f"/);
    expect(labValueProblem({ figure: 'f', path: 'model.nope' }, data)).toBe('no value at "model.nope" in src/figures/f/data.json');
    expect(labValueProblem({ figure: 'f', path: 'model.label' }, data)).toMatch(/is not a number/);
    expect(labValueProblem({ figure: 'f', path: 'model.finalLoss', format: 'zz' }, data)).toMatch(/not a d3-format specifier/);
  });
});

describe('a LabValue that points nowhere fails the build with file:line:column', () => {
  test('unknown figure', async () => {
    const source = `${frontmatter()}\nThe loss was <LabValue figure="no-such-figure" path="model.finalLoss" />.\n`;
    await expect(compileArticle(source)).rejects.toThrow(
      /fixture\.mdx:14:14: Unknown lab value — no lab data for figure "no-such-figure" — src\/figures\/no-such-figure\/data\.json does not exist \(found: no-such-figure:model\.finalLoss\)/,
    );
  });

  test('unknown path', async () => {
    const source = `${frontmatter()}\nThe loss was <LabValue figure="demo-figure" path="model.los" format=".3f" />.\n`;
    await expect(compileArticle(source)).rejects.toThrow(/fixture\.mdx:14:14: Unknown lab value — no value at "model\.los" in src\/figures\/demo-figure\/data\.json/);
  });

  test('missing attributes', async () => {
    await expect(compileArticle(`${frontmatter()}\nA <LabValue figure="demo-figure" />.\n`)).rejects.toThrow(/fixture\.mdx:14:3: <LabValue> needs figure="…" and path="…" attributes/);
  });

  test('a valid one compiles', async () => {
    const code = await compileArticle(`${frontmatter()}\nTrained <LabValue figure="demo-figure" path="model.params.restarts" format="d" unit="times" />.\n`);
    expect(code).toContain('path: "model.params.restarts"');
  });
});
