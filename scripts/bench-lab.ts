/**
 * npm run bench [-- --runs N] [--compare <git-ref>] [--docs README.md]
 * Trains every lab model at fixed sizes in Node and prints steps per CPU-second (the median of N runs) and the
 * CPU time to reach the converged loss (the first point of the loss curve within 5 % of the mean of its last
 * tenth). CPU time (user + system of this process, which trains on one thread) is what other processes on a
 * shared machine hardly change; wall-clock time is shown beside it. With --compare, the lab of <git-ref>
 * (extracted with `git archive` into a temporary directory) runs the same cases in the same process, alternating
 * with this lab run by run, and the table shows the change. With --docs, the table replaces the file's
 * `lab-bench` section.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { labModels, type LabModelName } from '../src/lab/models.ts';
import { updateMarked } from './bench/docs.mjs';
import type { LossCurve } from '../src/lab/runner.ts';

const cases: { model: LabModelName; label: string; params: Record<string, unknown> }[] = [
  { model: 'mlp', label: 'model 0, 2→4→3→3, 300 points full batch', params: { steps: 1500 } },
  { model: 'superposition', label: 'n=5, m=2, S=0.9, batch 1024', params: { n: 5, m: 2, sparsity: 0.9, steps: 10_000, restarts: 1 } },
  { model: 'superposition', label: 'n=5, m=2, S=0, r=0.7, batch 1024', params: { n: 5, m: 2, sparsity: 0, importanceDecay: 0.7, steps: 10_000, restarts: 1 } },
  { model: 'superposition', label: 'n=20, m=5, S=0.9, batch 1024', params: { n: 20, m: 5, sparsity: 0.9, steps: 5000, restarts: 1 } },
  { model: 'sae', label: 'L1 λ=0.3, d=32, 64 features, width 128, batch 64', params: { steps: 3000 } },
  { model: 'sae', label: 'TopK k=3, d=32, 64 features, width 128, batch 64', params: { variant: 'topk', k: 3, steps: 3000 } },
  { model: 'persona-shift', label: 'defaults: pretraining, 300 fine-tuning steps, grids', params: {} },
  { model: 'steering', label: 'language model 500 steps, SAE, steering sweeps', params: { languageModelSteps: 500 } },
  { model: 'induction', label: 'defaults: two attention-only layers, with the one-layer control', params: {} },
  { model: 'cot-monitor', label: 'defaults: unpressured and pressured REINFORCE runs, monitor, ROC', params: {} },
  { model: 'cot-monitor', label: 'longest run: 2,000 steps × 1,000 episodes, twice', params: { steps: 2000, episodes: 1000 } },
];

const unbenched = Object.keys(labModels).filter((name) => !cases.some((c) => c.model === name));
if (unbenched.length > 0) throw new Error(`bench: no case for ${unbenched.join(', ')}; add one to scripts/bench-lab.ts`);

/**
 * Trains one case and returns its loss curve, or undefined when that lab has no such model: this lab's registry,
 * or an older one's (whose `run` returned the LabRun itself).
 */
type Trainer = (model: string, params: Record<string, unknown>) => Promise<LossCurve | undefined>;

interface AnyRegistry {
  [model: string]: { run(params: Record<string, unknown>): Promise<{ run: { result: { lossCurve: LossCurve } } } | { result: { lossCurve: LossCurve } }> } | undefined;
}

function trainerOf(registry: AnyRegistry): Trainer {
  return async (model, params) => {
    const entry = registry[model];
    if (!entry) return undefined;
    const output = await entry.run(params);
    return ('run' in output ? output.run.result : output.result).lossCurve;
  };
}

function convergedStep(curve: LossCurve): number {
  const tail = curve.loss.slice(-Math.max(1, Math.floor(curve.loss.length / 10)));
  const converged = tail.reduce((sum, loss) => sum + loss, 0) / tail.length;
  const index = curve.loss.findIndex((loss) => loss <= converged * 1.05);
  return curve.step[index] ?? curve.step.at(-1)!;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Timed {
  cpuSeconds: number;
  wallSeconds: number;
  curve: LossCurve;
}

async function time(train: Trainer, model: string, params: Record<string, unknown>): Promise<Timed | undefined> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const curve = await train(model, params);
  const used = process.cpuUsage(cpu);
  return curve && { cpuSeconds: (used.user + used.system) / 1e6, wallSeconds: (performance.now() - wall) / 1000, curve };
}

/** The lab of `ref`, extracted into a temporary directory; `cleanup` removes it. */
async function labAt(ref: string): Promise<{ train: Trainer; cleanup(): void }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-lab-'));
  execFileSync('sh', ['-c', `git archive --format=tar "$1" src/lab | tar -x -C "$2"`, 'sh', ref, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const module = (await import(pathToFileURL(join(dir, 'src/lab/models.ts')).href)) as { labModels: AnyRegistry };
  return { train: trainerOf(module.labModels), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, compare: { type: 'string' }, docs: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: --runs must be a positive whole number, not ${values.runs}`);

const current = trainerOf(labModels as unknown as AnyRegistry);
const baseline = values.compare ? await labAt(values.compare) : undefined;
const cpus = os.cpus();
const loadAverage = () => os.loadavg()[0]!.toFixed(1);
const loadAtStart = loadAverage();
const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, Node ${process.version}`;
console.log(`machine: ${machine}, ${os.platform()} ${os.release()}, load average ${loadAtStart}`);
console.log(`median of ${runs} run${runs === 1 ? '' : 's'}${baseline ? `, alternating with the lab of ${values.compare}` : ''}; rates per CPU-second`);
const rows: string[][] = [];
const fixed = (value: number, digits = 0) => value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
try {
  for (const { model, label, params } of cases) {
    const timed: Timed[] = [];
    const old: Timed[] = [];
    for (let run = 0; run < runs; run++) {
      timed.push((await time(current, model, params))!);
      const previous = baseline && (await time(baseline.train, model, params));
      if (previous) old.push(previous);
    }
    const curve = timed.at(-1)!.curve;
    const steps = curve.step.at(-1)!;
    const cpu = median(timed.map((t) => t.cpuSeconds));
    const rate = steps / cpu;
    const step = convergedStep(curve);
    const row = [model, label, fixed(rate), `step ${fixed(step)}`, `${((cpu * step) / steps).toFixed(2)} s`, `${cpu.toFixed(2)} s`, `${median(timed.map((t) => t.wallSeconds)).toFixed(2)} s`];
    if (baseline) {
      const oldRate = old.length ? steps / median(old.map((t) => t.cpuSeconds)) : undefined;
      row.push(oldRate === undefined ? '(none)' : fixed(oldRate), oldRate === undefined ? '' : `${rate >= oldRate ? '+' : ''}${(((rate - oldRate) / oldRate) * 100).toFixed(1)} %`);
    }
    rows.push(row);
    console.log(row.join('  |  '));
  }
} finally {
  baseline?.cleanup();
}
const header = ['model', 'case', 'steps per CPU-s', 'converged at', 'CPU to converge', 'CPU, whole run', 'wall, whole run', ...(baseline ? [`steps per CPU-s at ${values.compare}`, 'change'] : [])];
const table = [
  `\`npm run bench${baseline ? ` -- --compare ${values.compare}` : ''}\` on ${machine}, ${new Date().toISOString().slice(0, 10)}, median of ${runs} runs${baseline ? ' alternating with the older lab' : ''}; load average ${loadAtStart} at the start, ${loadAverage()} at the end. Rates are per CPU-second (user + system time of the training process), which other processes on the machine hardly change; "converged" is the first point of the loss curve within 5 % of the mean of its last tenth.`,
  '',
  `| ${header.join(' | ')} |`,
  `|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);
if (values.docs) updateMarked(values.docs, 'lab-bench', table);
