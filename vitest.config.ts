/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
    // Under CI a missing snapshot must fail, never be written.
    update: false,
  },
});
