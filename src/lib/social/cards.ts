/**
 * Which page gets which link-preview card: one per article (beside its first figure's drawing), one per figure
 * for its embed page (beside its own drawing), and the site's own for the home page and every other page.
 * Images are built by src/pages/og/[...card].png.ts.
 */
import type { Article } from '../reading/articles.ts';
import { articleUses, getArticles } from '../reading/articles.ts';
import { usesOf, type ComponentUses } from '../reading/usage.ts';
import { SITE_DESCRIPTION, SITE_NAME, withBase } from '../reading/site.ts';
import { figures } from '../../figures/registry.ts';
import type { FigureDefinition } from '../../figures/contract.ts';
import type { Card } from './card-svg.ts';

export interface SocialCard {
  /** The image's path under og/, without ".png": `site`, `articles/<slug>`, `embed/<figure id>`. */
  key: string;
  card: Card;
  /** The figure whose drawing the card shows (src/lib/social/figure-preview.ts); none for a title card. */
  figure?: string | undefined;
}

export const siteCard: SocialCard = {
  key: 'site',
  card: { kicker: 'An explainer series', title: SITE_NAME, body: SITE_DESCRIPTION },
};

/** An article's card; `firstFigure` is the id of the first figure it shows, as counted in its compilation. */
export function articleCard(article: Article, part: { number: number; of: number }, firstFigure: string | undefined): SocialCard {
  return {
    key: `articles/${article.data.slug}`,
    card: { kicker: `${SITE_NAME} · part ${part.number} of ${part.of}`, title: article.data.title, body: article.data.summary },
    figure: firstFigure,
  };
}

/** The id of the first figure in an article's component uses (they are in reading order). */
export const firstFigure = (uses: ComponentUses | undefined): string | undefined => usesOf(uses, 'Figure').keys().next().value;

export function figureCard(figure: FigureDefinition): SocialCard {
  return {
    key: `embed/${figure.id}`,
    card: { kicker: `${SITE_NAME} · interactive figure`, title: figure.title, body: figure.description },
    figure: figure.id,
  };
}

/** Every card the build renders. */
export async function socialCards(): Promise<SocialCard[]> {
  const articles = await getArticles();
  const uses = await Promise.all(articles.map(articleUses));
  return [
    siteCard,
    ...articles.map((a, i) => articleCard(a, { number: i + 1, of: articles.length }, firstFigure(uses[i]))),
    ...figures.map(figureCard),
  ];
}

/** Site path of a card's image (with the deployment base). */
export function cardImagePath({ key }: SocialCard): string {
  return withBase(import.meta.env.BASE_URL, `og/${key}.png`);
}
