import type { VFile } from 'vfile';
import { relative } from 'node:path';
import type { ElementContent, Element } from 'hast';
import { authoringFailure, type AuthoringError } from '../content/authoring-checks.ts';

/** rehype-katex only warns on bad TeX and prints it in red; the site refuses to publish that. */
export function rehypeFailOnMathErrors(options: { root: string }) {
  return (_tree: unknown, file: VFile) => {
    const bad = file.messages.filter((m) => m.source === 'rehype-katex');
    if (bad.length === 0) return;
    const name = file.path ? relative(options.root, file.path) : '(unknown file)';
    const errors = bad.map((m): AuthoringError => ({ message: `Invalid TeX — ${String(m.cause ?? m.reason)}`, value: '', ...texErrorPlace(m, String(file.value)) }));
    throw authoringFailure(name, errors, 'math error');
  };
}

/**
 * Where in the source the TeX goes wrong. Display math has no position of its own (only its <pre> does),
 * so the TeX is looked up in the source from the nearest positioned ancestor, and KaTeX's offset into the
 * TeX, when it gives one, is added.
 */
export function texErrorPlace(message: VFile['messages'][number], source: string): { line: number; column: number } {
  const ancestors = (message.ancestors ?? []) as Element[];
  const element = ancestors.at(-1);
  const positioned = [...ancestors].reverse().find((n) => n.position?.start.offset !== undefined);
  const start = positioned?.position?.start;
  if (!element || !start || start.offset === undefined) return { line: message.line ?? 1, column: message.column ?? 1 };
  const tex = textOf(element);
  const texStart = source.indexOf(tex, start.offset);
  const end = positioned?.position?.end.offset ?? source.length;
  if (tex === '' || texStart < 0 || texStart > end) return { line: start.line, column: start.column };
  const offsetInTex = (message.cause as { position?: number } | undefined)?.position ?? 0;
  const before = source.slice(0, texStart + Math.min(offsetInTex, tex.length));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The text inside a hast node, as rehype-katex hands it to KaTeX. */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
