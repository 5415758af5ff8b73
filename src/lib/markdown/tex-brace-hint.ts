import { relative } from 'node:path';
import { texBraceHint } from '../content/mdx-errors.ts';

interface MdxRenderer {
  process(content: string, filePath: string, ...rest: never[]): Promise<unknown>;
}

/** Wraps a Markdown processor so MDX parse errors caused by unclosed inline math say so. */
export function withTexBraceHints<P extends { createMdxRenderer?: (...args: never[]) => Promise<MdxRenderer> }>(processor: P, root: string): P {
  const create = processor.createMdxRenderer;
  if (!create) return processor;
  return {
    ...processor,
    async createMdxRenderer(...args: never[]) {
      const renderer = await create.apply(processor, args);
      return {
        ...renderer,
        async process(content: string, filePath: string, ...rest: never[]) {
          try {
            return await renderer.process(content, filePath, ...rest);
          } catch (error) {
            throw texBraceHint(error, content, relative(root, filePath)) ?? error;
          }
        },
      };
    },
  };
}
