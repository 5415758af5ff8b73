import { describe, expect, it } from 'vitest';
import { figureDrawing } from '../../../src/lib/social/figure-drawing.ts';
import { svgRules } from '../../../src/lib/social/figure-styles.ts';

const css = `
.fig svg text { fill: #111111; }
.a-mark { fill: color-mix(in oklab, #000000 50%, #ffffff); }
.b-mark { fill: #e69f00; }
.fig button { stroke: red; }`;
const rules = svgRules(css, {});
const drawing = (cls: string, label: string) =>
  `<svg class="${cls}" viewBox="0 0 200 100" role="img" aria-label="${label}"><rect class="${cls}-mark" width="10" height="10"/><text>x &gt; 1</text></svg>`;
const html = (...drawings: string[]) =>
  `<div class="fig demo"><svg viewBox="0 0 8 8" aria-hidden="true"><circle r="2"></circle></svg><div class="stage"><input type="range"><br>${drawings.join('')}</div><button>Train</button></div>`;

describe('figureDrawing', () => {
  it('takes the first drawing (svg role="img"), inside groups with the classes of the elements around it', () => {
    const result = figureDrawing(html(drawing('b', 'Bars &amp; more')), rules);
    expect(result).toMatchObject({ width: 200, height: 100, label: 'Bars & more' });
    expect(result?.markup).toMatch(/^<style>[^<]*<\/style><g class="fig demo"><g class="stage"><svg class="b"[\s\S]*<\/svg><\/g><\/g>$/);
  });

  it('embeds only the rules whose classes are on or around the drawing', () => {
    const style = /<style>(.*)<\/style>/.exec(figureDrawing(html(drawing('b', 'B')), rules)?.markup ?? '')?.[1];
    expect(style).toBe('.fig svg text{fill:#111111}.b-mark{fill:#e69f00}');
  });

  it('passes over a drawing that a rule resvg cannot draw applies to, or that sets var() inline', () => {
    expect(figureDrawing(html(drawing('a', 'A'), drawing('b', 'B')), rules)?.label).toBe('B');
    const inline = drawing('b', 'B').replace('<rect', '<rect style="--x:1;fill:var(--x)"');
    expect(figureDrawing(html(inline), rules)).toBeUndefined();
    expect(figureDrawing(html(drawing('a', 'A')), rules)).toBeUndefined();
  });
});
