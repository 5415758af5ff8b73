import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles, articlePath } from '../lib/reading/articles.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/reading/site.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function GET(context: APIContext) {
  const articles = await getArticles();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    // The channel links to the home page, under the build's base path.
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    // RSS 2.0's <author> must be an email address; authors' names go in Dublin Core's <dc:creator>.
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.summary,
      pubDate: a.data.published,
      link: articlePath(a),
      customData: a.data.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
    })),
  });
}
