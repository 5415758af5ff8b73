/**
 * Checkpoints: a model's parameters θ as a compact binary asset, so a model can be pretrained at build time
 * and fine-tuned in the browser. Layout of the bytes (all little-endian):
 *   "GNBC" (4 bytes) · format version (uint32, 1) · header length H (uint32) · header (H bytes of UTF-8 JSON:
 *   { model, layoutVersion, count }) · zero padding to a multiple of 4 · count × float32 parameters.
 * `layoutVersion` is derived from the layout's block names and shapes, so a checkpoint never loads into a
 * model whose parameters changed shape or order. Parameters are stored as float32 (half the bytes of θ's
 * float64); a fine-tune from a checkpoint starts from those rounded values.
 */

import type { Layout } from './layout.ts';

const magic = 'GNBC';
const formatVersion = 1;

export interface Checkpoint {
  model: string;
  layoutVersion: string;
  parameters: Float32Array;
}

/** FNV-1a (32 bit) of the block names and shapes in order, as 8 hex digits. */
export function layoutVersion(layout: Layout): string {
  const signature = layout.blocks.map((block) => `${block.name}[${block.shape.join(',')}]`).join(';');
  let hash = 0x811c9dc5;
  for (let k = 0; k < signature.length; k++) hash = Math.imul(hash ^ signature.charCodeAt(k), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function createCheckpoint(model: string, layout: Layout, theta: Float64Array): Checkpoint {
  if (theta.length !== layout.size) throw new RangeError(`checkpoint: θ has ${theta.length} values, the layout ${layout.size}`);
  return { model, layoutVersion: layoutVersion(layout), parameters: Float32Array.from(theta) };
}

export function encodeCheckpoint({ model, layoutVersion: version, parameters }: Checkpoint): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(JSON.stringify({ model, layoutVersion: version, count: parameters.length }));
  const dataOffset = Math.ceil((12 + header.length) / 4) * 4;
  const bytes = new Uint8Array(dataOffset + 4 * parameters.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(magic), 0);
  view.setUint32(4, formatVersion, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  for (let k = 0; k < parameters.length; k++) view.setFloat32(dataOffset + 4 * k, parameters[k]!, true);
  return bytes;
}

export function decodeCheckpoint(source: ArrayBuffer | Uint8Array): Checkpoint {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== magic) throw new Error('checkpoint: not a checkpoint (no GNBC header)');
  const version = view.getUint32(4, true);
  if (version !== formatVersion) throw new Error(`checkpoint: format version ${version}, this lab reads ${formatVersion}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { model: string; layoutVersion: string; count: number };
  const dataOffset = Math.ceil((12 + headerLength) / 4) * 4;
  if (bytes.length !== dataOffset + 4 * header.count) throw new Error(`checkpoint: ${bytes.length} bytes, expected ${dataOffset + 4 * header.count} for ${header.count} parameters`);
  const parameters = new Float32Array(header.count);
  for (let k = 0; k < header.count; k++) parameters[k] = view.getFloat32(dataOffset + 4 * k, true);
  return { model: header.model, layoutVersion: header.layoutVersion, parameters };
}

/** θ (float64) of a checkpoint for `model` with `layout`, or an error saying what does not match. */
export function checkpointParameters(checkpoint: Checkpoint, model: string, layout: Layout): Float64Array {
  if (checkpoint.model !== model) throw new Error(`checkpoint: made by model "${checkpoint.model}", not "${model}"`);
  const expected = layoutVersion(layout);
  if (checkpoint.layoutVersion !== expected) throw new Error(`checkpoint: layout ${checkpoint.layoutVersion} does not match ${model}'s layout ${expected} at these parameters`);
  return Float64Array.from(checkpoint.parameters);
}

/**
 * Fetches checkpoint assets on first use, once per URL. A figure passes the asset's URL (from public/ or a
 * Vite `?url` import), never the bytes, through its island props.
 */
export function createCheckpointLoader(fetchAsset: (url: string) => Promise<Response> = (url) => fetch(url)): (url: string) => Promise<Checkpoint> {
  const loaded = new Map<string, Promise<Checkpoint>>();
  return (url) => {
    let checkpoint = loaded.get(url);
    if (!checkpoint) {
      checkpoint = fetchAsset(url).then(async (response) => {
        if (!response.ok) throw new Error(`checkpoint: ${url} answered ${response.status}`);
        return decodeCheckpoint(await response.arrayBuffer());
      });
      checkpoint.catch(() => loaded.delete(url)); // a failed fetch may be retried
      loaded.set(url, checkpoint);
    }
    return checkpoint;
  };
}
