/**
 * The build-time model as one binary asset the figure fetches after hydration: θ of the atlas network and the
 * state-subspace basis of each patch site, as float32 (the page never inlines them). The figure's data.json is
 * computed from these same float32 values, so a patch run in the browser gives the build-time numbers.
 *
 * Layout (little-endian float32): block count n, the n block lengths, then the blocks: θ, then one basis per
 * site in `patchSites` order (its vectors one after another).
 */
import { patchSites, type StateBases } from '../../lab/atlas/patching.ts';

export interface StoredModel {
  theta: Float64Array;
  bases: StateBases;
}

/** Float64 values that are exactly representable as float32 (what the asset stores). */
export function toFloat32Values(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(Float32Array.from(values));
}

export function encodeModel(model: StoredModel): Uint8Array {
  const blocks: ArrayLike<number>[] = [model.theta, ...patchSites.map((site) => model.bases[site].flatMap((vector) => Array.from(vector)))];
  const total = blocks.reduce((sum, block) => sum + block.length, 0);
  const values = new Float32Array(1 + blocks.length + total);
  values[0] = blocks.length;
  let offset = 1 + blocks.length;
  blocks.forEach((block, k) => {
    values[1 + k] = block.length;
    values.set(block, offset);
    offset += block.length;
  });
  return new Uint8Array(values.buffer);
}

/** Decodes the asset; `widths` gives each site's width to split its basis into vectors. */
export function decodeModel(buffer: ArrayBuffer, widths: Record<(typeof patchSites)[number], number>): StoredModel {
  const values = new Float32Array(buffer);
  const count = values[0] ?? 0;
  const lengths = Array.from(values.subarray(1, 1 + count));
  if (count !== 1 + patchSites.length || values.length !== 1 + count + lengths.reduce((sum, length) => sum + length, 0)) {
    throw new Error('activation-patching: the model file is not a stored model');
  }
  let offset = 1 + count;
  const blocks = lengths.map((length) => {
    const block = Float64Array.from(values.subarray(offset, offset + length));
    offset += length;
    return block;
  });
  const basis = (k: number, width: number) => Array.from({ length: blocks[k]!.length / width }, (_, i) => blocks[k]!.slice(i * width, (i + 1) * width));
  return {
    theta: blocks[0]!,
    bases: { embed: basis(1, widths.embed), hidden1: basis(2, widths.hidden1), hidden2: basis(3, widths.hidden2) },
  };
}

/** Where the build writes the asset (src/pages/figures/activation-patching/model.bin.ts), below the site's base. */
export const modelPath = 'figures/activation-patching/model.bin';
