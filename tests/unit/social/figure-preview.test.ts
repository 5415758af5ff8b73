import { describe, expect, it } from 'vitest';
import { figures } from '../../../src/figures/registry.ts';
import { renderFigure } from '../../../src/figures/server-render.ts';
import { figureCss, figureSvgRules, previewDrawing } from '../../../src/lib/social/figure-preview.ts';
import { flattenCss, selectorClasses, selectorTypes } from '../../../src/lib/social/figure-styles.ts';

/**
 * Which drawing each figure's link preview shows (the class of its <svg>), or null for a title card: decided
 * per figure, so a change to a figure that alters its preview is seen here. The superposition explorer's
 * arrows mix their colour with color-mix() from a value set inline, which resvg cannot draw, so its preview
 * shows its second drawing, the overlap heat map.
 */
const SHOWN: Record<string, string | null> = {
  'activation-patching': 'fig-heatmap',
  'attribution-graph': 'fig-graph',
  'feature-steering': 'fs-chart',
  'induction-heads': 'ih-chart',
  'monitor-pressure': 'mp-curves mp-curves--wide',
  'parameters-vs-activations': 'pva-plane',
  'persona-shift': 'ps-bars',
  'sae-dictionary': 'sd-matrix',
  'sae-frontier': 'sf-plot',
  'superposition-explorer': 'fig-heatmap',
};
const PAINT = new Set(['fill', 'stroke', 'color']);
const COLOUR = /^(#[0-9a-f]{3}([0-9a-f]{3})?|none|currentColor|transparent)$/i;

describe('figure drawings in link previews', () => {
  it('has a decision for every figure, and every figure shows a drawing (the preview alt text names the figure)', () => {
    expect(Object.keys(SHOWN).sort()).toEqual(figures.map((f) => f.id));
    expect(Object.entries(SHOWN).filter(([, shown]) => shown === null)).toEqual([]);
  });

  for (const { id } of figures) {
    it(`${id}: its drawing carries resolved colours only`, async () => {
      const drawing = await previewDrawing(id);
      expect(drawing && /^<style>[^<]*<\/style>(?:<g class="[^"]*">)*<svg[^>]*?\sclass="([^"]*)"/.exec(drawing.markup)?.[1], 'the drawing shown').toBe(SHOWN[id]);
      if (!drawing) return;
      expect(drawing.markup).not.toContain('var(');
      const style = /<style>([^<]*)<\/style>/.exec(drawing.markup)?.[1] ?? '';
      const embedded = flattenCss(style);
      for (const { selector, declarations } of embedded) {
        for (const [property, value] of declarations) if (PAINT.has(property)) expect(value, `${selector} ${property}`).toMatch(COLOUR);
      }
      // Every rule of the figure's stylesheets that may colour this drawing (its classes and element names are in
      // it or around it; interaction states aside) is embedded, with a colour resvg draws.
      const classes = new Set([...drawing.markup.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => (m[1] as string).split(/\s+/)));
      const names = new Set([...drawing.markup.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1] as string));
      const embeddedSelectors = new Set(embedded.map((r) => r.selector));
      let coloured = 0;
      for (const rule of flattenCss(figureCss(id))) {
        const colours = rule.declarations.some(([p]) => PAINT.has(p));
        const mayApply = selectorClasses(rule.selector).every((c) => classes.has(c)) && selectorTypes(rule.selector).every((n) => names.has(n));
        if (!colours || !mayApply || /:(hover|focus)/.test(rule.selector)) continue;
        expect(embeddedSelectors, rule.selector).toContain(rule.selector);
        coloured++;
      }
      expect(coloured, 'rules that colour the drawing').toBeGreaterThan(0);
    });
  }

  it('passes over the superposition arrows, whose colour resvg cannot draw', () => {
    expect(renderFigure('superposition-explorer')).toContain('class="sx-plane"');
    expect(figureSvgRules('superposition-explorer').find((r) => r.selector === '.sx-arrow line')?.unresolved).toEqual(['stroke: var(--sx-colour)']);
  });
});
