import { type Article, articlePath, articleTeachingMaterial } from './articles.ts';
import { classroomViews, type ClassroomView } from './classroom.ts';
import { readingMinutes } from './reading-time.ts';
import type { TeachingMaterial } from './teaching-material.ts';

/** One article as the teach page lists it. */
export interface TeachingEntry extends TeachingMaterial {
  article: Article;
  href: string;
  minutes: number;
  prerequisites: { title: string; href: string }[];
  classroom: ClassroomView[];
}

/**
 * The teach page's data, from each article's front matter, body and compilation (classroom states are
 * checked by classroomViews, so a bad one fails the build).
 */
export async function teachingEntries(articles: Article[], base: string): Promise<TeachingEntry[]> {
  const bySlug = new Map(articles.map((a) => [a.data.slug, a]));
  return Promise.all(articles.map(async (article) => {
    const body = article.body ?? '';
    const file = article.filePath ?? `content/articles/${article.id}.mdx`;
    const classroom = classroomViews({ file, slug: article.data.slug, body, classroom: article.data.classroom }, base);
    return {
      article,
      href: articlePath(article),
      minutes: readingMinutes(body),
      prerequisites: article.data.prerequisites.flatMap((slug) => {
        const p = bySlug.get(slug);
        return p ? [{ title: p.data.title, href: articlePath(p) }] : [];
      }),
      classroom,
      ...(await articleTeachingMaterial(article)),
    };
  }));
}
