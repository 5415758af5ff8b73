import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.env.SITE_OUT_DIR ?? 'dist';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

test('built pages have no inline handlers and every inline script is hashed in their CSP', () => {
  const files = htmlFiles(outDir);
  expect(files.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
    if (!csp) {
      if (!/http-equiv="refresh"/i.test(html)) problems.push(`${file}: no CSP meta`);
      continue;
    }
    if (/script-src[^;]*'unsafe-inline'/.test(csp)) problems.push(`${file}: script-src allows 'unsafe-inline'`);
    if (/style-src [^;]*'unsafe-inline'/.test(csp)) problems.push(`${file}: style-src allows 'unsafe-inline' for stylesheets`);
    for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)) problems.push(`${file}: inline handler ${m[1]}`);
    if (/href\s*=\s*"javascript:/i.test(html)) problems.push(`${file}: javascript: URL`);
    for (const m of html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (/type="application\/(ld\+)?json"/.test(m[1] ?? '')) continue;
      const hash = `sha256-${createHash('sha256').update(m[2] ?? '').digest('base64')}`;
      if (!csp.includes(`'${hash}'`)) problems.push(`${file}: inline script not hashed (${(m[2] ?? '').slice(0, 40)}…)`);
    }
    // The meta CSP is only enforced for what comes after it: nothing executable may precede it.
    const head = html.slice(0, html.indexOf('http-equiv="content-security-policy"'));
    if (/<script/i.test(head)) problems.push(`${file}: a script comes before the CSP meta`);
  }
  expect(problems).toEqual([]);
});

test('a page loads under its CSP without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ['', 'articles/overview/', 'search/', 'glossary/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});
