import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../../server/db/schema';
import { createOllamaBackend } from '../../../server/llm/ollama.backend';
import { startFakeOllama, type FakeOllama } from '../../fakes/fake-ollama';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

const BASE = 'stories260K.gguf';

describe('chat served by Ollama (protocol fake), the production code path', () => {
  let fake: FakeOllama;
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    await fake.close();
  });

  async function start(options: Parameters<typeof startFakeOllama>[0] = {}) {
    fake = await startFakeOllama({ models: [BASE], ...options });
    const llm = createOllamaBackend({ host: fake.host, model: BASE, retries: 0 });
    let policies: ReturnType<typeof saveTestPortfolio> | undefined;
    server = await startTestServer({ llm, quietErrors: true, seed: (db) => void (policies = saveTestPortfolio(db)) });
    if (!policies) throw new Error('portfolio not seeded');
    return policies;
  }

  async function send(sliders: Parameters<typeof sendPayload>[1] = {}) {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const sent = await sendOk(client, sendPayload({}, sliders));
    return { client, recorder, id: sent.assistantMessage.id };
  }

  const row = (id: string) => server.db.select().from(messages).where(eq(messages.id, id)).get();

  it('streams the routed policy’s answer, sending its system prompt and decoding', async () => {
    const { funny } = await start();
    const { recorder, id } = await send({ safety: 0, humor: 1, brevity: 0 });
    const end = await recorder.end(id);
    expect(end).toMatchObject({ type: 'done', status: 'complete' });
    expect(row(id)?.content).toBe(recorder.text(id));
    expect(row(id)?.content.length).toBeGreaterThan(0);
    expect(fake.chatRequests[0]).toMatchObject({
      model: BASE,
      messages: [{ role: 'system', content: funny.system }, { role: 'user' }],
      options: { temperature: funny.decoding.temperature, num_predict: funny.decoding.maxTokens },
    });
  });

  it('stop closes the upstream Ollama request and keeps the partial answer', async () => {
    await start({ reply: Array.from({ length: 200 }, (_, i) => `w${i} `), delayMs: 10 });
    const { client, recorder, id } = await send();
    await recorder.waitFor(id, (e) => e.type === 'token');
    const stopped = await client.emitWithAck('chat:stop', { messageId: id });
    expect(stopped.ok && stopped.data.status).toBe('stopped');
    await expect.poll(() => fake.abortedStreams()).toBe(1);
    expect(row(id)?.content.length).toBeGreaterThan(0);
  });

  it('an Ollama failure mid-answer fails the message, keeping the text streamed so far', async () => {
    await start({ script: () => ({ pieces: ['Hello', ' there', ' friend'], errorAfter: { pieces: 2, message: 'CUDA error' } }) });
    const { recorder, id } = await send();
    const end = await recorder.end(id);
    expect(end).toMatchObject({ type: 'error', content: 'Hello there' });
    expect(row(id)).toMatchObject({ status: 'failed', content: 'Hello there' });
  });

  it('Ollama going away fails the answer with a message that names the server', async () => {
    await start();
    const gone = fake.host;
    await fake.close();
    fake = await startFakeOllama(); // another port: afterEach has something to close
    const { recorder, id } = await send();
    const end = await recorder.end(id);
    expect(end).toMatchObject({ type: 'error', error: expect.stringContaining(`Ollama is not reachable at ${gone}`) });
  });
});
