import { randomUUID } from 'node:crypto';
import type { ChangePasswordInput, Credentials, PublicUser, Role } from '../../shared/schemas/auth.schema';
import type { SendRateLimiter } from '../chat/send-rate-limit';
import { immediate, type Db } from '../db/client';
import { AppError } from '../errors';
import { dummyPasswordHash, hashPassword, verifyPassword, type ScryptCost } from './password.hash';
import type { SessionStore, SessionUser } from './session.store';
import { toPublicUser, type UserRepository } from './user.repository';

/** Ends live sockets (socket.io rooms per session and per user), so a logout takes effect at once. */
export interface SocketKicker {
  endSession(sessionId: string): void;
  endUser(userId: string, exceptSessionId?: string): void;
}

export interface AuthServiceDeps {
  db: Db;
  users: UserRepository;
  sessions: SessionStore;
  kicker: SocketKicker;
  /** Login and registration attempts per client address, and login attempts per username. */
  addressLimiter: SendRateLimiter;
  usernameLimiter: SendRateLimiter;
  passwordCost?: ScryptCost;
}

export interface LoggedIn {
  user: PublicUser;
  token: string;
  expiresAt: number;
}

const WRONG_CREDENTIALS = 'wrong username or password';

/** Accounts and sessions: register, log in and out, change password. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /** The first account becomes admin; later ones are users, or pending while approval is on. */
  async register(input: Credentials, address: string): Promise<LoggedIn> {
    this.deps.addressLimiter.take(address);
    const passwordHash = await hashPassword(input.password, this.deps.passwordCost);
    const user = immediate(this.deps.db, () => {
      const { users } = this.deps;
      if (users.findByUsername(input.username)) throw new AppError('conflict', 'that username is taken');
      const first = users.count() === 0;
      const role: Role = first ? 'admin' : users.requireApproval() ? 'pending' : 'user';
      const row = users.insert({ id: randomUUID(), username: input.username, passwordHash, role });
      if (first) users.adoptOrphanConversations(row.id);
      return row;
    });
    return this.startSession(toPublicUser(user));
  }

  /** Counted before the password is checked, so parallel guesses meet the limit too. */
  async login(username: string, password: string, address: string): Promise<LoggedIn> {
    const name = username.trim().toLowerCase();
    this.deps.addressLimiter.take(address);
    this.deps.usernameLimiter.take(name);
    const row = this.deps.users.findByUsername(name);
    // Unknown names cost the same hash time, so timing does not tell which names exist.
    const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyPasswordHash()));
    if (!row || !ok) throw new AppError('unauthorized', WRONG_CREDENTIALS);
    if (row.disabled) throw new AppError('forbidden', 'this account is disabled');
    return this.startSession(toPublicUser(row));
  }

  logout(user: SessionUser): void {
    this.deps.sessions.delete(user.sessionId);
    this.deps.kicker.endSession(user.sessionId);
  }

  /** Other sessions end (someone may have learnt the old password); this one stays. */
  async changePassword(user: SessionUser, input: ChangePasswordInput): Promise<void> {
    this.deps.usernameLimiter.take(user.username);
    const row = this.deps.users.findById(user.id);
    if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
      throw new AppError('unauthorized', 'the current password is wrong');
    }
    this.deps.users.update(user.id, { passwordHash: await hashPassword(input.newPassword, this.deps.passwordCost) });
    this.deps.sessions.deleteForUser(user.id, user.sessionId);
    this.deps.kicker.endUser(user.id, user.sessionId);
  }

  private startSession(user: PublicUser): LoggedIn {
    const { token, expiresAt } = this.deps.sessions.create(user.id);
    return { user, token, expiresAt };
  }
}
