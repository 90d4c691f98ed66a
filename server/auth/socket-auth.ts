import type { AppServer, AppSocket, HandlerContext } from '../chat/socket-handler';
import type { Logger } from '../errors';
import { clientAddress } from '../http/client-address';
import { fromSameOrigin } from '../http/same-origin';
import type { SocketKicker } from './auth.service';
import { readCookie, SESSION_COOKIE } from './cookie';
import type { SessionStore } from './session.store';

const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
const userRoom = (userId: string): string => `user:${userId}`;

/**
 * Sockets authenticate with the same httpOnly session cookie as REST (sent with the websocket
 * handshake, never a token in the URL). A connection without a valid session, or opened by
 * another site's page, is refused.
 */
export function requireSession(io: AppServer, sessions: SessionStore): void {
  io.use((socket, next) => {
    if (!fromSameOrigin(socket.handshake.headers)) {
      next(new Error('cross-site connection refused'));
      return;
    }
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    next(token !== undefined && sessions.lookup(token) ? undefined : new Error('unauthorized'));
  });
}

/**
 * Joins the socket to its session's and user's rooms (so a logout or a disabled account can
 * end it) and returns the handler context, which re-reads the session on every event.
 * Null when the session vanished between the handshake and now.
 */
export function attachSession(socket: AppSocket, sessions: SessionStore, log: Logger, trustedHops = 0): HandlerContext | null {
  const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
  const user = token === undefined ? null : sessions.lookup(token);
  if (!user) {
    socket.disconnect(true);
    return null;
  }
  void socket.join([sessionRoom(user.sessionId), userRoom(user.id)]);
  const address = clientAddress(socket.handshake.headers, socket.handshake.address, trustedHops);
  return { log, address, currentUser: () => sessions.lookupById(user.sessionId) };
}

export function socketKicker(io: AppServer): SocketKicker {
  return {
    endSession: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
    endUser: (userId, exceptSessionId) => {
      const target = io.in(userRoom(userId));
      (exceptSessionId === undefined ? target : target.except(sessionRoom(exceptSessionId))).disconnectSockets(true);
    },
  };
}
