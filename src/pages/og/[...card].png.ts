/** /og/<key>.png: the link-preview image of each page that has one (src/lib/social/cards.ts), drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Card } from '../../lib/social/card-svg.ts';
import { socialCards } from '../../lib/social/cards.ts';
import { renderCardPng } from '../../lib/social/render-card.ts';

export const getStaticPaths = (async () =>
  (await socialCards()).map(({ key, card }) => ({ params: { card: key }, props: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: Card }> = ({ props }) =>
  new Response(new Uint8Array(renderCardPng(props.card)), { headers: { 'content-type': 'image/png' } });
