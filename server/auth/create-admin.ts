import { randomUUID } from 'node:crypto';
import { credentialsSchema, type PublicUser } from '../../shared/schemas/auth.schema';
import { immediate, type Db } from '../db/client';
import { AppError, fromZodError } from '../errors';
import { hashPassword } from './password.hash';
import { SessionStore } from './session.store';
import { toPublicUser, UserRepository } from './user.repository';

/**
 * Head-less set-up and recovery for the operator (who has the database file anyway): creates an
 * admin account, or makes an existing account an enabled admin with the new password and ends
 * its sessions. The same username and password rules as registration apply.
 */
export async function createAdmin(db: Db, input: { username: string; password: string }, clock: () => number = Date.now): Promise<{ user: PublicUser; created: boolean }> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { username, password } = parsed.data;
  const users = new UserRepository(db, clock);
  const passwordHash = await hashPassword(password);
  return immediate(db, () => {
    const existing = users.findByUsername(username);
    if (existing) {
      const updated = users.update(existing.id, { role: 'admin', disabled: false, passwordHash });
      if (!updated) throw new AppError('not_found', 'the account vanished while it was updated');
      new SessionStore(db, clock, 0).deleteForUser(existing.id);
      return { user: toPublicUser(updated), created: false };
    }
    const first = users.count() === 0;
    const row = users.insert({ id: randomUUID(), username, passwordHash, role: 'admin' });
    if (first) users.adoptOrphanConversations(row.id);
    return { user: toPublicUser(row), created: true };
  });
}
