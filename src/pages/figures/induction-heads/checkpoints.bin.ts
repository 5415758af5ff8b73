/**
 * The build-time run's checkpoints (θ at every checkpoint, float32) for the induction-heads figure, written at
 * build time by training the figure's default two-layer model once (the same deterministic run as its data.json).
 */
import { encodeCheckpoints } from '../../../figures/induction-heads/checkpoints.ts';
import { trainBuildTime } from '../../../figures/induction-heads/data.ts';

export async function GET(): Promise<Response> {
  const result = await trainBuildTime(2);
  const bytes = encodeCheckpoints(result.checkpoints);
  return new Response(bytes.buffer as ArrayBuffer, { headers: { 'Content-Type': 'application/octet-stream' } });
}
