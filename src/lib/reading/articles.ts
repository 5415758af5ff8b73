import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { PageCitation } from './citation-format.ts';
import { SITE_NAME, withBase } from './site.ts';
import type { TeachingMaterial } from './teaching-material.ts';
import type { ComponentUses } from './usage.ts';

export type Article = CollectionEntry<'articles'>;

/** Articles in series order; drafts only outside production builds. */
export async function getArticles(): Promise<Article[]> {
  const all = await getCollection('articles', (a) => !import.meta.env.PROD || a.data.status === 'published');
  return all.sort((a, b) => a.data.order - b.data.order);
}

type Rendered = Awaited<ReturnType<typeof render>>;
const renderedById = new Map<string, Promise<Rendered>>();

/**
 * Astro's render() of an article, once per article in a production build: the article's own page, every embed page,
 * the glossary, the references and the link previews all ask, and each call imports the compiled module again and
 * builds an error object (with its stack) in case it fails. The dev server renders afresh, so an edit shows.
 */
export function renderArticle(article: Article): Promise<Rendered> {
  if (!import.meta.env.PROD) return render(article);
  let rendered = renderedById.get(article.id);
  if (!rendered) renderedById.set(article.id, (rendered = render(article)));
  return rendered;
}

/** The components an article uses, as its compilation counted them (no second parse of its MDX). */
export async function articleUses(article: Article): Promise<ComponentUses> {
  const { remarkPluginFrontmatter } = await renderArticle(article);
  return (remarkPluginFrontmatter.uses as ComponentUses | undefined) ?? {};
}

/** An article's questions and discussion prompts, as its compilation collected them. */
export async function articleTeachingMaterial(article: Article): Promise<TeachingMaterial> {
  const { remarkPluginFrontmatter } = await renderArticle(article);
  return (remarkPluginFrontmatter.teaching as TeachingMaterial | undefined) ?? { questions: [], discussion: [] };
}

export function articlePath(article: Article): string {
  return withBase(import.meta.env.BASE_URL, `articles/${article.data.slug}/`);
}

export function articleCitation(article: Article, site: URL): PageCitation {
  return {
    title: article.data.title,
    authors: article.data.authors,
    published: article.data.published,
    updated: article.data.updated,
    url: new URL(articlePath(article), site).href,
    siteName: SITE_NAME,
    slug: article.data.slug,
  };
}
