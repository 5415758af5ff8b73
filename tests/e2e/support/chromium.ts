import { existsSync } from 'node:fs';

/**
 * Features Playwright turns off with its own --disable-features switch. Chromium keeps only the last of several
 * such switches, so ours (after Playwright's on the command line) repeats them; a unit test
 * (tests/unit/scripts/chromium-args.test.ts) fails when Playwright's list gains a name this one lacks.
 */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Debian's Chromium in headless mode gives every window a WebUI omnibox popup (chrome://omnibox-popup.top-chrome)
 * in a renderer of its own that keeps working while nothing is shown: about 0.4 of a core per open page, measured,
 * which made every browser check CPU-bound on a 2-core machine.
 */
const headlessOverheadFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/**
 * Chromium starts a spare renderer ahead of the next navigation, in the default profile; the checks open every page
 * in a fresh context (a profile of its own) that cannot use it, so each spare was started for nothing. Measured,
 * ten fresh contexts each loading the glossary: 1.1–1.2 core-seconds a page with the spare, 0.8–1.0 without.
 */
const unusedWarmupFeatures = ['SpareRendererForSitePerProcess'];

/** Flags that keep Chromium quiet on a machine with no network but loopback, and idle when nothing happens. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...playwrightDisabledFeatures, ...headlessOverheadFeatures, ...unusedWarmupFeatures].join(',')}`,
];

/**
 * Debian's Chromium when installed (Playwright cannot download its own here), else Playwright's: the browser a
 * reader runs, for Lighthouse's timed runs.
 */
export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/**
 * The browser for the checks (browser tests, the quality report's browser pass, Lighthouse's category runs):
 * Debian's chromium-headless-shell, the same Chromium build without the browser's own windows and UI, which is
 * what Playwright itself runs headless. A page in a fresh context costs it half the CPU time (0.40 core-seconds
 * against 0.79, measured), and the browser tests as a whole about a sixth less (417 core-seconds against 493).
 * The full browser when the shell is not installed.
 */
export const checkBrowserPath = ['/usr/bin/chromium-headless-shell'].find((p) => existsSync(p)) ?? chromiumPath;
