/**
 * The activation-patching figure's model (θ and state-subspace bases, float32), written at build time by
 * training the figure's seed once: the same deterministic run as its data.json.
 */
import { encodeModel } from '../../../figures/activation-patching/checkpoint.ts';
import { buildTimeModel } from '../../../figures/activation-patching/data.ts';

export async function GET(): Promise<Response> {
  const { model } = await buildTimeModel();
  const bytes = encodeModel(model);
  return new Response(bytes.buffer as ArrayBuffer, { headers: { 'Content-Type': 'application/octet-stream' } });
}
