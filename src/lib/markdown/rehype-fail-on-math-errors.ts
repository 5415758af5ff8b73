import type { VFile } from 'vfile';
import { relative } from 'node:path';

/** rehype-katex only warns on bad TeX and prints it in red; the site refuses to publish that. */
export function rehypeFailOnMathErrors(options: { root: string }) {
  return (_tree: unknown, file: VFile) => {
    const bad = file.messages.filter((m) => m.source === 'rehype-katex');
    if (bad.length === 0) return;
    const name = file.path ? relative(options.root, file.path) : '(unknown file)';
    const lines = bad.map((m) => `${name}:${m.line ?? 1}:${m.column ?? 1}: Invalid TeX — ${String(m.cause ?? m.reason)}`);
    file.fail(`${bad.length} math error${bad.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
  };
}
