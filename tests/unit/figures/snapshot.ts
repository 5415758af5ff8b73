/**
 * Observable Plot–style snapshots: each figure's server render at its defaults is compared with a committed
 * file in tests/unit/figures/output/. A difference (or a missing file) fails the test and writes the new
 * render beside the old one as <name>-changed.html for a person to look at; after checking it, accept it with
 *   UPDATE_FIGURE_SNAPSHOTS=1 npx vitest run tests/unit/figures
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const outputDir = fileURLToPath(new URL('./output/', import.meta.url));

export function expectSnapshotFile(name: string, actual: string): void {
  const expectedPath = `${outputDir}${name}.html`;
  const changedPath = `${outputDir}${name}-changed.html`;
  if (process.env.UPDATE_FIGURE_SNAPSHOTS === '1') {
    writeFileSync(expectedPath, actual);
    rmSync(changedPath, { force: true });
    return;
  }
  const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect.fail(
    expected === undefined
      ? `No snapshot ${name}.html: the render was written to output/${name}-changed.html; check it, then accept it (UPDATE_FIGURE_SNAPSHOTS=1)`
      : `The render of ${name} differs from output/${name}.html; the new one is output/${name}-changed.html`,
  );
}

/** Indents the server HTML one element a line, so snapshot diffs are readable. */
export function prettyHtml(html: string): string {
  return `${html.replace(/></g, '>\n<')}\n`;
}
