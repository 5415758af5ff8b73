import { describe, expect, it } from 'vitest';
import { flattenCss, styleText, svgRules } from '../../../src/lib/social/figure-styles.ts';

const tokens = { '--color-text': '#1d1f21', '--color-accent': '#005a8c' };
const css = `
@import '../../styles/layers.css';
@layer components {
  .fig {
    --fig-ink: var(--color-text, light-dark(#000000, #ffffff));
    --fig-positive: var(--color-positive, light-dark(#b34700, #f0a35e));
    color: var(--fig-ink);
    display: grid;
  }
  /* a comment { with braces } */
  .fig svg text, .fig svg .label { fill: currentColor; font-size: 12px; }
  .fig__legend { font-size: 0.85rem; stroke: var(--fig-ink); }
  .bar { fill: var(--fig-positive); stroke: var(--missing); }
  .mix { fill: color-mix(in oklab, var(--fig-ink) 50%, white); }
  .fs path:first-child { fill: none; }
  .fs path:not(.x) { fill: none; }
  .fig button:hover, .fig :focus-visible { stroke: red; }
  @container (max-width: 30rem) { .fig svg text { font-size: 20px; } }
  @media print { .bar { display: none; } }
  .outer { .inner { fill: var(--color-accent); } }
}`;

describe('flattenCss', () => {
  it('unwraps layers, joins nesting, splits selector lists and leaves other at-rule blocks out', () => {
    const selectors = flattenCss(css).map((r) => r.selector);
    expect(selectors).toContain('.fig svg .label');
    expect(selectors).toContain('.outer .inner');
    expect(flattenCss(css).filter((r) => r.selector === '.fig svg text')).toEqual([
      { selector: '.fig svg text', declarations: [['fill', 'currentColor'], ['font-size', '12px']] },
    ]);
    expect(selectors).not.toContain('.bar .bar');
  });
});

describe('svgRules', () => {
  const rules = svgRules(css, tokens);
  const rule = (selector: string) => rules.find((r) => r.selector === selector);

  it('resolves var() through the stylesheet and the tokens, fallbacks and light-dark() to the light theme', () => {
    expect(rule('.fig')).toEqual({ selector: '.fig', declarations: [['color', '#1d1f21']], unresolved: [] });
    expect(rule('.outer .inner')?.declarations).toEqual([['fill', '#005a8c']]);
    expect(rule('.bar')?.declarations).toEqual([['fill', '#b34700']]);
  });

  it('keeps SVG properties in pixels only, and leaves interaction states out', () => {
    expect(rule('.fig__legend')?.declarations).toEqual([['stroke', '#1d1f21']]);
    expect(rules.some((r) => r.selector.includes('hover') || r.selector.includes('focus'))).toBe(false);
    expect(rule('.fs path:first-child')?.unresolved).toEqual([]);
  });

  it('reports what resvg could not draw as a browser does: unset properties, color-mix(), unsupported selectors', () => {
    expect(rule('.bar')?.unresolved).toEqual(['stroke: var(--missing)']);
    expect(rule('.mix')?.unresolved).toEqual(['fill: color-mix(in oklab, var(--fig-ink) 50%, white)']);
    expect(rule('.fs path:not(.x)')?.unresolved).toEqual(['selector .fs path:not(.x)']);
  });

  it('writes the rules as a stylesheet', () => {
    expect(styleText([rule('.outer .inner')!])).toBe('.outer .inner{fill:#005a8c}');
  });
});
