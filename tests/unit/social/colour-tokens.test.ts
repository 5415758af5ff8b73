import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colourTokens } from '../../../src/lib/social/colour-tokens.ts';

const css = `
@layer tokens {
  :root {
    /* a comment: --not-a-token: red; */
    --oi-blue: #0072b2;
    --color-bg: light-dark(#fdfcf9, #15171a);
    --color-note: var(--oi-blue);
    --color-alias: var(--color-bg);
    --shadow-colour: light-dark(rgb(0 0 0 / 0.14), rgb(0 0 0 / 0.5));
  }
}`;

describe('colourTokens', () => {
  it('resolves light-dark() to the theme asked for, through var() references', () => {
    expect(colourTokens(css, 'light')).toMatchObject({ '--color-bg': '#fdfcf9', '--color-note': '#0072b2', '--color-alias': '#fdfcf9' });
    expect(colourTokens(css, 'dark')).toMatchObject({ '--color-bg': '#15171a', '--color-alias': '#15171a' });
  });

  it('splits light-dark() at its own comma, not one inside rgb()', () => {
    expect(colourTokens(css, 'dark')['--shadow-colour']).toBe('rgb(0 0 0 / 0.5)');
  });

  it('ignores declarations in comments and fails on references it cannot resolve', () => {
    expect(colourTokens(css)).not.toHaveProperty('--not-a-token');
    expect(() => colourTokens(':root { --a: var(--b); }')).toThrow(/--b/);
    expect(() => colourTokens(':root { --a: var(--a); }')).toThrow(/--a → --a/);
  });

  it('reads the site stylesheet: every colour the cards use is a hex colour', () => {
    const tokens = colourTokens(readFileSync('src/styles/tokens.css', 'utf8'));
    for (const name of ['--color-bg', '--color-text', '--color-muted', '--color-accent', '--oi-orange', '--oi-purple']) {
      expect(tokens[name], name).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
});
