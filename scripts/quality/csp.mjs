// Content-Security-Policy checks on a page's HTML (meta policy) and response headers. Pure.
import { readPage } from './html.mjs';

/** @typedef {Map<string, string[]>} Policy  directive (lower case) → its sources */

/**
 * "default-src 'self'; script-src 'self' 'sha256-…'" → Map(directive → [sources]) (first wins).
 * @param {string} text
 * @returns {Policy}
 */
export function parseCsp(text) {
  /** @type {Policy} */
  const policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!policy.has(key)) policy.set(key, sources);
  }
  return policy;
}

/** @type {Record<string, string[]>} Each directive's fallbacks, in order. */
const fallbacks = {
  'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
  'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
  'script-src': ['script-src', 'default-src'],
  'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
  'style-src': ['style-src', 'default-src'],
};

/**
 * The sources that govern scripts of a kind: script-src-elem/attr fall back to script-src, then default-src.
 * @param {Policy} policy
 * @param {string} directive
 */
export function effectiveSources(policy, directive) {
  const chain = fallbacks[directive] ?? [directive, 'default-src'];
  for (const d of chain) {
    const sources = policy.get(d);
    if (sources) return sources;
  }
  return undefined;
}

/**
 * Problems with a page's policy. `headerPolicies` are Content-Security-Policy response headers (both meta
 * and headers are enforced together).
 * @param {string} html
 * @param {string[]} [headerPolicies]
 */
export function cspProblems(html, headerPolicies = []) {
  const page = readPage(html);
  const problems = [];
  const firstMeta = page.cspMeta[0];
  const policies = [...page.cspMeta.map((m) => m.content), ...headerPolicies];
  if (policies.length === 0) return ['no Content-Security-Policy (neither <meta http-equiv> nor header)'];
  if (firstMeta && firstMeta.index > page.headEnd && page.headEnd !== -1) problems.push('the CSP <meta> is outside <head>, where browsers ignore it');
  let scriptsGoverned = false;
  for (const text of policies) {
    const policy = parseCsp(text);
    for (const directive of ['script-src', 'script-src-elem', 'script-src-attr']) {
      const sources = directive === 'script-src' ? effectiveSources(policy, directive) : policy.get(directive);
      if (!sources) continue;
      scriptsGoverned = true;
      if (sources.some((s) => s.toLowerCase() === "'unsafe-inline'")) problems.push(`${directive} allows 'unsafe-inline'`);
      if (sources.some((s) => s.toLowerCase() === "'unsafe-eval'")) problems.push(`${directive} allows 'unsafe-eval'`);
      if (sources.some((s) => s === '*' || /^(https?:|data:)$/i.test(s))) problems.push(`${directive} allows any host (${sources.filter((s) => s === '*' || /^(https?:|data:)$/i.test(s)).join(' ')})`);
    }
  }
  if (!scriptsGoverned) problems.push('the policy has neither script-src nor default-src, so scripts are unrestricted');
  // A meta policy applies only from where it appears: a script above it escapes the policy.
  if (firstMeta && headerPolicies.length === 0) {
    const at = firstMeta.index;
    const early = page.scripts.filter((s) => s.index < at);
    if (early.length) problems.push(`${early.length} script(s) come before the CSP <meta> and are not checked by it`);
  }
  return problems;
}
