// A static file server for dist/ under the site's base path, honouring a Netlify/Cloudflare-style
// `_headers` file when there is one. Used by the browser and Lighthouse passes (no astro preview needed).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml', '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream',
};

const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

/** @typedef {{ pattern: string, set: [name: string, value: string][], unset: string[] }} HeaderRule  header names in lower case */

/**
 * Parses `_headers`: blocks of a path pattern followed by indented "Name: value" or "! Name" lines.
 * @param {string} text
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text) {
  /** @type {HeaderRule[]} */
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const current = rules.at(-1);
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), set: [], unset: [] });
    else if (current) {
      const t = line.trim();
      if (t.startsWith('!')) current.unset.push(t.slice(1).trim().toLowerCase());
      else {
        const i = t.indexOf(':');
        if (i > 0) current.set.push([t.slice(0, i).trim().toLowerCase(), t.slice(i + 1).trim()]);
      }
    }
  }
  return rules;
}

/**
 * @param {HeaderRule[]} rules
 * @param {string} path  request path, base included
 * @returns {Record<string, string>}
 */
export function headersFor(rules, path) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const rule of rules) {
    const re = new RegExp(`^${rule.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:\w+/g, '[^/]+')}$`);
    if (!re.test(path)) continue;
    for (const name of rule.unset) delete headers[name];
    for (const [name, value] of rule.set) headers[name] = value;
  }
  return headers;
}

/**
 * Starts the server; resolves to { origin, close, url(path) }. Port 0 picks a free one.
 * @param {string} dist
 * @param {{ base?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ origin: string, url: (path: string) => string, close: () => Promise<void> }>}
 */
export function serve(dist, { base = '/', port = 0, host = '127.0.0.1' } = {}) {
  const headerRules = existsSync(join(dist, '_headers')) ? parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    /**
     * @param {number} status
     * @param {string | null} file  absolute path, or null for a plain "Not found"
     */
    const send = (status, file) => {
      const raw = file ? readFileSync(file) : Buffer.from('Not found');
      const type = file ? (types[extname(file)] ?? 'application/octet-stream') : 'text/plain';
      // Compress text as every static host does, so transfer sizes and Lighthouse timings match a deployment.
      const gzip = compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? gzipSync(raw) : raw;
      res.writeHead(status, {
        'content-type': type,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headersFor(headerRules, path),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (!path.startsWith(base)) {
      if (`${path}/` === base) { res.writeHead(301, { location: base }); return res.end(); }
      return send(404, existsSync(join(dist, '404.html')) ? join(dist, '404.html') : null);
    }
    const rel = normalize(path.slice(base.length)).replace(/^(\.\.(\/|\\|$))+/, '');
    let file = join(dist, rel);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) { res.writeHead(301, { location: `${path}/${url.search}` }); return res.end(); }
      file = join(file, 'index.html');
    }
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    return send(404, existsSync(join(dist, '404.html')) ? join(dist, '404.html') : null);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const origin = `http://${host}:${listeningPort(server)}`;
      resolve({ origin, url: (p) => `${origin}${p}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/**
 * The TCP port a listening server is bound to.
 * @param {import('node:net').Server} server
 */
export function listeningPort(server) {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`server is not listening on a TCP port (${address})`);
  return address.port;
}
