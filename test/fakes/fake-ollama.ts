import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardAnswer, policyAnswer, ratingAnswer, type FakeAnswer } from './fake-ollama-replies';
import { writeChat, type ChatScript } from './fake-ollama-stream';

export type { ChatScript } from './fake-ollama-stream';

/** What the fake knows of a model, as `/api/create` received it. */
export interface FakeModel {
  from?: string;
  system?: string;
  parameters?: Record<string, unknown>;
  adapters?: Record<string, string>;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  format?: unknown;
  logprobs?: boolean;
  options?: Record<string, unknown>;
  keep_alive?: unknown;
}

export interface FakeOllamaOptions {
  /** Model tags the fake "has pulled". */
  models?: string[];
  /** A fixed answer for every chat, one piece per NDJSON line (else answers depend on the request). */
  reply?: string[];
  /** Pause between streamed lines. */
  delayMs?: number;
  /** End the HTTP response without the final `done: true` line (a crashed server). */
  omitDoneLine?: boolean;
  /** Per-request script: framing, delays and failures; return undefined for the default behaviour. */
  script?: (request: ChatRequestBody, index: number) => Partial<ChatScript> | undefined;
  /** Tags `/api/pull` can fetch (default: any tag not containing "missing"). */
  pullable?: (model: string) => boolean;
  /** Listen on this port (default: any free one), e.g. to come up late where a client already retries. */
  port?: number;
}

export interface FakeOllama {
  host: string;
  /** Parsed bodies of every POST /api/chat, in arrival order. */
  chatRequests: ChatRequestBody[];
  /** Every request: method, path and parsed body. */
  requests: Array<{ method: string; path: string; body: unknown }>;
  /** How many chat streams the client closed before the final line. */
  abortedStreams: () => number;
  /** Chat requests whose connection the client closed before any byte of the answer was sent. */
  closedBeforeAnswer: () => number;
  models: Map<string, FakeModel>;
  close: () => Promise<void>;
}

const VERSION = '0.13.0';
const tagged = (name: string): string => (name.includes(':') ? name : `${name}:latest`);

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

const field = (body: unknown, name: string): unknown => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined);

/**
 * A local HTTP server speaking Ollama's wire protocol (version, tags, show, pull, create, delete,
 * streaming chat), so client code is tested over a real socket. The only fake in this project.
 */
export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = new Map<string, FakeModel>((options.models ?? ['qwen2.5:0.5b']).map((m) => [tagged(m), {}]));
  const state = { chatRequests: [] as ChatRequestBody[], requests: [] as FakeOllama['requests'], aborted: 0, closedEarly: 0 };
  const find = (name: unknown): FakeModel | undefined => (typeof name === 'string' ? models.get(tagged(name)) : undefined);
  const notFound = (res: ServerResponse, name: unknown): void => sendJson(res, 404, { error: `model '${String(name)}' not found` });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const body = req.method === 'GET' ? {} : await readBody(req);
    state.requests.push({ method: req.method ?? '', path, body });
    // Like Ollama, accept the deprecated `name` where `model` is missing (the official client's delete sends `name`).
    const name = field(body, 'model') ?? field(body, 'name');
    if (req.method === 'GET' && path === '/api/version') return sendJson(res, 200, { version: VERSION });
    if (req.method === 'GET' && path === '/api/tags') return sendJson(res, 200, { models: [...models.keys()].map(tagEntry) });
    if (req.method === 'POST' && path === '/api/show') {
      const model = find(name);
      return model ? sendJson(res, 200, showEntry(model)) : notFound(res, name);
    }
    if (req.method === 'DELETE' && path === '/api/delete') {
      if (!find(name)) return notFound(res, name);
      models.delete(tagged(String(name)));
      res.writeHead(200).end();
      return;
    }
    if (req.method === 'POST' && path === '/api/pull') return pull(res, String(name), field(body, 'stream') !== false);
    if (req.method === 'POST' && path === '/api/create') return create(res, body);
    if (req.method === 'POST' && path === '/api/chat') return chat(res, body as ChatRequestBody);
    sendJson(res, 404, { error: 'not found' });
  }

  function pull(res: ServerResponse, name: string, stream: boolean): void {
    const ok = (options.pullable ?? ((m: string) => !m.includes('missing')))(name);
    const total = 4_000_000;
    const lines: unknown[] = ok
      ? [{ status: 'pulling manifest' }, ...[0, 1, 2, 3, 4].map((k) => ({ status: 'pulling 6a0746a1ec1a', digest: 'sha256:6a0746a1ec1a', total, completed: (k * total) / 4 })), { status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' }]
      : [{ status: 'pulling manifest' }, { error: 'pull model manifest: file does not exist' }];
    if (ok) models.set(tagged(name), {});
    if (!stream) return sendJson(res, ok ? 200 : 500, lines.at(-1));
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  function create(res: ServerResponse, body: unknown): void {
    const from = field(body, 'from');
    if (typeof from !== 'string' || !find(from)) return sendJson(res, 400, { error: `base model '${String(from)}' not found` });
    const entry: FakeModel = { from: tagged(from), system: field(body, 'system') as string | undefined, parameters: field(body, 'parameters') as Record<string, unknown> | undefined };
    models.set(tagged(String(field(body, 'model'))), entry);
    const lines = [{ status: 'using existing layer sha256:6a0746a1ec1a' }, { status: 'writing manifest' }, { status: 'success' }];
    if (field(body, 'stream') === false) return sendJson(res, 200, { status: 'success' });
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  async function chat(res: ServerResponse, body: ChatRequestBody): Promise<void> {
    state.chatRequests.push(body);
    const index = state.chatRequests.length - 1;
    const model = find(body.model);
    if (!model) return notFound(res, body.model);
    const script: ChatScript = { delayMs: options.delayMs, omitDone: options.omitDoneLine, ...limited(answerFor(body, model), body), ...options.script?.(body, index) };
    const outcome = await writeChat(res, body.model, script, body.logprobs === true);
    if (outcome === 'closed-before-answer') state.closedEarly++;
    if (outcome !== 'finished') state.aborted++;
  }

  function answerFor(body: ChatRequestBody, model: FakeModel): FakeAnswer {
    if (options.reply) return { pieces: options.reply };
    const text = body.messages.map((m) => m.content).join('\n');
    if (body.model.includes('guard')) return guardAnswer(body.messages.at(-1)?.content ?? '');
    if (body.format !== undefined) return ratingAnswer(text);
    const system = body.messages.find((m) => m.role === 'system')?.content ?? model.system ?? '';
    return policyAnswer(system, body.messages.at(-1)?.content ?? '');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 400, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    chatRequests: state.chatRequests,
    requests: state.requests,
    abortedStreams: () => state.aborted,
    closedBeforeAnswer: () => state.closedEarly,
    models,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** num_predict caps the answer as in Ollama (one piece stands for one token here); a cut answer ends with done_reason 'length'. */
function limited(answer: FakeAnswer, body: ChatRequestBody): ChatScript {
  const cap = body.options?.num_predict;
  if (typeof cap !== 'number' || cap <= 0 || answer.pieces.length <= cap) return answer;
  return { ...answer, pieces: answer.pieces.slice(0, cap), doneReason: 'length' };
}

function tagEntry(name: string) {
  return { name, model: name, modified_at: new Date(0).toISOString(), size: 1000, digest: 'sha256:6a0746a1ec1a', details: { format: 'gguf', family: 'llama', parameter_size: '1B', quantization_level: 'Q4_K_M' } };
}

function showEntry(model: FakeModel) {
  const parameters = Object.entries(model.parameters ?? {}).map(([k, v]) => `${k.padEnd(30)} ${String(v)}`).join('\n');
  const modelfile = [`FROM ${model.from ?? 'base'}`, model.system ? `SYSTEM """${model.system}"""` : '', parameters.replace(/^/gm, 'PARAMETER ')].filter(Boolean).join('\n');
  return {
    modelfile,
    parameters,
    template: '{{ .Prompt }}',
    system: model.system,
    details: { parent_model: model.from ?? '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '1B', quantization_level: 'Q4_K_M' },
    model_info: { 'general.architecture': 'llama' },
    capabilities: ['completion'],
    modified_at: new Date(0).toISOString(),
  };
}
