/**
 * The build-time run's checkpoints (θ at every checkpoint, float32) for the induction-heads figure, written at
 * build time by training the figure's default two-layer model once (the same deterministic run as its data.json);
 * cached between builds until the lab or the figure's code changes.
 */
import { cachedBytes, computedByKey } from '../../../lib/build-cache.ts';
import { encodeCheckpoints } from '../../../figures/induction-heads/checkpoints.ts';
import { trainBuildTime } from '../../../figures/induction-heads/data.ts';

export async function GET(): Promise<Response> {
  // This file and every source it imports: a change to how the model is trained or stored gives a new key.
  const key = computedByKey(['src/pages/figures/induction-heads/checkpoints.bin.ts']);
  const bytes = await cachedBytes('figure-models', key, '.bin', async () => encodeCheckpoints((await trainBuildTime(2)).checkpoints));
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
}
