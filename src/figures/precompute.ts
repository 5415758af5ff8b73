/**
 * Writes each figure's build-time data: for every src/figures/<id>/data.ts, runs its computeData() and
 * saves the result as src/figures/<id>/data.json (committed; the figure imports it).
 *   npx node src/figures/precompute.ts [id …]
 * tests/unit/figures/data.test.ts recomputes every data.json and fails if the committed file differs.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const figuresDir = fileURLToPath(new URL('.', import.meta.url));

export function figureDataFolders(dir = figuresDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'data.ts')))
    .map((d) => d.name)
    .sort();
}

/** The JSON text written for a figure's data: stable key order as produced, two-space indent, final newline. */
export function serialiseFigureData(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const wanted = process.argv.slice(2);
  for (const id of figureDataFolders()) {
    if (wanted.length > 0 && !wanted.includes(id)) continue;
    const module = (await import(pathToFileURL(join(figuresDir, id, 'data.ts')).href)) as { computeData(): Promise<unknown> };
    const started = performance.now();
    writeFileSync(join(figuresDir, id, 'data.json'), serialiseFigureData(await module.computeData()));
    console.log(`${id}: data.json written in ${Math.round(performance.now() - started)} ms`);
  }
}
