import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimCspHashes } from '../../../src/lib/deploy/csp-per-page.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (policy: string, body: string) => `<html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)?.[1];

describe('a page CSP lists only the hashes of what the page has', () => {
  const script = 'document.documentElement.classList.add("js")';
  const style = 'p{color:red}';
  const body = `<script>${script}</script><script type="module" src="/a.js"></script><style>${style}</style>`;
  const policy = `default-src 'self'; script-src 'self' ${hash(script)} ${hash('other()')}; style-src 'self' ${hash(style)} ${hash('q{}')}; style-src-attr 'unsafe-inline'`;

  it("keeps the page's own hashes and every other source, drops the rest", () => {
    expect(policyOf(trimCspHashes(page(policy, body)))).toBe(`default-src 'self'; script-src 'self' ${hash(script)}; style-src 'self' ${hash(style)}; style-src-attr 'unsafe-inline'`);
  });

  it('never adds a hash: an inline script the build did not hash still breaks the policy', () => {
    const unhashed = page(`script-src 'self' ${hash('x()')}`, '<script>y()</script>');
    expect(policyOf(trimCspHashes(unhashed))).toBe("script-src 'self'");
  });

  it('leaves a page without a CSP meta as it is', () => {
    expect(trimCspHashes('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});
