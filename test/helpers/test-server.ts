/**
 * A real PALM Chat server for tests: createApp on a random port, a fresh migrated SQLite file,
 * and the embedded backend on the test model (unless you pass your own `llm`).
 *
 *   const server = await startTestServer();            // { url, db, llm, logs, connect, close }
 *   const client = await server.connect();             // typed, connected socket.io client
 *   const ack = await client.emitWithAck('chat:send', { conversationId: null, clientId, content, sliders });
 *   ...
 *   await server.close();                              // clients, app, backend, temp DB
 *
 * Logged errors go to console.error (which fails the test) unless `quietErrors` is set, for
 * tests that provoke failures on purpose and inspect `server.logs` instead.
 */
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';
import { createApp, type App } from '../../server/app';
import type { Db } from '../../server/db/client';
import type { RateLimitOptions } from '../../server/chat/send-rate-limit';
import type { Logger } from '../../server/errors';
import { createEmbeddedBackend } from '../../server/llm/embedded.backend';
import type { LlmBackend } from '../../server/llm/llm.types';
import { tempDatabase } from './temp-db';
import { TEST_MODEL_PATH } from './test-model';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  meta: Record<string, unknown> | undefined;
}

export interface TestServerOptions {
  /** Backend to serve with; default: the embedded backend on the test model (closed by close()). */
  llm?: LlmBackend;
  /** Wraps the default backend, e.g. to inject faults. */
  wrapLlm?: (llm: LlmBackend) => LlmBackend;
  /** Seed the database before the app starts (crash-recovery tests, portfolios). */
  seed?: (db: Db) => void;
  clientDir?: string;
  quietErrors?: boolean;
  sendLimit?: RateLimitOptions;
}

export interface TestServer {
  url: string;
  db: Db;
  app: App;
  llm: LlmBackend;
  logs: LogEntry[];
  /** A new client connected to the server (closed by close()). */
  connect(): Promise<TestClient>;
  close(): Promise<void>;
}

export function testModelBackend(): Promise<LlmBackend> {
  return createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 2, contextSize: 512 });
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const temp = tempDatabase();
  options.seed?.(temp.db);
  const ownBackend = options.llm === undefined ? await testModelBackend() : undefined;
  const base = options.llm ?? ownBackend;
  if (!base) throw new Error('unreachable: no backend');
  const llm = options.wrapLlm ? options.wrapLlm(base) : base;
  const logs: LogEntry[] = [];
  const app = createApp({
    db: temp.db,
    llm,
    clientDir: options.clientDir,
    sendLimit: options.sendLimit,
    log: collectingLogger(logs, options.quietErrors ?? false),
  });
  const address = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const clients: TestClient[] = [];
  return {
    url,
    db: temp.db,
    app,
    llm,
    logs,
    connect: async () => {
      const client: TestClient = connectClient(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
      });
      return client;
    },
    close: async () => {
      for (const client of clients) client.disconnect();
      await app.close();
      await ownBackend?.close();
      temp.cleanup();
    },
  };
}

function collectingLogger(logs: LogEntry[], quietErrors: boolean): Logger {
  const entry = (level: LogEntry['level']) => (message: string, meta?: Record<string, unknown>) => {
    logs.push({ level, message, meta });
    if (level === 'error' && !quietErrors) console.error(`[server] ${message}`, meta ?? '');
  };
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}
