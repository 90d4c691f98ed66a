/**
 * A real PALM Chat server for tests: createApp on a random port, a fresh migrated SQLite file,
 * and the embedded backend on the test model (unless you pass your own `llm`).
 *
 *   const server = await startTestServer();            // { url, db, llm, logs, connect, close }
 *   const client = await server.connect();             // typed socket.io client, logged in as `tester`
 *   const bob = await server.connect({ as: 'bob' });   // another account (registered on first use)
 *   const res = await server.api('GET', '/api/admin/users', { as: 'admin' });
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
import type { AuthOptions } from '../../server/auth/auth.module';
import type { RateLimitOptions } from '../../server/chat/send-rate-limit';
import type { Logger } from '../../server/errors';
import { createEmbeddedBackend } from '../../server/llm/embedded.backend';
import type { LlmBackend } from '../../server/llm/llm.types';
import { TestAccounts, type AccountRole } from './test-accounts';
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
  userSendLimit?: RateLimitOptions;
  maxConcurrentPerUser?: number;
  auth?: Partial<AuthOptions>;
  trustedProxyHops?: number;
}

export interface ConnectOptions {
  /** Account to log in as (registered through the real endpoints on first use); default `tester`. */
  as?: string;
  /** Role for a new account `as` (default `user`); the helper's own `admin` account sets it. */
  role?: AccountRole;
  /** A raw Cookie header instead of an account; null connects with no cookie at all. */
  cookie?: string | null;
  /** The Origin header a browser page would send (none by default, like a script). */
  origin?: string;
  /** Extra handshake headers (e.g. X-Forwarded-For, as a reverse proxy would add). */
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  db: Db;
  app: App;
  llm: LlmBackend;
  logs: LogEntry[];
  accounts: TestAccounts;
  /** A new client connected to the server (closed by close()); rejects when the server refuses it. */
  connect(options?: ConnectOptions): Promise<TestClient>;
  /** A JSON request with a real fetch, as an account (or anonymous without `as`). */
  api(method: string, path: string, init?: { as?: string; body?: unknown; cookie?: string }): Promise<Response>;
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
    ...(options.userSendLimit ? { userSendLimit: options.userSendLimit } : {}),
    ...(options.maxConcurrentPerUser ? { maxConcurrentPerUser: options.maxConcurrentPerUser } : {}),
    ...(options.trustedProxyHops ? { trustedProxyHops: options.trustedProxyHops } : {}),
    // Every test account registers from 127.0.0.1: only tests of that limit keep it low.
    auth: { addressLimit: { burst: 10_000, perMinute: 10_000 }, ...options.auth },
    log: collectingLogger(logs, options.quietErrors ?? false),
  });
  const address = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const clients: TestClient[] = [];
  const accounts = new TestAccounts(url);
  return {
    url,
    db: temp.db,
    app,
    llm,
    logs,
    accounts,
    connect: async (connectOptions = {}) => {
      const cookie = connectOptions.cookie !== undefined ? connectOptions.cookie : (await accounts.get(connectOptions.as ?? 'tester', connectOptions.role)).cookie;
      const client: TestClient = connectClient(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: {
          ...connectOptions.headers,
          ...(cookie === null ? {} : { cookie }),
          ...(connectOptions.origin ? { origin: connectOptions.origin } : {}),
        },
      });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
      });
      return client;
    },
    api: async (method, path, init = {}) => {
      const cookie = init.cookie ?? (init.as === undefined ? undefined : (await accounts.get(init.as)).cookie);
      return accounts.request(method, path, { body: init.body, cookie });
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
