/**
 * Which page gets which link-preview card: one per article, one per figure (for its embed page), and the
 * site's own for the home page and every other page. Images are built by src/pages/og/[...card].png.ts.
 */
import type { Article } from '../reading/articles.ts';
import { getArticles } from '../reading/articles.ts';
import { SITE_DESCRIPTION, SITE_NAME, withBase } from '../reading/site.ts';
import { figures } from '../../figures/registry.ts';
import type { FigureDefinition } from '../../figures/contract.ts';
import type { Card } from './card-svg.ts';

export interface SocialCard {
  /** The image's path under og/, without ".png": `site`, `articles/<slug>`, `embed/<figure id>`. */
  key: string;
  card: Card;
}

export const siteCard: SocialCard = {
  key: 'site',
  card: { kicker: 'An explainer series', title: SITE_NAME, body: SITE_DESCRIPTION },
};

export function articleCard(article: Article, part: { number: number; of: number }): SocialCard {
  return {
    key: `articles/${article.data.slug}`,
    card: { kicker: `${SITE_NAME} · part ${part.number} of ${part.of}`, title: article.data.title, body: article.data.summary },
  };
}

export function figureCard(figure: FigureDefinition): SocialCard {
  return { key: `embed/${figure.id}`, card: { kicker: `${SITE_NAME} · interactive figure`, title: figure.title, body: figure.description } };
}

/** Every card the build renders. */
export async function socialCards(): Promise<SocialCard[]> {
  const articles = await getArticles();
  return [siteCard, ...articles.map((a, i) => articleCard(a, { number: i + 1, of: articles.length })), ...figures.map(figureCard)];
}

/** Site path of a card's image (with the deployment base). */
export function cardImagePath({ key }: SocialCard): string {
  return withBase(import.meta.env.BASE_URL, `og/${key}.png`);
}
