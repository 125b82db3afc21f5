import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.harness';
import { startSystem, type RunningSystem } from './system.harness';

export interface Suite {
  system: RunningSystem;
  browser: Browser;
}

/** One running system and one Chromium per spec file, torn down after it. */
export function useSuite(): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    const [system, browser] = await Promise.all([startSystem(), launchChromium()]);
    suite.system = system;
    suite.browser = browser;
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.system?.close();
  }, 60_000);
  return suite;
}
