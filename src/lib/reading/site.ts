/** Names and licences of the site, in one place. */
export const SITE_NAME = 'Grown, not built';
export const SITE_DESCRIPTION =
  'An explainer on how researchers study large language models the way biologists study organisms.';
export const LICENCE = {
  prose: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  code: { name: 'MIT', url: 'https://opensource.org/license/mit' },
} as const;

/** Joins the deployment base (always ending in "/") with a site path written from the root. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}
