import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/**
 * A page's CSP with only the hashes of the inline scripts and styles the page itself has. Astro writes every hash
 * of the build into every page (about 1 KB gzip of incompressible text on each); a hash that matches nothing on
 * the page allows nothing it needs. Other sources ('self', 'unsafe-inline' for attributes) stay as they are.
 */
export function trimCspHashes(html: string): string {
  const match = CSP_META.exec(html);
  if (!match) return html;
  const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => sha256(m[1] ?? ''));
  const used: Record<string, Set<string>> = { 'script-src': new Set(inline('script')), 'style-src': new Set(inline('style')) };
  const policy = (match[2] ?? '')
    .split(';')
    .map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      const keep = used[name];
      if (!keep) return directive;
      const lead = /^\s*/.exec(directive)?.[0] ?? '';
      return lead + [name, ...sources.filter((s) => !s.startsWith("'sha256-") || keep.has(s))].join(' ');
    })
    .join(';');
  return html.replace(CSP_META, (_, open: string, _policy: string, close: string) => `${open}${policy}${close}`);
}

/** Trims the CSP of every HTML page under `dir` (a finished build). */
export async function trimCspHashesInBuild(dir: string): Promise<void> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'));
  await Promise.all(
    files.map(async (f) => {
      const path = join(dir, f);
      const html = await readFile(path, 'utf8');
      const trimmed = trimCspHashes(html);
      if (trimmed !== html) await writeFile(path, trimmed);
    }),
  );
}
