/** /og/<key>.png: the link-preview image of each page that has one (src/lib/social/cards.ts), drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { socialCards, type SocialCard } from '../../lib/social/cards.ts';
import { cardDrawing } from '../../lib/social/figure-preview.ts';
import { renderCardPng } from '../../lib/social/render-card.ts';

export const getStaticPaths = (async () =>
  (await socialCards()).map((social) => ({ params: { card: social.key }, props: { social } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ social: SocialCard }> = async ({ props: { social } }) => {
  const png = await renderCardPng(social.card, await cardDrawing(social));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
