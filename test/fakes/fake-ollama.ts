import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOllamaOptions {
  /** Model tags the fake "has pulled". */
  models?: string[];
  /** The answer, streamed one piece per NDJSON line. */
  reply?: string[];
  /** Pause between streamed lines, to test aborts mid-stream. */
  delayMs?: number;
  /** End the HTTP response without the final `done: true` line (a crashed server). */
  omitDoneLine?: boolean;
}

export interface FakeOllama {
  host: string;
  /** Parsed bodies of every POST /api/chat, in arrival order. */
  chatRequests: unknown[];
  /** How many chat streams the client closed before the final line. */
  abortedStreams: () => number;
  close: () => Promise<void>;
}

const VERSION = '0.12.0';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return JSON.parse(Buffer.concat(parts).toString('utf8'));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A local HTTP server speaking Ollama's wire protocol (GET /api/tags, GET /api/version,
 * POST /api/chat streaming NDJSON), so client code is tested over a real socket.
 */
export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = options.models ?? ['qwen2.5:0.5b'];
  const reply = options.reply ?? ['Hello', ' there', '!'];
  const chatRequests: unknown[] = [];
  let aborted = 0;

  async function streamChat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    chatRequests.push(body);
    const model = typeof body === 'object' && body !== null && 'model' in body ? String(body.model) : '';
    if (!models.includes(model)) {
      sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    let closed = false;
    res.on('close', () => {
      if (!res.writableFinished) closed = true;
    });
    const started = Date.now();
    for (const content of reply) {
      if (closed) break;
      const line = { model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false };
      res.write(`${JSON.stringify(line)}\n`);
      if (options.delayMs) await sleep(options.delayMs);
    }
    if (closed) {
      aborted++;
      return;
    }
    if (options.omitDoneLine) {
      res.end();
      return;
    }
    const nanos = (Date.now() - started) * 1e6;
    const last = {
      model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: nanos,
      load_duration: 0,
      prompt_eval_count: 10,
      prompt_eval_duration: 0,
      eval_count: reply.length,
      eval_duration: nanos,
    };
    res.end(`${JSON.stringify(last)}\n`);
  }

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/version') return sendJson(res, 200, { version: VERSION });
    if (req.method === 'GET' && req.url === '/api/tags') {
      const entries = models.map((name) => ({ name, model: name, modified_at: new Date(0).toISOString(), size: 0, digest: '', details: {} }));
      return sendJson(res, 200, { models: entries });
    }
    if (req.method === 'POST' && req.url === '/api/chat') {
      streamChat(req, res).catch((error: unknown) => sendJson(res, 400, { error: String(error) }));
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    chatRequests,
    abortedStreams: () => aborted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
