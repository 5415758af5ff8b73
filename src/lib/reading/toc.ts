/** A heading as Astro's render() reports it. */
export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry extends HeadingInfo {
  children: TocEntry[];
}

/** Ids of headings the markdown pipeline adds that are not sections (GFM footnotes' label). */
const NOT_SECTIONS = new Set(['footnote-label']);

/**
 * Nests headings from `minDepth` to `maxDepth` into a tree. A heading deeper than its predecessor's child
 * level attaches to the nearest shallower entry, so a skipped level never loses a heading.
 */
export function buildToc(headings: HeadingInfo[], minDepth = 2, maxDepth = 3): TocEntry[] {
  const root: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth < minDepth || h.depth > maxDepth || NOT_SECTIONS.has(h.slug)) continue;
    const entry: TocEntry = { ...h, children: [] };
    while (stack.length > 0 && (stack.at(-1) as TocEntry).depth >= h.depth) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : root).push(entry);
    stack.push(entry);
  }
  return root;
}
