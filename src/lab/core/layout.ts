/**
 * A named layout for one flat parameter vector θ (Float64Array): every model addresses its parameters by
 * name (`layout.slice(theta, 'W')`), never by hand-computed offsets. Blocks are laid out in declaration order,
 * row-major, so a layout is also the format of a checkpoint (see checkpoint.ts).
 */

export type Shape = readonly number[];

export interface ParameterBlock<Name extends string = string> {
  readonly name: Name;
  readonly shape: Shape;
  readonly offset: number;
  readonly size: number;
}

export interface Layout<Name extends string = string> {
  /** Total number of parameters. */
  readonly size: number;
  readonly blocks: readonly ParameterBlock<Name>[];
  block(name: Name): ParameterBlock<Name>;
  /** A view (no copy) of one block inside θ or any vector of the same layout (a gradient, a mask). */
  slice(theta: Float64Array, name: Name): Float64Array;
  offset(name: Name): number;
}

/** `defineLayout({ W: [m, n], b: [n] })`: blocks in key order. */
export function defineLayout<const Blocks extends Record<string, Shape>>(shapes: Blocks): Layout<Extract<keyof Blocks, string>> {
  type Name = Extract<keyof Blocks, string>;
  const blocks: ParameterBlock<Name>[] = [];
  let offset = 0;
  for (const [name, shape] of Object.entries(shapes) as [Name, Shape][]) {
    if (shape.some((dim) => !Number.isInteger(dim) || dim < 0)) throw new Error(`layout: block "${name}" has an invalid shape [${shape.join(', ')}]`);
    const size = shape.reduce((product, dim) => product * dim, 1);
    blocks.push({ name, shape, offset, size });
    offset += size;
  }
  const byName = new Map(blocks.map((block) => [block.name, block]));
  const block = (name: Name): ParameterBlock<Name> => {
    const found = byName.get(name);
    if (!found) throw new Error(`layout: no block named "${name}"`);
    return found;
  };
  return {
    size: offset,
    blocks,
    block,
    offset: (name) => block(name).offset,
    slice(theta, name) {
      const { offset: start, size } = block(name);
      return theta.subarray(start, start + size);
    },
  };
}

/** `names` as block names of `layout`, or an error naming the blocks it does have (names from outside: a worker message, a CLI flag). */
export function checkBlockNames<Name extends string>(layout: Layout<Name>, names: readonly string[]): Name[] {
  const known = new Set<string>(layout.blocks.map((block) => block.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`layout: no block named ${unknown.map((name) => `"${name}"`).join(', ')}; the blocks are ${[...known].join(', ')}`);
  return names as Name[];
}
