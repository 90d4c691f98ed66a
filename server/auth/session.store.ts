import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, lte, ne, type SQL } from 'drizzle-orm';
import type { Role } from '../../shared/schemas/auth.schema';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';

/** Who is behind a request or socket, re-read from the database on every use. */
export interface SessionUser {
  sessionId: string;
  id: string;
  username: string;
  role: Role;
}

/** A stolen database copy must not yield usable cookies: only the token's SHA-256 is stored. */
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    private readonly ttlMs: number,
  ) {}

  /** Returns the token for the cookie; it is shown once and never stored. */
  create(userId: string): { token: string; sessionId: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const id = randomUUID();
    const expiresAt = now + this.ttlMs;
    this.db.insert(sessions).values({ id, tokenHash: hashToken(token), userId, createdAt: now, expiresAt }).run();
    if (Math.random() < 0.05) this.deleteExpired();
    return { token, sessionId: id, expiresAt };
  }

  /** The session's user, or null when the token is unknown, expired, or the account disabled. */
  lookup(token: string): SessionUser | null {
    return this.find(eq(sessions.tokenHash, hashToken(token)));
  }

  /** The same check by session id, for sockets (which hold the id, not the token). */
  lookupById(sessionId: string): SessionUser | null {
    return this.find(eq(sessions.id, sessionId));
  }

  private find(match: SQL): SessionUser | null {
    const row = this.db
      .select({ sessionId: sessions.id, id: users.id, username: users.username, role: users.role, disabled: users.disabled })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(match, gt(sessions.expiresAt, this.clock())))
      .get();
    if (!row || row.disabled) return null;
    return { sessionId: row.sessionId, id: row.id, username: row.username, role: row.role };
  }

  delete(sessionId: string): void {
    this.db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  }

  /** All of a user's sessions but `keep` (after a password change, the current one stays). */
  deleteForUser(userId: string, keep?: string): void {
    const mine = eq(sessions.userId, userId);
    this.db.delete(sessions).where(keep === undefined ? mine : and(mine, ne(sessions.id, keep))).run();
  }

  deleteExpired(): void {
    this.db.delete(sessions).where(lte(sessions.expiresAt, this.clock())).run();
  }
}
