/**
 * Every registered figure, server-rendered at its defaults with preact-render-to-string (as Astro does at
 * build time): the SVG snapshot, and checks on meaning that hold for any figure — the text alternative is
 * present with every row of its table and says it shows the default settings, the controls are labelled,
 * and the figure is complete without JavaScript.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { figureAnchor, figureFolders, islandFileName } from '../../../src/figures/contract.ts';
import { figures } from '../../../src/figures/registry.ts';
import { defaultValues } from '../../../src/lib/url-state.ts';
import { decode, renderFigure } from './render.ts';
import { expectSnapshotFile, prettyHtml } from './snapshot.ts';

const figuresDir = fileURLToPath(new URL('../../../src/figures/', import.meta.url));

test('the registry (a Vite glob) holds exactly figureFolders(), the rule the authoring checks and scripts use', () => {
  expect(figures.map((f) => f.id)).toEqual(figureFolders());
  expect(figures.length).toBeGreaterThan(0);
});

describe.each(figures.map((f) => [f.id, f] as const))('%s', (id, figure) => {
  test('has the files of the contract', () => {
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const file of ['figure.ts', 'Island.astro', `${islandFileName(id)}.tsx`]) expect(existsSync(`${figuresDir}${id}/${file}`), file).toBe(true);
    expect(figure.title.length).toBeGreaterThan(3);
    expect(figure.credit.licenceUrl).toMatch(/^https:\/\//);
    expect(figure.embedHeight).toBeGreaterThan(100);
  });

  test('server render at the defaults matches its snapshot', () => {
    expectSnapshotFile(id, prettyHtml(renderFigure(id)));
  });

  test('the server render carries the text alternative for the default settings', () => {
    const html = renderFigure(id);
    const alternative = figure.describe(defaultValues(figure.params), figure.data);
    expect(html).toContain('<details class="fig__alt">');
    expect(decode(html)).toContain('default settings');
    expect(decode(html)).toContain(alternative.summary);
    const body = /<details class="fig__alt">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    expect(body.match(/<tr>/g)).toHaveLength(alternative.table.rows.length);
    for (const row of alternative.table.rows) expect(decode(body)).toContain(row[0]!);
    expect(alternative.table.rows.every((row) => row.length === alternative.table.columns.length)).toBe(true);
  });

  test('controls are labelled and disabled until hydration; nothing is injected', () => {
    const html = renderFigure(id);
    const inputs = [...html.matchAll(/<(?:input|select)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(inputs.length).toBeGreaterThan(0);
    for (const inputId of inputs) expect(html).toContain(`for="${inputId}"`);
    expect(html).not.toMatch(/<input(?![^>]*disabled)[^>]*>/);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]+"/);
  });

  test('two copies on one page have distinct element ids', () => {
    const ids = (html: string) => [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    const first = ids(renderFigure(id, figureAnchor(id)));
    const second = ids(renderFigure(id, figureAnchor(id, 2)));
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
  });
});

test('figureAnchor numbers second and later copies; figureFolders reads any figures folder', () => {
  expect([figureAnchor('a-b'), figureAnchor('a-b', 1), figureAnchor('a-b', 3)]).toEqual(['fig-a-b', 'fig-a-b', 'fig-a-b-3']);
  expect(figureFolders(figuresDir)).toEqual(figureFolders());
  expect(figureFolders(`${figuresDir}does-not-exist/`)).toEqual([]);
  expect(figureFolders()).not.toContain('shared');
});
