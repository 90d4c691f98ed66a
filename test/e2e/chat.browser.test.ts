import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app';
import { conversations, messages } from '../../server/db/schema';
import { createEmbeddedBackend } from '../../server/llm/embedded.backend';
import type { LlmBackend } from '../../server/llm/llm.types';
import { tempDatabase } from '../helpers/temp-db';
import { REPO_ROOT, TEST_MODEL_PATH } from '../helpers/test-model';
import { seedPortfolio, type SeededPortfolio } from './seed-portfolio';

const SCREENSHOT_PATH = process.env.PALM_E2E_SCREENSHOT ?? join(tmpdir(), 'palm-chat-e2e.png');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync',
];

let clientDir: string;
let database: ReturnType<typeof tempDatabase>;
let llm: LlmBackend;
let app: App;
let baseUrl: string;
let browser: Browser;
let portfolio: SeededPortfolio;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  // Built here, so `npm test` from a clean clone needs no separate build step.
  clientDir = await buildClient();
  database = tempDatabase();
  llm = await createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 1, contextSize: 512 });
  portfolio = seedPortfolio(database.db, llm.info.model);
  app = createApp({ db: database.db, llm, clientDir });
  const address = await app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${address.port}/`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // A script error or console.error in the page is a bug, like console.error in Node tests.
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await llm?.close();
  database?.cleanup();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

afterEach(() => {
  const seen = pageErrors;
  pageErrors = [];
  expect(seen, 'errors in the browser page').toEqual([]);
});

/** Builds the client as `npm start` does, into a temporary folder (the working tree stays untouched). */
async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'palm-chat-client-'));
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: resolve(REPO_ROOT, 'client/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** Records every text the answer shows while it streams, to prove it grew piece by piece. */
async function recordStreaming(target: Page): Promise<void> {
  await target.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __streamed: seen });
    new MutationObserver(() => {
      const answer = document.querySelector('[data-testid=assistant-message][data-status=streaming] [data-testid=message-text]');
      const text = answer?.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

describe('PALM Chat in a browser', () => {
  it('moves a slider, sends a message and shows the streamed answer with its policy badge', async () => {
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('backend-info').textContent()).toContain(llm.info.model);
    expect(await page.getByTestId('portfolio-info').textContent()).toContain(`portfolio v${portfolio.version}`);
    expect(await page.getByTestId('demo-warning').isVisible()).toBe(!llm.info.chatTuned);

    // Safety up: the portfolio's careful policy now wins (with the defaults the humorous one does).
    await page.getByTestId('slider-safety').fill('1');
    expect(await page.getByTestId('slider-safety-value').textContent()).toBe('1.00');
    expect(await page.getByTestId('weights').textContent()).toContain('safety 50%');

    await recordStreaming(page);
    await page.getByTestId('message-input').fill('Tell me a story about a brave little cat.');
    await page.getByTestId('message-input').press('Enter');

    const answer = page.locator('[data-testid=assistant-message][data-status=complete]');
    await answer.waitFor({ timeout: 30_000 });
    const shown = await answer.getByTestId('message-text').textContent();
    expect(shown?.length).toBeGreaterThan(0);
    const streamed = await page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed);
    expect(streamed.length, 'partial texts seen while streaming').toBeGreaterThan(0);
    for (const partial of streamed) expect(shown?.startsWith(partial)).toBe(true);

    const badge = answer.getByTestId('policy-badge');
    expect(await badge.textContent()).toContain(portfolio.careful.name);
    expect(await badge.textContent()).toContain(`portfolio v${portfolio.version}`);
    expect(await badge.getByTestId('policy-value').textContent()).toMatch(/^\d{1,3}\.\d% of best$/);
    expect(await badge.getByTestId('policy-tooltip').textContent()).toMatch(/value .*best value .*weights safety 0\.50/);

    const stored = database.db.select().from(messages).where(eq(messages.role, 'assistant')).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe('complete');
    expect(stored[0]?.content).toBe(shown);
    expect(stored[0]?.policyId).toBe(portfolio.careful.id);

    expect(await page.getByTestId('message-input').inputValue()).toBe('');
    await badge.hover();
    await expect.poll(() => badge.getByTestId('policy-tooltip').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  it('reopens the conversation after a reload, then renames and deletes it', async () => {
    const before = await page.locator('[data-testid=assistant-message] [data-testid=message-text]').textContent();
    await page.reload();
    const after = page.locator('[data-testid=assistant-message][data-status=complete] [data-testid=message-text]');
    await expect.poll(() => after.textContent()).toBe(before);
    // The sliders persisted across the reload.
    expect(await page.getByTestId('slider-safety-value').textContent()).toBe('1.00');

    const item = page.getByTestId('conversation-item');
    await item.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('rename-input').fill('Cat stories');
    await page.getByTestId('rename-input').press('Enter');
    await expect.poll(() => item.locator('.conversation__title').textContent()).toBe('Cat stories');
    expect(database.db.select().from(conversations).all().map((c) => c.title)).toEqual(['Cat stories']);

    await item.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('conversation-item').count()).toBe(0);
    expect(database.db.select().from(conversations).all()).toEqual([]);
    expect(await page.getByTestId('assistant-message').count()).toBe(0);
  });
});
