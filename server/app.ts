import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import { createAuth, DEFAULT_AUTH_OPTIONS, type AuthOptions, type AuthParts } from './auth/auth.module';
import { attachSession, requireSession } from './auth/socket-auth';
import { registerChatHandlers } from './chat/chat.handlers';
import { ChatService } from './chat/chat.service';
import { ConversationRepository } from './chat/conversation.repository';
import { MessageRepository } from './chat/message.repository';
import { SendRateLimiter, type RateLimitOptions } from './chat/send-rate-limit';
import type { AppServer } from './chat/socket-handler';
import { StreamEngine } from './chat/stream-engine';
import type { Db } from './db/client';
import { consoleLogger, type Logger } from './errors';
import { apiRoutes } from './http/api.routes';
import { apiNotFound, errorMiddleware } from './http/error.middleware';
import { sameOriginWrites } from './http/same-origin';
import { securityHeaders } from './http/security-headers';
import { staticClient } from './http/static-client';
import type { LlmBackend } from './llm/llm.types';
import { registerPreferencesHandlers } from './preferences/preferences.handlers';
import { PreferencesRepository } from './preferences/preferences.repository';
import { registerPortfolioHandlers } from './routing/portfolio.handlers';
import { PolicyRouter } from './routing/router';

export interface AppDeps {
  db: Db;
  llm: LlmBackend;
  /** The built client (client/dist); without it, pages say how to build it. */
  clientDir?: string;
  log?: Logger;
  clock?: () => number;
  /** Per-client-address limit on sends that start an answer (default: 20 at once, 20 a minute). */
  sendLimit?: RateLimitOptions;
  /** Per-account limit on sends that start an answer (default: 20 at once, 20 a minute). */
  userSendLimit?: RateLimitOptions;
  /** Answers one account may have generating at once (default 3). */
  maxConcurrentPerUser?: number;
  /** Sessions, cookies and login limits (defaults: DEFAULT_AUTH_OPTIONS). */
  auth?: Partial<AuthOptions>;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (default 0). */
  trustedProxyHops?: number;
}

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops running answers (saved as `stopped`), then closes sockets and the HTTP server. Leaves db and llm open. */
  close(): Promise<void>;
}

/** A chat message is at most 8000 characters; this leaves room for UTF-8 and JSON escaping, and no more. */
const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;
/** The largest REST body is a login or a password change. */
const MAX_JSON_BODY = '16kb';

/** Builds the whole server from its parts; it reads no environment and opens nothing itself. */
export function createApp(deps: AppDeps): App {
  const log = deps.log ?? consoleLogger;
  const clock = deps.clock ?? Date.now;
  const conversations = new ConversationRepository(deps.db, clock);
  const messages = new MessageRepository(deps.db, clock);
  const interrupted = messages.failInterrupted();
  if (interrupted > 0) log.warn(`marked ${interrupted} answer(s) left streaming by a previous run as failed`);
  const router = new PolicyRouter(deps.db, deps.llm.info.model);

  const web = express();
  const httpServer = createServer(web);
  const io: AppServer = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES, serveClient: false });
  const auth = createAuth(deps.db, io, clock, { ...DEFAULT_AUTH_OPTIONS, ...deps.auth });

  const trustedHops = deps.trustedProxyHops ?? 0;
  // req.ip then follows the same rule as clientAddress() does for sockets.
  if (trustedHops > 0) web.set('trust proxy', trustedHops);
  mountWeb(web, { auth, router, llm: deps.llm, clientDir: deps.clientDir, log });

  const engine = new StreamEngine({ llm: deps.llm, messages, io, log, clock });
  const limiter = new SendRateLimiter(clock, deps.sendLimit);
  const userLimiter = new SendRateLimiter(clock, deps.userSendLimit);
  const maxConcurrentPerUser = deps.maxConcurrentPerUser ?? 3;
  const chat = new ChatService({ db: deps.db, conversations, messages, router, engine, limiter, userLimiter, maxConcurrentPerUser });
  const preferences = new PreferencesRepository(deps.db, clock);
  requireSession(io, auth.sessions);
  io.on('connection', (socket) => {
    const ctx = attachSession(socket, auth.sessions, log, trustedHops);
    if (!ctx) return;
    registerChatHandlers(socket, { chat, conversations }, ctx);
    registerPortfolioHandlers(socket, { router, llm: deps.llm }, ctx);
    registerPreferencesHandlers(socket, preferences, ctx);
  });

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    io,
    listen: (port, host) => listen(httpServer, port, host),
    close: () => (closing ??= shutDown(engine, io, httpServer)),
  };
}

/** Security headers on everything; the API (size-capped JSON, same-origin writes, role-checked routes); the client. */
function mountWeb(web: Express, parts: { auth: AuthParts; router: PolicyRouter; llm: LlmBackend; clientDir: string | undefined; log: Logger }): void {
  web.disable('x-powered-by');
  web.use(securityHeaders);
  const api = express.Router();
  api.use(sameOriginWrites, express.json({ limit: MAX_JSON_BODY }));
  const route = parts.auth.route(api);
  apiRoutes(route, { llm: parts.llm, router: parts.router });
  parts.auth.mountRoutes(route);
  web.use('/api', api, apiNotFound);
  web.use(staticClient(parts.clientDir));
  web.use(errorMiddleware(parts.log));
}

async function shutDown(engine: StreamEngine, io: AppServer, httpServer: HttpServer): Promise<void> {
  await engine.close();
  io.disconnectSockets(true);
  // Keep-alive HTTP connections would hold close() open for seconds; nobody is served any more.
  httpServer.close();
  httpServer.closeAllConnections();
  await io.close();
}

function listen(httpServer: HttpServer, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      const address = httpServer.address();
      if (address === null || typeof address === 'string') reject(new Error('the server has no TCP address'));
      else resolve(address);
    });
  });
}
