// A small, dependency-free HTML tag scanner: enough to read what Astro writes (scripts, stylesheets,
// islands, meta tags) without a DOM. Pure: strings in, plain objects out.

const rawTextElements = new Set(['script', 'style', 'textarea', 'title']);

/** @type {Record<string, string>} */
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' };

/**
 * Decodes the few character references Astro writes inside attribute values.
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (/** @type {string} */ whole, /** @type {string} */ name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return entities[lower] ?? whole;
  });
}

const attributePattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** @typedef {Record<string, string | undefined>} Attributes  attribute name (lower case) → decoded value */
/** @typedef {{ name: string, attrs: Attributes, index: number, content?: string }} Tag */

/**
 * @param {string} text
 * @returns {Attributes}
 */
export function parseAttributes(text) {
  /** @type {Attributes} */
  const attrs = {};
  for (const m of text.matchAll(attributePattern)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name in attrs) continue; // the first occurrence wins, as in browsers
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * Every start tag in document order: { name, attrs, index, content? }. Elements whose content is raw
 * text (script, style, …) carry it in `content`. Comments are skipped.
 * @param {string} html
 */
export function scanTags(html) {
  /** @type {Tag[]} */
  const tags = [];
  const tagPattern = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!doctype[^>]*>|<([a-zA-Z][\w:-]*)((?:\s+(?:[^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
  let m;
  while ((m = tagPattern.exec(html))) {
    if (!m[1]) continue;
    const name = m[1].toLowerCase();
    /** @type {Tag} */
    const tag = { name, attrs: parseAttributes(m[2] ?? ''), index: m.index };
    if (rawTextElements.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, tagPattern.lastIndex);
      const end = close === -1 ? html.length : close;
      tag.content = html.slice(tagPattern.lastIndex, end);
      tagPattern.lastIndex = end;
    }
    tags.push(tag);
  }
  return tags;
}

/**
 * Script types that browsers run as JavaScript.
 * @param {Attributes} attrs
 */
export function isJavaScript(attrs) {
  const type = (attrs.type ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}

/**
 * What a page declares: stylesheets, scripts, islands, meta policies, robots, equations.
 * @param {string} html
 */
export function readPage(html) {
  const tags = scanTags(html);
  /** @type {{ stylesheets: {href: string, index: number}[], inlineStyles: {content: string, index: number}[],
   *   scripts: {src?: string, inline?: string, module: boolean, index: number}[],
   *   islands: {uid: string, componentUrl: string, rendererUrl: string, beforeHydrationUrl: string, client: string, name: string, index: number}[],
   *   cspMeta: {content: string, index: number}[], robots: string[], headEnd: number, hasEquations: boolean,
   *   preloads: {href: string, as: string, rel: string}[] }} */
  const out = {
    stylesheets: [],
    inlineStyles: [],
    scripts: [], // { src?, module, inline?: string, index }
    islands: [], // { componentUrl, rendererUrl, beforeHydrationUrl, client, name, uid }
    cspMeta: [], // { content, index }
    robots: [],
    headEnd: html.search(/<\/head\s*>/i),
    hasEquations: false,
    preloads: [],
  };
  for (const tag of tags) {
    const a = tag.attrs;
    switch (tag.name) {
      case 'link': {
        const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('stylesheet') && a.href) out.stylesheets.push({ href: a.href, index: tag.index });
        if ((rel.includes('modulepreload') || rel.includes('preload')) && a.href) out.preloads.push({ href: a.href, as: a.as ?? '', rel: rel.join(' ') });
        break;
      }
      case 'style':
        out.inlineStyles.push({ content: tag.content ?? '', index: tag.index });
        break;
      case 'script':
        if (!isJavaScript(a)) break;
        out.scripts.push({
          ...(a.src ? { src: a.src } : { inline: tag.content ?? '' }),
          module: (a.type ?? '').toLowerCase() === 'module',
          index: tag.index,
        });
        break;
      case 'astro-island': {
        let name = '';
        try {
          name = JSON.parse(a.opts ?? '{}').name ?? '';
        } catch {
          /* keep the empty name */
        }
        out.islands.push({
          uid: a.uid ?? '',
          componentUrl: a['component-url'] ?? '',
          rendererUrl: a['renderer-url'] ?? '',
          beforeHydrationUrl: a['before-hydration-url'] ?? '',
          client: a.client ?? '',
          name,
          index: tag.index,
        });
        break;
      }
      case 'meta': {
        const equiv = (a['http-equiv'] ?? '').toLowerCase();
        if (equiv === 'content-security-policy') out.cspMeta.push({ content: a.content ?? '', index: tag.index });
        if ((a.name ?? '').toLowerCase() === 'robots') out.robots.push((a.content ?? '').toLowerCase());
        break;
      }
      case 'math':
        out.hasEquations = true;
        break;
      default:
        if (/\bkatex\b/.test(a.class ?? '')) out.hasEquations = true;
    }
  }
  return out;
}

/** @param {{ robots: string[] }} page  as `readPage` reads it */
export function isNoindex(page) {
  return page.robots.some((r) => /\bnoindex\b|\bnone\b/.test(r));
}
