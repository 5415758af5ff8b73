/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
    // One worker process serves many test files instead of one per file: the files share no global state, and
    // starting a worker with Astro's Vite config costs a second or more per file.
    isolate: false,
    // Under CI a missing snapshot must fail, never be written.
    update: false,
  },
});
