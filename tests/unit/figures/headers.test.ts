/** The generated _headers: every page refuses framing by other sites except the embed pages, at any base path. */
import { expect, test } from 'vitest';
import { headersFile } from '../../../src/lib/deploy/headers-file.ts';
import { headersFor, parseHeadersFile } from '../../../scripts/quality/server.mjs';

for (const base of ['/', '/explainer/']) {
  const rules = parseHeadersFile(headersFile(base));

  test(`${base}: pages may be framed by the site only`, () => {
    expect(headersFor(rules, `${base}articles/overview/`)['content-security-policy']).toBe("frame-ancestors 'self'");
  });

  test(`${base}: embed pages drop the inherited policy and may be framed by anyone`, () => {
    const embed = headersFor(rules, `${base}embed/superposition-explorer/`);
    expect(embed['content-security-policy']).toBe('frame-ancestors *');
    expect(embed['x-content-type-options']).toBe('nosniff');
  });
}

test('a sub-path build names no root-level embed path', () => {
  expect(headersFile('/explainer/')).not.toMatch(/^\/embed\//m);
});
