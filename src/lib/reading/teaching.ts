import { getFigure } from '../../figures/registry.ts';
import { figureAnchor } from '../../figures/contract.ts';
import { type Article, articlePath } from './articles.ts';
import { classroomLink, classroomStateProblems } from './classroom.ts';
import { readingMinutes } from './reading-time.ts';
import { teachingMaterial, type TeachingMaterial } from './teaching-material.ts';

/** One article as the teach page lists it. */
export interface TeachingEntry extends TeachingMaterial {
  article: Article;
  href: string;
  minutes: number;
  prerequisites: { title: string; href: string }[];
  classroom: { href: string; figureTitle: string; note: string }[];
}

/**
 * The teach page's data, from each article's front matter and body. A classroom state whose figure is not
 * in the article or that the figure's URL codec refuses fails the build, naming the article and the state.
 */
export function teachingEntries(articles: Article[], base: string): TeachingEntry[] {
  const bySlug = new Map(articles.map((a) => [a.data.slug, a]));
  return articles.map((article) => {
    const body = article.body ?? '';
    const classroom = article.data.classroom.map(({ figure: id, state, note }) => {
      const where = `content/articles/${article.id}.mdx classroom (figure: ${id}, state: "${state}")`;
      if (!new RegExp(`<Figure\\s+id="${id}"`).test(body)) throw new Error(`${where}: the article shows no <Figure id="${id}">`);
      const figure = getFigure(id);
      const problems = classroomStateProblems(state, figure.params);
      if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
      return { href: classroomLink(base, article.data.slug, figureAnchor(id), state), figureTitle: figure.title, note };
    });
    return {
      article,
      href: articlePath(article),
      minutes: readingMinutes(body),
      prerequisites: article.data.prerequisites.flatMap((slug) => {
        const p = bySlug.get(slug);
        return p ? [{ title: p.data.title, href: articlePath(p) }] : [];
      }),
      classroom,
      ...teachingMaterial(body.replace(/^---[\s\S]*?---/, '')),
    };
  });
}
