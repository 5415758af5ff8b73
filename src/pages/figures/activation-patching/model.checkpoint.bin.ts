/**
 * The activation-patching figure's model (θ and state-subspace bases, a float32 lab checkpoint), written at build
 * time by training the figure's seed once (the same deterministic run as its data.json); cached between builds
 * until the lab or the figure's code changes.
 */
import { cachedBytes, computedByKey } from '../../../lib/build-cache.ts';
import { encodeModel } from '../../../figures/activation-patching/checkpoint.ts';
import { buildTimeModel } from '../../../figures/activation-patching/data.ts';

export async function GET(): Promise<Response> {
  // This file and every source it imports: a change to how the model is trained or stored gives a new key.
  const key = computedByKey(['src/pages/figures/activation-patching/model.checkpoint.bin.ts']);
  const bytes = await cachedBytes('figure-models', key, '.bin', async () => {
    const { network, model } = await buildTimeModel();
    return encodeModel(network.atlas, network.shape, model);
  });
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
}
