import { describe, expect, test } from 'vitest';
import { classroomLink, classroomStateProblems, classroomViews } from '../../../src/lib/reading/classroom.ts';
import { parseMdxBody } from '../../../src/lib/content/site-index.ts';
import { teachingMaterial } from '../../../src/lib/reading/teaching-material.ts';
import { choiceParam, numberParam, toggleParam } from '../../../src/lib/url-state.ts';

const decls = {
  sparsity: numberParam({ label: 'Sparsity S', description: 'd', default: 0.5, min: 0, max: 0.99, step: 0.01 }),
  linear: toggleParam({ label: 'Linear', description: 'd', default: false }),
  pin: choiceParam({ label: 'Pin', description: 'd', default: 'a', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }),
};

describe('classroom figure states are checked with the figure codec', () => {
  test('a valid state has no problems', () => {
    expect(classroomStateProblems('sparsity=0.9&linear=1&pin=b', decls)).toEqual([]);
  });

  test('unknown settings, bad values, repeats and empty states are refused', () => {
    expect(classroomStateProblems('sparsty=0.9', decls)).toEqual(['"sparsty" is not a setting of this figure (settings: sparsity, linear, pin)']);
    expect(classroomStateProblems('sparsity=2', decls)).toEqual(['sparsity: 2 is outside 0 to 0.99']);
    expect(classroomStateProblems('linear=yes', decls)).toEqual(['linear: "yes" is not 1 or 0']);
    expect(classroomStateProblems('pin=a&pin=b', decls)).toEqual(['"pin" appears more than once']);
    expect(classroomStateProblems('', decls)).toEqual(['the state sets no parameter']);
  });

  test('the link prefixes each setting with the figure anchor and scrolls to it', () => {
    expect(classroomLink('/explainer/', 'superposition', 'fig-superposition-explorer', 'sparsity=0.9&linear=1')).toBe(
      '/explainer/articles/superposition/?fig-superposition-explorer.sparsity=0.9&fig-superposition-explorer.linear=1#fig-superposition-explorer',
    );
  });
});

describe('teaching material is read from the article body', () => {
  test('questions in order and discussion prompts as plain text', () => {
    const body = [
      'Intro with <Term id="feature">a term</Term>.',
      '',
      '<Question q="First question?">',
      '',
      'Answer.',
      '',
      '</Question>',
      '',
      '<Question q="Second question?">Answer.</Question>',
      '',
      '<DiscussionPrompts>',
      '',
      '- Is a *neuron* a feature?',
      '- Who decides?',
      '',
      '</DiscussionPrompts>',
    ].join('\n');
    expect(teachingMaterial(parseMdxBody(body))).toEqual({ questions: ['First question?', 'Second question?'], discussion: ['Is a neuron a feature?', 'Who decides?'] });
  });

  test('an article without them has none', () => {
    expect(teachingMaterial(parseMdxBody('Just text.'))).toEqual({ questions: [], discussion: [] });
  });
});

describe('classroom views fail the build on a bad state', () => {
  const article = { file: 'content/articles/superposition.mdx', slug: 'superposition', body: 'Text.\n\n<Figure id="superposition-explorer">Caption.</Figure>\n' };

  test('a valid state becomes a link named after the figure', () => {
    const views = classroomViews({ ...article, classroom: [{ figure: 'superposition-explorer', state: 'sparsity=0.9', note: 'Sparse features.' }] }, '/');
    expect(views).toEqual([{ href: '/articles/superposition/?fig-superposition-explorer.sparsity=0.9#fig-superposition-explorer', figureTitle: 'Superposition explorer', note: 'Sparse features.' }]);
  });

  test('a value the figure refuses names the file, the state and the reason', () => {
    expect(() => classroomViews({ ...article, classroom: [{ figure: 'superposition-explorer', state: 'sparsity=1.5', note: 'Too sparse.' }] }, '/')).toThrow(
      'content/articles/superposition.mdx: classroom state (figure: superposition-explorer, state: "sparsity=1.5"): sparsity: 1.5 is outside 0 to 0.99',
    );
  });

  test('a figure the article does not show', () => {
    expect(() => classroomViews({ ...article, classroom: [{ figure: 'parameters-vs-activations', state: 'pin=none', note: 'Elsewhere.' }] }, '/')).toThrow(/shows no <Figure id="parameters-vs-activations">/);
  });
});
