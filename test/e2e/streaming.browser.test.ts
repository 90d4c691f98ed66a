import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { messages } from '../../server/db/schema';
import { recordStreaming, streamedTexts, setUpHarness } from './browser-harness';
import { paced } from './paced-backend';

// ~48 pieces at 60 ms: a few seconds of streaming, time enough to act mid-answer.
const PIECE_DELAY_MS = 60;

const h = setUpHarness((llm) => paced(llm, PIECE_DELAY_MS));

beforeEach(async () => {
  await h.page.goto(h.server.url);
});

/** Sends a message in a new chat and waits until the answer has shown some text. */
async function sendAndWaitForText(content: string): Promise<void> {
  const { page } = h;
  await page.getByTestId('new-chat').click();
  await page.getByTestId('message-input').fill(content);
  await page.getByTestId('send-button').click();
  const streaming = page.locator('[data-testid=assistant-message][data-status=streaming] [data-testid=message-text]');
  await expect.poll(async () => (await streaming.textContent())?.length ?? 0, { timeout: 20_000 }).toBeGreaterThan(3);
}

function storedAnswer(messageId: string | null) {
  if (messageId === null) throw new Error('the answer has no message id in the page');
  return h.server.db.select().from(messages).where(eq(messages.id, messageId)).get();
}

async function finalAnswer(status: 'complete' | 'stopped') {
  const answer = h.page.locator(`[data-testid=assistant-message][data-status=${status}]`);
  await answer.waitFor({ timeout: 30_000 });
  return { text: await answer.getByTestId('message-text').textContent(), id: await answer.getAttribute('data-message-id') };
}

describe('streaming in the browser (real model, paced)', () => {
  it('grows the answer piece by piece, with the stop button shown only while it streams', async () => {
    await recordStreaming(h.page);
    await sendAndWaitForText('Once upon a time');
    expect(await h.page.getByTestId('stop-button').isVisible()).toBe(true);
    expect(await h.page.getByTestId('message-input').isEnabled()).toBe(true);
    const { text, id } = await finalAnswer('complete');
    const streamed = await streamedTexts(h.page);
    expect(streamed.length, 'distinct partial texts shown').toBeGreaterThan(2);
    for (const partial of streamed) expect(text?.startsWith(partial)).toBe(true);
    expect(storedAnswer(id)?.content).toBe(text);
    expect(await h.page.getByTestId('send-button').isVisible()).toBe(true);
  });

  it('stop keeps the partial answer, marked stopped, as stored', async () => {
    await sendAndWaitForText('Tell me about the sea');
    await h.page.getByTestId('stop-button').click();
    const { text, id } = await finalAnswer('stopped');
    const stored = storedAnswer(id);
    expect(stored?.status).toBe('stopped');
    expect(stored?.content).toBe(text);
    expect(text?.length).toBeGreaterThan(3);
    expect(await h.page.locator('.message__status--stopped').textContent()).toBe('stopped');
  });

  it('a reload mid-answer shows the partial text and resumes it to the end', async () => {
    await sendAndWaitForText('A dog found a ball');
    await h.page.reload();
    // Back from the URL, still streaming: the page resumed it rather than showing a finished copy.
    await h.page.locator('[data-testid=assistant-message][data-status=streaming]').waitFor({ timeout: 5_000 });
    const { text, id } = await finalAnswer('complete');
    expect(storedAnswer(id)?.content).toBe(text);
  });

  it('a dropped connection resumes from the offset held, without gaps or repeats', async () => {
    await sendAndWaitForText('The little bird sang');
    // The server drops every socket; pieces streamed meanwhile reach nobody.
    h.server.app.io.disconnectSockets(true);
    await expect.poll(() => h.page.getByTestId('connection').textContent()).toBe('reconnecting…');
    await expect.poll(() => h.page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('connected');
    const { text, id } = await finalAnswer('complete');
    expect(storedAnswer(id)?.content).toBe(text);
  });
});
