import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildWeb } from './build-web';
import { launchChromium } from './launch-chromium';
import { startTestServer, type TestServer } from './start-test-server';
import { logIn } from './story-helpers';

/** Where the flows save the README's screenshots. */
export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** The app under test of one flow file: its server (base URL, demo accounts) and its browser. */
export interface WebApp {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A French-locale page of the given height (default 900 px), with the flow's step timeout. */
  newPage(options?: { height?: number; acceptDownloads?: boolean }): Promise<Page>;
  /** Logs in through the login screen as `email` (demo password). */
  logIn(page: Page, email: string): Promise<void>;
}

/**
 * Builds the web bundle (or copies the one `npm test` built), starts a real server on a fresh
 * database and launches Chromium before the file's flows; stops and removes them after.
 */
export function setUpWebApp({ setupTimeoutMs, stepTimeoutMs }: { setupTimeoutMs: number; stepTimeoutMs: number }): WebApp {
  let distDir: string | undefined;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'mutualis-web-'));
    await buildWeb(distDir);
    server = await startTestServer(distDir);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, setupTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the web app is not started (used outside a test?)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async newPage({ height = 900, acceptDownloads = false } = {}) {
      const page = await started(browser).newPage({ viewport: { width: 1440, height }, locale: 'fr-FR', acceptDownloads });
      page.setDefaultTimeout(stepTimeoutMs);
      return page;
    },
    logIn: (page, email) => logIn(page, started(server).baseUrl, email),
  };
}
