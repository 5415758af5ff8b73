/** public/_headers: every page refuses framing by other sites except /embed/*, which anyone may frame. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

function rules(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) map.set(line.trim(), (current = []));
    else current?.push(line.trim());
  }
  return map;
}

const headers = rules(readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8'));

test('all pages: frame-ancestors self', () => {
  expect(headers.get('/*')).toContain("Content-Security-Policy: frame-ancestors 'self'");
});

test('embed pages: the inherited policy is removed and any origin may frame', () => {
  const embed = headers.get('/embed/*') ?? [];
  expect(embed).toContain('! Content-Security-Policy');
  expect(embed.filter((h) => h.startsWith('Content-Security-Policy:'))).toEqual(['Content-Security-Policy: frame-ancestors *']);
});
