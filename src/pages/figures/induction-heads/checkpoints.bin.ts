/**
 * The build-time run's checkpoints (θ at every checkpoint, float32) for the induction-heads figure, written at
 * build time by training the figure's default two-layer model once (the same deterministic run as its data.json);
 * cached between builds until the lab or the figure's code changes.
 */
import { cachedBytes, computedByKey } from '../../../lib/build-cache.ts';
import { encodeCheckpoints } from '../../../figures/induction-heads/checkpoints.ts';
import { trainBuildTime } from '../../../figures/induction-heads/data.ts';

export async function GET(): Promise<Response> {
  const key = computedByKey(['src/figures/induction-heads/data.ts', 'src/figures/induction-heads/checkpoints.ts']);
  const bytes = await cachedBytes('figure-models', key, '.bin', async () => encodeCheckpoints((await trainBuildTime(2)).checkpoints));
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
}
