// The lab checkpoint assets of a build (src/lab/core/checkpoint.ts): every *.checkpoint.bin under the output
// directory, with its size in bytes. Their budget is checked in budgets.mjs (checkpointChecks).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const checkpointSuffix = '.checkpoint.bin';

/**
 * @param {string} dist
 * @returns {{ path: string, bytes: number }[]} paths relative to `dist`, sorted
 */
export function checkpointAssets(dist) {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith(checkpointSuffix))
    .sort()
    .map((path) => ({ path: path.split('\\').join('/'), bytes: statSync(join(dist, path)).size }));
}
