import { figureAnchor } from '../../figures/contract.ts';
import { getFigure } from '../../figures/registry.ts';
import type { ClassroomState } from '../content/article-schema.ts';
import { decodeParam, paramKey, quote, type ParamDecls } from '../url-state.ts';
import { withBase } from './site.ts';

/**
 * Figure states declared in an article's `classroom` front matter: each is checked against the figure's own
 * URL codec, so a state the figure would refuse (an unknown setting, a value out of range) fails the build
 * instead of becoming a link that opens the default view.
 */

/** Why `state` (the figure's parameters without the anchor prefix, `a=1&b=2`) is not a valid view, if it is not. */
export function classroomStateProblems(state: string, decls: ParamDecls): string[] {
  const query = new URLSearchParams(state);
  const names = [...query.keys()];
  if (names.length === 0) return ['the state sets no parameter'];
  const problems: string[] = [];
  for (const name of new Set(names)) {
    const decl = decls[name];
    if (!Object.hasOwn(decls, name) || !decl) {
      problems.push(`${quote(name)} is not a setting of this figure (settings: ${Object.keys(decls).join(', ')})`);
      continue;
    }
    const raws = query.getAll(name);
    if (raws.length > 1) problems.push(`${quote(name)} appears more than once`);
    const decoded = decodeParam(decl, raws[0] ?? '');
    if (!decoded.ok) problems.push(`${name}: ${decoded.reason}`);
  }
  return problems;
}

/** The article URL that opens the figure (at `anchor`) in `state`, scrolled to it. */
export function classroomLink(base: string, slug: string, anchor: string, state: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(state)) query.append(paramKey(anchor, name), value);
  return `${withBase(base, `articles/${slug}/`)}?${query.toString()}#${anchor}`;
}

export interface ClassroomView {
  href: string;
  figureTitle: string;
  note: string;
}

/**
 * An article's declared classroom states as links. A state whose figure the article does not show, or that the
 * figure's codec refuses, throws (failing the build) with the article's file and the state.
 */
export function classroomViews(article: { file: string; slug: string; body: string; classroom: ClassroomState[] }, base: string): ClassroomView[] {
  return article.classroom.map(({ figure: id, state, note }) => {
    const where = `${article.file}: classroom state (figure: ${id}, state: "${state}")`;
    if (!article.body.includes(`<Figure id="${id}"`)) throw new Error(`${where}: the article shows no <Figure id="${id}">`);
    const figure = getFigure(id);
    const problems = classroomStateProblems(state, figure.params);
    if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
    return { href: classroomLink(base, article.slug, figureAnchor(id), state), figureTitle: figure.title, note };
  });
}
