/**
 * The build-time model as one lab checkpoint (src/lab/core/checkpoint.ts: float32, with a layout check) that the
 * figure fetches after hydration: θ of the atlas network followed by the state-subspace basis of each patch
 * site (states − 1 orthonormal vectors each). The figure's data.json is computed from these same float32 values,
 * so a patch run in the browser gives the build-time numbers.
 */
import { checkpointParameters, createCheckpoint, decodeCheckpoint, encodeCheckpoint } from '../../lab/core/checkpoint.ts';
import { defineLayout } from '../../lab/core/layout.ts';
import { atlasLayout, type AtlasNetworkShape } from '../../lab/atlas/network.ts';
import type { StateBases } from '../../lab/atlas/patching.ts';
import type { Atlas } from '../../lab/atlas/world.ts';

export const storedModelName = 'atlas-patching';

export interface StoredModel {
  theta: Float64Array;
  bases: StateBases;
}

/** The network's blocks, then one basis block per site. */
export function storedModelLayout(atlas: Atlas, shape: AtlasNetworkShape) {
  const network = atlasLayout(atlas, shape);
  const vectors = atlas.shape.states - 1;
  return {
    network,
    stored: defineLayout({
      ...(Object.fromEntries(network.blocks.map((block) => [block.name, block.shape])) as Record<(typeof network.blocks)[number]['name'], readonly number[]>),
      basisEmbed: [vectors, shape.embedding],
      basisHidden1: [vectors, shape.hidden],
      basisHidden2: [vectors, shape.hidden],
    }),
  };
}

/** Float64 values that are exactly representable as float32 (what the checkpoint stores). */
export function toFloat32Values(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(Float32Array.from(values));
}

export function encodeModel(atlas: Atlas, shape: AtlasNetworkShape, model: StoredModel): Uint8Array<ArrayBuffer> {
  const { network, stored } = storedModelLayout(atlas, shape);
  const all = new Float64Array(stored.size);
  all.set(model.theta.subarray(0, network.size));
  const blocks = [['basisEmbed', model.bases.embed], ['basisHidden1', model.bases.hidden1], ['basisHidden2', model.bases.hidden2]] as const;
  for (const [name, basis] of blocks) {
    const { shape: [vectors, width] } = stored.block(name);
    if (basis.length !== vectors) throw new Error(`activation-patching: the ${name} basis has ${basis.length} vectors, not ${vectors}`);
    basis.forEach((vector, k) => stored.slice(all, name).set(vector, k * width!));
  }
  return encodeCheckpoint(createCheckpoint(storedModelName, stored, all));
}

export function decodeModel(atlas: Atlas, shape: AtlasNetworkShape, bytes: ArrayBuffer): StoredModel {
  const { network, stored } = storedModelLayout(atlas, shape);
  const all = checkpointParameters(decodeCheckpoint(bytes), storedModelName, stored);
  const basis = (name: 'basisEmbed' | 'basisHidden1' | 'basisHidden2') => {
    const [vectors, width] = stored.block(name).shape as [number, number];
    const values = stored.slice(all, name);
    return Array.from({ length: vectors }, (_, k) => values.slice(k * width, (k + 1) * width));
  };
  return { theta: all.slice(0, network.size), bases: { embed: basis('basisEmbed'), hidden1: basis('basisHidden1'), hidden2: basis('basisHidden2') } };
}

/** Where the build writes the checkpoint (src/pages/figures/activation-patching/model.checkpoint.bin.ts), below the site's base. */
export const modelPath = 'figures/activation-patching/model.checkpoint.bin';
