import { authoringFailure } from './authoring-checks.ts';

/**
 * An unclosed `$` turns the TeX after it into plain MDX, where a `{` opens a JavaScript expression: the MDX
 * parser then fails at a brace with no word about TeX. This finds the unclosed `$` in the paragraph the
 * parser stopped in and reports it instead, keeping the parser's own message.
 */
export function texBraceHint(error: unknown, source: string, file: string): Error | undefined {
  const e = error as { source?: string; line?: number; column?: number; reason?: string; message?: string };
  if (e?.source !== 'micromark-extension-mdx-expression' || !e.line) return undefined;
  const lines = source.split('\n');
  let first = e.line - 1;
  while (first > 0 && (lines[first - 1] ?? '').trim() !== '') first--;
  const paragraph = lines.slice(first, e.line);
  const open = unclosedDollar(paragraph.join('\n'));
  if (!open) return undefined;
  const line = first + open.line;
  const reason = e.reason ?? e.message ?? 'MDX parse error';
  return authoringFailure(file, [
    {
      message: `Unclosed inline math — this $ is never closed, so the TeX after it was read as MDX and its brace as the start of an expression (the MDX parser says: "${reason}" at ${e.line}:${e.column ?? 1}). Close the math with a matching $ and balance its braces, or write a literal dollar sign as \\$`,
      value: (lines[line - 1] ?? '').slice(open.column - 1, open.column + 29),
      line,
      column: open.column,
    },
  ]);
}

/** The position (1-based, within `text`) of a run of `$` that no run of the same length closes. */
export function unclosedDollar(text: string): { line: number; column: number } | undefined {
  const runs = [...text.matchAll(/(?<!\\)\$+/g)];
  let open: RegExpMatchArray | undefined;
  for (const run of runs) {
    if (!open) open = run;
    else if (run[0].length === open[0].length) open = undefined;
  }
  if (!open || open.index === undefined) return undefined;
  const before = text.slice(0, open.index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** An MDX parse error in `file` (line numbers as in `source`), with the unclosed-math hint when it applies. */
export function mdxParseFailure(error: unknown, source: string, file: string): Error {
  const e = error as { line?: number; column?: number; reason?: string; message?: string };
  return (
    texBraceHint(error, source, file) ??
    authoringFailure(file, [{ message: `Not valid MDX — ${e.reason ?? e.message ?? String(error)}`, value: '', line: e.line ?? 1, column: e.column ?? 1 }])
  );
}
