/**
 * npm run bench [-- --runs N] [--compare <git-ref>]
 * Trains every lab model at fixed sizes in Node and prints steps per second (the median of N runs) and the time
 * to reach the converged loss (the first point of the loss curve within 5 % of the mean of its last tenth).
 * With --compare, the lab of <git-ref> (extracted with `git archive` into a temporary directory) runs the same
 * cases in the same process, alternating with this lab run by run, and the table shows the change.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { labModels, type LabModelName } from '../src/lab/models.ts';
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

async function time(train: Trainer, model: string, params: Record<string, unknown>): Promise<{ seconds: number; curve: LossCurve } | undefined> {
  const started = performance.now();
  const curve = await train(model, params);
  return curve && { seconds: (performance.now() - started) / 1000, curve };
}

/** The lab of `ref`, extracted into a temporary directory; `cleanup` removes it. */
async function labAt(ref: string): Promise<{ train: Trainer; cleanup(): void }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-lab-'));
  execFileSync('sh', ['-c', `git archive --format=tar "$1" src/lab | tar -x -C "$2"`, 'sh', ref, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const module = (await import(pathToFileURL(join(dir, 'src/lab/models.ts')).href)) as { labModels: AnyRegistry };
  return { train: trainerOf(module.labModels), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, compare: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: --runs must be a positive whole number, not ${values.runs}`);

const current = trainerOf(labModels as unknown as AnyRegistry);
const baseline = values.compare ? await labAt(values.compare) : undefined;
const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${os.platform()} ${os.release()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (other processes slow every number down)`);
console.log(`median of ${runs} run${runs === 1 ? '' : 's'}${baseline ? `, alternating with the lab of ${values.compare}` : ''}`);
console.log(`model          case                                                  steps/s${baseline ? `   ${values.compare!.slice(0, 10).padStart(10)}   change` : ''}   converged at   time to converge`);
try {
  for (const { model, label, params } of cases) {
    const seconds: number[] = [];
    const baselineSeconds: number[] = [];
    let curve: LossCurve | undefined;
    for (let run = 0; run < runs; run++) {
      const measured = (await time(current, model, params))!;
      seconds.push(measured.seconds);
      curve = measured.curve;
      const old = baseline && (await time(baseline.train, model, params));
      if (old) baselineSeconds.push(old.seconds);
    }
    const steps = curve!.step.at(-1)!;
    const rate = steps / median(seconds);
    const step = convergedStep(curve!);
    const comparison = !baseline ? '' : baselineSeconds.length === 0 ? `   ${'(none)'.padStart(10)}   ${''.padStart(7)}` : (() => {
      const old = steps / median(baselineSeconds);
      const change = ((rate - old) / old) * 100;
      return `   ${Math.round(old).toString().padStart(10)}   ${`${change >= 0 ? '+' : ''}${change.toFixed(1)} %`.padStart(7)}`;
    })();
    console.log(
      `${model.padEnd(14)} ${label.padEnd(53)} ${Math.round(rate).toString().padStart(7)}${comparison}   step ${step.toString().padEnd(7)}   ${((median(seconds) * step) / steps).toFixed(3).padStart(8)} s`,
    );
  }
} finally {
  baseline?.cleanup();
}
console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
