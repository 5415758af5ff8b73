/**
 * The `_headers` file (Cloudflare Pages, Netlify) for a build served under `base`. The strict script and
 * style policy is in each page's <meta> CSP (Astro); framing rules only work as headers: every page may be
 * framed by the site alone, the figures' embed pages by anyone.
 */
export function headersFile(base: string): string {
  return `# Generated at build time for the base path ${base} (src/lib/deploy/headers-file.ts).
${base}*
  Content-Security-Policy: frame-ancestors 'self'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

${base}embed/*
  ! Content-Security-Policy
  Content-Security-Policy: frame-ancestors *
`;
}
