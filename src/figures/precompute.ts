/**
 * Each figure's build-time data: for every src/figures/<id>/data.ts, runs its computeData() and saves the result
 * as src/figures/<id>/data.json (committed; the figure imports it), with data.hash.json beside it recording a
 * SHA-256 of the inputs that produced it (data.ts and every source it imports, transitively: the figure's
 * settings and the lab code) and of data.json itself.
 *   npm run precompute [-- id …] [--all] [--max-seconds N]
 * recomputes the figures whose inputs changed (or the named ones, or --all), within a time bound.
 * tests/unit/figures/data.test.ts compares the hashes, so CI never retrains a model to check the data.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { localSources, sourcesHash } from '../lib/build-cache.ts';

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

export interface FigureDataHash {
  /** SHA-256 of data.ts and the sources it imports, transitively (paths relative to src/, then contents). */
  inputs: string;
  /** SHA-256 of data.json. */
  output: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of data.ts and every local source file it reaches through relative imports. */
export function figureInputsHash(id: string, dir = figuresDir): string {
  return sourcesHash(localSources([join(dir, id, 'data.ts')]), resolve(dir, '..'));
}

export function readFigureDataHash(id: string, dir = figuresDir): FigureDataHash | undefined {
  const file = join(dir, id, 'data.hash.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FigureDataHash) : undefined;
}

export function dataJsonHash(id: string, dir = figuresDir): string {
  return sha256(readFileSync(join(dir, id, 'data.json'), 'utf8'));
}

/** Figures whose data.json is missing, or whose recorded hashes no longer match their inputs or the file. */
export function staleFigures(dir = figuresDir): string[] {
  return figureDataFolders(dir).filter((id) => {
    const recorded = readFigureDataHash(id, dir);
    return !recorded || !existsSync(join(dir, id, 'data.json')) || recorded.inputs !== figureInputsHash(id, dir) || recorded.output !== dataJsonHash(id, dir);
  });
}

async function precompute(id: string, secondsLeft: number): Promise<void> {
  const module = (await import(pathToFileURL(join(figuresDir, id, 'data.ts')).href)) as { computeData(): Promise<unknown> };
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The lab yields to the event loop while it trains, so the timer fires even in the middle of a run.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${id}: precompute ran out of its time bound`)), secondsLeft * 1000);
  });
  try {
    const text = serialiseFigureData(await Promise.race([module.computeData(), timeout]));
    writeFileSync(join(figuresDir, id, 'data.json'), text);
    const hash: FigureDataHash = { inputs: figureInputsHash(id), output: sha256(text) };
    writeFileSync(join(figuresDir, id, 'data.hash.json'), `${JSON.stringify(hash, null, 2)}\n`);
  } finally {
    clearTimeout(timer);
  }
  console.log(`${id}: data.json written in ${Math.round(performance.now() - started)} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, 'max-seconds': { type: 'string', default: '600' } },
  });
  const deadline = performance.now() + Number(values['max-seconds']) * 1000;
  const ids = positionals.length > 0 ? positionals : values.all ? figureDataFolders() : staleFigures();
  if (ids.length === 0) console.log('every figure\'s data.json is up to date');
  for (const id of ids) {
    if (!figureDataFolders().includes(id)) throw new Error(`no figure data ${id}/data.ts`);
    await precompute(id, Math.max(0, (deadline - performance.now()) / 1000));
  }
  // A bounded run that stopped early must not leave the lab's timers or workers holding the process.
  process.exit(0);
}
