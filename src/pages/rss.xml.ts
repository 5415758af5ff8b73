import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles, articlePath } from '../lib/reading/articles.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/reading/site.ts';

export async function GET(context: APIContext) {
  const articles = await getArticles();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: context.site as URL,
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.summary,
      pubDate: a.data.published,
      link: articlePath(a),
      author: a.data.authors.join(', '),
    })),
  });
}
