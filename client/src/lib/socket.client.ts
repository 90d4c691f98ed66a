import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const REQUEST_TIMEOUT_MS = 15_000;
const SERVER_KICK_RETRY_MS = 1_000;

/** One connection per page, same origin (the server serves this client, Vite proxies in dev). */
export const socket: ChatSocket = io({
  // Websocket first: long-polling adds a round-trip per token batch on a streaming answer.
  transports: ['websocket', 'polling'],
  // A default ack timeout (rather than socket.timeout()) keeps emitWithAck's result typed.
  ackTimeout: REQUEST_TIMEOUT_MS,
  // The server refuses sockets without a session: use-auth connects once someone is signed in.
  autoConnect: false,
});

// socket.io reconnects by itself after network failures, but not after the server disconnected
// us on purpose, which a graceful restart does: retry then too, or the page stays offline.
socket.on('disconnect', (reason) => {
  if (reason === 'io server disconnect') setTimeout(() => socket.connect(), SERVER_KICK_RETRY_MS);
});
