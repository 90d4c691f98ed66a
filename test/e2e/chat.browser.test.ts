import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { conversations, messages, portfolioVersions } from '../../server/db/schema';
import { saveTestPortfolio } from '../helpers/portfolio-fixture';
import { recordStreaming, streamedTexts, setUpHarness } from './browser-harness';

const SCREENSHOT_PATH = process.env.PALM_E2E_SCREENSHOT ?? join(tmpdir(), 'palm-chat-e2e.png');
const BASE_SCREENSHOT_PATH = process.env.PALM_E2E_BASE_SCREENSHOT ?? join(tmpdir(), 'palm-chat-e2e-base.png');

const h = setUpHarness();

async function send(content: string): Promise<void> {
  await h.page.getByTestId('message-input').fill(content);
  await h.page.getByTestId('message-input').press('Enter');
}

/** Sends a message and waits for its answer to complete; returns the answer. */
async function sendAndWaitForAnswer(content: string): Promise<Locator> {
  await send(content);
  const answer = h.page.locator('[data-testid=assistant-message][data-status=complete]').last();
  await answer.waitFor({ timeout: 30_000 });
  return answer;
}

describe('PALM Chat in a browser', () => {
  it('moves a slider, sends a message and shows the streamed answer with its policy badge', async () => {
    const { page, portfolio } = h;
    const { llm, db } = h.server;
    await page.goto(h.server.url);
    await expect.poll(() => page.getByTestId('backend-info').textContent()).toContain(llm.info.model);
    expect(await page.getByTestId('portfolio-info').textContent()).toContain(`portfolio v${portfolio.version}`);
    expect(await page.getByTestId('demo-warning').isVisible()).toBe(!llm.info.chatTuned);

    // Safety up: the portfolio's safe member serves (for humor-heavy sliders the funny one would).
    await page.getByTestId('slider-safety').fill('1');
    expect(await page.getByTestId('slider-safety-value').textContent()).toBe('1.00');
    expect(await page.getByTestId('weights').textContent()).toContain('safety 50%');

    await recordStreaming(page);
    await send('Tell me a story about a brave little cat.');

    const answer = page.locator('[data-testid=assistant-message][data-status=complete]');
    await answer.waitFor({ timeout: 30_000 });
    const shown = await answer.getByTestId('message-text').textContent();
    expect(shown?.length).toBeGreaterThan(0);
    const streamed = await streamedTexts(page);
    expect(streamed.length, 'partial texts seen while streaming').toBeGreaterThan(0);
    for (const partial of streamed) expect(shown?.startsWith(partial)).toBe(true);

    const badge = answer.getByTestId('policy-badge');
    expect(await badge.textContent()).toContain(portfolio.safe.name);
    expect(await badge.textContent()).toContain(`portfolio v${portfolio.version}`);
    expect(await badge.getByTestId('policy-value').textContent()).toMatch(/^\d{1,3}\.\d% of best$/);
    const tooltip = await badge.getByTestId('policy-tooltip').textContent();
    expect(tooltip).toMatch(/Chosen because its measured rewards score highest for your weights .*\(\d{1,3}\.\d% of the best candidate\)/);
    expect(tooltip).toMatch(/your weights: safety 0\.50.*value .*best value /);

    const stored = db.select().from(messages).where(eq(messages.role, 'assistant')).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe('complete');
    expect(stored[0]?.content).toBe(shown);
    expect(stored[0]?.policyId).toBe(portfolio.safe.id);

    expect(await page.getByTestId('message-input').inputValue()).toBe('');
    await badge.hover();
    await expect.poll(() => badge.getByTestId('policy-tooltip').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  it('reopens the conversation after a reload, then renames and deletes it', async () => {
    const { page } = h;
    const { db } = h.server;
    const before = await page.locator('[data-testid=assistant-message] [data-testid=message-text]').textContent();
    await page.reload();
    const after = page.locator('[data-testid=assistant-message][data-status=complete] [data-testid=message-text]');
    await expect.poll(() => after.textContent()).toBe(before);
    // The sliders persisted across the reload.
    expect(await page.getByTestId('slider-safety-value').textContent()).toBe('1.00');

    const item = page.getByTestId('conversation-item');
    const longTitle = 'Cat stories for a rainy afternoon by the fire';
    await item.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('rename-input').fill(longTitle);
    await page.getByTestId('rename-input').press('Enter');
    await expect.poll(() => item.locator('.conversation__title').textContent()).toBe(longTitle);
    expect(db.select().from(conversations).all().map((c) => c.title)).toEqual([longTitle]);
    // At 1280 px the header shows the whole title: the chips wrap before it gets cut.
    const headerTitle = page.locator('.app-header__title');
    await expect.poll(() => headerTitle.textContent()).toBe(longTitle);
    expect(await headerTitle.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    await item.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('conversation-item').count()).toBe(0);
    expect(db.select().from(conversations).all()).toEqual([]);
    expect(await page.getByTestId('assistant-message').count()).toBe(0);
  });

  it('a failed send shows the server\'s message and keeps the text for a retry', async () => {
    const { page } = h;
    const { db } = h.server;
    await sendAndWaitForAnswer('Hello there');
    // The conversation disappears behind the page's back (another tab, an admin).
    db.delete(conversations).run();
    await send('Are you still there?');
    await expect.poll(() => page.getByTestId('error-line').textContent()).toBe('conversation not found');
    expect(await page.getByTestId('message-input').inputValue()).toBe('Are you still there?');
    await expect.poll(() => page.getByTestId('message-input').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(db.select().from(messages).all()).toEqual([]);
  });

  it('a link to a conversation that is not the user\'s shows a dismissible notice and clears the hash', async () => {
    const { page } = h;
    await page.goto(`${h.server.url}/#c=${randomUUID()}`);
    await page.reload();
    const notice = page.getByTestId('conversation-notice');
    await expect.poll(() => notice.textContent()).toContain("That conversation doesn't exist or isn't yours");
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('');
    expect(await page.locator('.app-header__title').textContent()).toBe('New chat');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
  });

  it('without an active portfolio the badge says base policy and how to build one, with no score', async () => {
    const { page } = h;
    const { db } = h.server;
    db.update(portfolioVersions).set({ status: 'retired' }).run();
    const answer = await sendAndWaitForAnswer('Hello base');
    const badge = answer.getByTestId('policy-badge');
    const text = await badge.textContent();
    expect(text).toContain('base policy · no portfolio active');
    expect(text).not.toContain('of best');
    expect(text).not.toMatch(/value 0\.000/);
    expect(await badge.getByTestId('policy-value').count()).toBe(0);
    expect(await badge.getByTestId('policy-tooltip').textContent()).toContain('An admin can build one with npm run build-portfolio.');
    await badge.hover();
    await expect.poll(() => badge.getByTestId('policy-tooltip').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.screenshot({ path: BASE_SCREENSHOT_PATH });
  });

  it("an answer cut at the policy's length limit says so, live and after a reload", async () => {
    const { page } = h;
    const { db } = h.server;
    // A new active portfolio whose members may write 4 tokens only: the answer is cut mid-story.
    saveTestPortfolio(db, { maxTokens: 4 });
    const answer = await sendAndWaitForAnswer('Tell me a long story');
    const id = await answer.getAttribute('data-message-id');
    expect(db.select().from(messages).where(eq(messages.id, id ?? '')).get()?.finishReason).toBe('length');
    expect(await answer.getByTestId('truncated-label').textContent()).toBe("cut at the policy's length limit");

    await page.reload();
    const reloaded = page.locator(`[data-testid=assistant-message][data-message-id="${id ?? ''}"]`);
    await reloaded.waitFor({ timeout: 30_000 });
    expect(await reloaded.getByTestId('truncated-label').isVisible()).toBe(true);
  });
});
