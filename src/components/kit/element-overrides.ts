/**
 * The HTML elements the kit renders with its own components (kit.ts). MDX's static-HTML optimisation
 * (astro.config.mjs) must leave them as components, or their overrides would silently stop applying.
 */
export const kitElementOverrides = ['h2', 'h3'] as const;
