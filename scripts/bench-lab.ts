/**
 * npm run bench — trains each lab model at fixed sizes in Node and prints steps per second and the time
 * to reach the converged loss (the first point of the loss curve within 5 % of the mean of its last tenth).
 */

import os from 'node:os';
import { labModels, type LabModelName } from '../src/lab/models.ts';
import type { LossCurve } from '../src/lab/runner.ts';

const cases: { model: LabModelName; label: string; params: Record<string, unknown> }[] = [
  { model: 'mlp', label: 'model 0, 2→4→3→3, 300 points full batch', params: { steps: 1500 } },
  { model: 'superposition', label: 'n=5, m=2, S=0.9, batch 1024', params: { n: 5, m: 2, sparsity: 0.9, steps: 10_000, restarts: 1 } },
  { model: 'superposition', label: 'n=5, m=2, S=0, r=0.7, batch 1024', params: { n: 5, m: 2, sparsity: 0, importanceDecay: 0.7, steps: 10_000, restarts: 1 } },
  { model: 'superposition', label: 'n=20, m=5, S=0.9, batch 1024', params: { n: 20, m: 5, sparsity: 0.9, steps: 5000, restarts: 1 } },
  { model: 'sae', label: 'L1 λ=0.3, d=32, 64 features, width 128, batch 64', params: { steps: 3000 } },
  { model: 'sae', label: 'TopK k=3, d=32, 64 features, width 128, batch 64', params: { variant: 'topk', k: 3, steps: 3000 } },
];

function convergedStep(curve: LossCurve): number {
  const tail = curve.loss.slice(-Math.max(1, Math.floor(curve.loss.length / 10)));
  const converged = tail.reduce((sum, loss) => sum + loss, 0) / tail.length;
  const index = curve.loss.findIndex((loss) => loss <= converged * 1.05);
  return curve.step[index] ?? curve.step.at(-1)!;
}

const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${os.platform()} ${os.release()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} (other processes slow every number down)`);
console.log('model          case                                                  steps/s   converged at   time to converge   total');
for (const { model, label, params } of cases) {
  const started = performance.now();
  const { run: { result } } = await labModels[model].run(params);
  const seconds = (performance.now() - started) / 1000;
  const steps = result.lossCurve.step.at(-1)!;
  const step = convergedStep(result.lossCurve);
  console.log(
    `${model.padEnd(14)} ${label.padEnd(53)} ${Math.round(steps / seconds).toString().padStart(7)}   step ${step.toString().padEnd(7)}   ${((seconds * step) / steps).toFixed(3).padStart(8)} s         ${seconds.toFixed(2)} s`,
  );
}
