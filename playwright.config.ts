import { defineConfig, devices } from '@playwright/test';
import { checkBrowserPath, chromiumArgs } from './tests/e2e/support/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4500);
const base = process.env.SITE_BASE ?? '/';
const outDir = process.env.SITE_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  // Two at a time on two cores: the responsiveness checks measure each main-thread task's own CPU time, which a
  // second worker does not stretch.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: 'off',
    launchOptions: { args: chromiumArgs, ...(checkBrowserPath ? { executablePath: checkBrowserPath } : {}) },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node scripts/serve-dist.mjs',
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { SITE_BASE: base, SITE_OUT_DIR: outDir, E2E_PORT: String(port) },
  },
});
