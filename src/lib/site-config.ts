/** Deployment settings, from the environment with defaults: one build per base path. */
export interface SiteConfig {
  /** Absolute origin the site is served from, used for canonical URLs and feeds. */
  url: string;
  /** Path prefix under that origin, always with leading and trailing slashes. */
  base: string;
  /** Repository for "edit this page" and "report an error" links. */
  repository: string;
  /**
   * How equations are written: `mathml` (MathML Core, drawn by the browser with no stylesheet or web font)
   * or `html` (KaTeX's HTML, which needs KaTeX's stylesheet and fonts). `npm run bench:paint` compares them.
   */
  math: MathOutput;
}

export type MathOutput = 'mathml' | 'html';

export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function siteConfig(env: Record<string, string | undefined>): SiteConfig {
  return {
    url: (env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/+$/, ''),
    base: normaliseBase(env.SITE_BASE),
    repository: env.SITE_REPOSITORY ?? 'https://github.com/grown-not-built/site',
    math: env.SITE_MATH === 'html' ? 'html' : 'mathml',
  };
}
