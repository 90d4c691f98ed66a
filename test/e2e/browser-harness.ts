import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { createApp, type App } from '../../server/app';
import { createEmbeddedBackend } from '../../server/llm/embedded.backend';
import type { LlmBackend } from '../../server/llm/llm.types';
import { tempDatabase } from '../helpers/temp-db';
import { REPO_ROOT, TEST_MODEL_PATH } from '../helpers/test-model';
import { seedPortfolio, type SeededPortfolio } from './seed-portfolio';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync',
];

export interface Harness {
  app: App;
  llm: LlmBackend;
  database: ReturnType<typeof tempDatabase>;
  portfolio: SeededPortfolio;
  baseUrl: string;
  page: Page;
  /** Script errors and console.error output of the page since the last call. */
  takePageErrors(): string[];
  close(): Promise<void>;
}

/**
 * The whole product for one browser test file: the client built as `npm start` builds it, the
 * real server on a random port with a temporary database, a seeded portfolio, the embedded
 * backend on the test model (optionally wrapped, e.g. paced), and a headless Chromium page.
 */
export async function startHarness(wrap: (llm: LlmBackend) => LlmBackend = (llm) => llm): Promise<Harness> {
  const clientDir = await buildClient();
  const database = tempDatabase();
  const model = await createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 1, contextSize: 512 });
  const llm = wrap(model);
  const portfolio = seedPortfolio(database.db, llm.info.model);
  const app = createApp({ db: database.db, llm, clientDir });
  const address = await app.listen(0, '127.0.0.1');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    app, llm, database, portfolio, page,
    baseUrl: `http://127.0.0.1:${address.port}/`,
    takePageErrors: () => {
      const seen = pageErrors;
      pageErrors = [];
      return seen;
    },
    close: () => closeAll(browser, app, llm, database, clientDir),
  };
}

async function closeAll(browser: Browser, app: App, llm: LlmBackend, database: Harness['database'], clientDir: string): Promise<void> {
  await browser.close();
  await app.close();
  await llm.close();
  database.cleanup();
  rmSync(clientDir, { recursive: true, force: true });
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

/** Records every text an answer shows while it streams, to prove it grew piece by piece. */
export async function recordStreaming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __streamed: seen });
    new MutationObserver(() => {
      const answer = document.querySelector('[data-testid=assistant-message][data-status=streaming] [data-testid=message-text]');
      const text = answer?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function streamedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
}
