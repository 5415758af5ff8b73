/** Deployment settings, from the environment with defaults: one build per base path. */
export interface SiteConfig {
  /** Absolute origin the site is served from, used for canonical URLs and feeds. */
  url: string;
  /** Path prefix under that origin, always with leading and trailing slashes. */
  base: string;
  /** Repository for "edit this page" and "report an error" links. */
  repository: string;
}

export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function siteConfig(env: Record<string, string | undefined>): SiteConfig {
  return {
    url: (env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/+$/, ''),
    base: normaliseBase(env.SITE_BASE),
    repository: env.SITE_REPOSITORY ?? 'https://github.com/grown-not-built/site',
  };
}
