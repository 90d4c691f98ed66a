import type { AuthSettings, PublicUser, UpdateUserInput } from '../../shared/schemas/auth.schema';
import { immediate, type Db } from '../db/client';
import { AppError } from '../errors';
import type { SocketKicker } from './auth.service';
import type { SessionStore, SessionUser } from './session.store';
import { toPublicUser, type UserRepository } from './user.repository';

/** The admin's user management: roles, approval, disabling, and the approval switch. */
export class UserAdminService {
  constructor(
    private readonly deps: { db: Db; users: UserRepository; sessions: SessionStore; kicker: SocketKicker },
  ) {}

  list(): PublicUser[] {
    return this.deps.users.list();
  }

  /** Disabling ends the account's sessions and live sockets; the last active admin is kept. */
  update(actor: SessionUser, id: string, change: UpdateUserInput): PublicUser {
    const updated = immediate(this.deps.db, () => {
      const { users } = this.deps;
      const target = users.findById(id);
      if (!target) throw new AppError('not_found', 'user not found');
      const losesAdmin = target.role === 'admin' && !target.disabled && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
      if (losesAdmin && users.countActiveAdmins() <= 1) {
        throw new AppError('conflict', id === actor.id ? 'you are the only admin; make someone else admin first' : 'this is the only admin');
      }
      return users.update(id, change);
    });
    if (!updated) throw new AppError('not_found', 'user not found');
    if (updated.disabled) {
      this.deps.sessions.deleteForUser(id);
      this.deps.kicker.endUser(id);
    }
    return toPublicUser(updated);
  }

  settings(): AuthSettings {
    return { requireApproval: this.deps.users.requireApproval() };
  }

  saveSettings(settings: AuthSettings): AuthSettings {
    this.deps.users.setRequireApproval(settings.requireApproval);
    return this.settings();
  }
}
