// Serves a built site (dist/ by default) under its base path, with its _headers, for the browser tests.
// Unlike `astro preview`, any number of these can run beside a preview the developer already has open.
import { serve } from './quality/server.mjs';

const dist = process.env.SITE_OUT_DIR ?? 'dist';
const base = process.env.SITE_BASE ?? '/';
const port = Number(process.env.E2E_PORT ?? 4500);
const { origin } = await serve(dist, { base, port });
console.log(`Serving ${dist} at ${origin}${base}`);
