import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { jsxAttribute, visitComponents } from '../content/authoring-checks.ts';

/** What the teach page lists from an article's body: its check-your-understanding questions and discussion prompts. */
export interface TeachingMaterial {
  /** The `q` of each `<Question>`, in reading order. */
  questions: string[];
  /** Each list item inside `<DiscussionPrompts>`, as plain text. */
  discussion: string[];
}

/**
 * Teaching material from an article's Markdown tree. Collected once per build while Astro compiles the
 * article (remark-authoring), and read back by the teach page through `remarkPluginFrontmatter.teaching`.
 */
export function teachingMaterial(tree: Root): TeachingMaterial {
  const questions: string[] = [];
  const discussion: string[] = [];
  visitComponents(tree, (node) => {
    if (node.name === 'Question') {
      const q = jsxAttribute(node, 'q');
      if (q !== undefined) questions.push(q);
    } else if (node.name === 'DiscussionPrompts') {
      for (const child of node.children) {
        if (child.type !== 'list') continue;
        for (const item of child.children) discussion.push(toString(item).replace(/\s+/g, ' ').trim());
      }
    }
  });
  return { questions, discussion };
}
