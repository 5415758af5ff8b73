/**
 * The activation-patching figure's model (θ and state-subspace bases, a float32 lab checkpoint), written at build
 * time by training the figure's seed once: the same deterministic run as its data.json.
 */
import { encodeModel } from '../../../figures/activation-patching/checkpoint.ts';
import { buildTimeModel } from '../../../figures/activation-patching/data.ts';

export async function GET(): Promise<Response> {
  const { network, model } = await buildTimeModel();
  const bytes = encodeModel(network.atlas, network.shape, model);
  return new Response(bytes.buffer, { headers: { 'Content-Type': 'application/octet-stream' } });
}
