import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { LlmBackend } from '../../server/llm/llm.types';
import { saveTestPortfolio } from '../helpers/portfolio-fixture';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { REPO_ROOT } from '../helpers/test-model';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync',
];

export type SeededPortfolio = ReturnType<typeof saveTestPortfolio>;

export interface Harness {
  server: TestServer;
  portfolio: SeededPortfolio;
  page: Page;
  /** Script errors and console.error output of the page since the last call. */
  takePageErrors(): string[];
  close(): Promise<void>;
}

/**
 * The whole product for one browser test file: the client built as `npm start` builds it, the
 * real server (test-server helper: random port, temporary database, embedded backend on the test
 * model, optionally wrapped) with an active test portfolio, and a headless Chromium page.
 */
async function startHarness(wrapLlm?: (llm: LlmBackend) => LlmBackend): Promise<Harness> {
  const clientDir = await buildClient();
  let portfolio: SeededPortfolio | undefined;
  const server = await startTestServer({
    clientDir,
    ...(wrapLlm ? { wrapLlm } : {}),
    seed: (db) => {
      portfolio = saveTestPortfolio(db);
    },
  });
  if (!portfolio) throw new Error('the test portfolio was not seeded');
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await logIn(page, server, 'tester');
  let pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    server, portfolio, page,
    takePageErrors: () => {
      const seen = pageErrors;
      pageErrors = [];
      return seen;
    },
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the file's harness hooks: started before all tests, closed after them, and after
 * each test the page must have shown no script error or console.error (a bug, like
 * console.error in Node tests). The returned object reads the harness started for this file.
 */
export function setUpHarness(wrapLlm?: (llm: LlmBackend) => LlmBackend): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(wrapLlm);
  });
  afterAll(async () => {
    await current?.close();
  });
  afterEach(() => {
    expect(started().takePageErrors(), 'errors in the browser page').toEqual([]);
  });
  const started = (): Harness => {
    if (!current) throw new Error('the browser harness has not started (use it inside tests or hooks)');
    return current;
  };
  return {
    get server() {
      return started().server;
    },
    get portfolio() {
      return started().portfolio;
    },
    get page() {
      return started().page;
    },
    takePageErrors: () => started().takePageErrors(),
    close: () => started().close(),
  };
}

/** Gives the page the session cookie of an account registered through the real endpoints. */
export async function logIn(page: Page, server: TestServer, name: string): Promise<void> {
  const { cookie } = await server.accounts.get(name);
  const value = cookie.slice(cookie.indexOf('=') + 1);
  await page.context().clearCookies();
  await page.context().addCookies([{ name: 'palm_session', value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
}

async function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`could not start Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`, { cause: error });
  }
}

/** Builds the client into a temporary folder, so the working tree's client/dist stays untouched. */
async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'palm-chat-client-'));
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(REPO_ROOT, 'client/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

declare global {
  interface Window {
    /** Texts an answer showed while streaming, collected in the page by recordStreaming(). */
    palmStreamed?: string[];
  }
}

/** Records every text an answer shows while it streams, to prove it grew piece by piece. */
export async function recordStreaming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    window.palmStreamed = seen;
    new MutationObserver(() => {
      const answer = document.querySelector('[data-testid=assistant-message][data-status=streaming] [data-testid=message-text]');
      const text = answer?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function streamedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.palmStreamed ?? []);
}
