import { asc, count, eq, isNull } from 'drizzle-orm';
import type { PublicUser, Role } from '../../shared/schemas/auth.schema';
import type { Db } from '../db/client';
import { appSettings, conversations, users } from '../db/schema';

type Row = typeof users.$inferSelect;

export const toPublicUser = (r: Row): PublicUser => ({ id: r.id, username: r.username, role: r.role, disabled: r.disabled, createdAt: r.createdAt });

const REQUIRE_APPROVAL = 'requireApproval';

export class UserRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  count(): number {
    return this.db.select({ n: count() }).from(users).get()?.n ?? 0;
  }

  insert(input: { id: string; username: string; passwordHash: string; role: Role }): Row {
    const now = this.clock();
    return this.db.insert(users).values({ ...input, createdAt: now, updatedAt: now }).returning().get();
  }

  findByUsername(username: string): Row | undefined {
    return this.db.select().from(users).where(eq(users.username, username)).get();
  }

  findById(id: string): Row | undefined {
    return this.db.select().from(users).where(eq(users.id, id)).get();
  }

  list(): PublicUser[] {
    return this.db.select().from(users).orderBy(asc(users.createdAt), asc(users.username)).all().map(toPublicUser);
  }

  update(id: string, change: Partial<Pick<Row, 'role' | 'disabled' | 'passwordHash'>>): Row | undefined {
    return this.db.update(users).set({ ...change, updatedAt: this.clock() }).where(eq(users.id, id)).returning().get();
  }

  countActiveAdmins(): number {
    return this.db.select().from(users).where(eq(users.role, 'admin')).all().filter((u) => !u.disabled).length;
  }

  /** Conversations from before accounts existed go to the first account, so nothing is lost. */
  adoptOrphanConversations(userId: string): void {
    this.db.update(conversations).set({ userId }).where(isNull(conversations.userId)).run();
  }

  requireApproval(): boolean {
    const row = this.db.select().from(appSettings).where(eq(appSettings.key, REQUIRE_APPROVAL)).get();
    return row?.value === true;
  }

  setRequireApproval(value: boolean): void {
    this.db.insert(appSettings).values({ key: REQUIRE_APPROVAL, value }).onConflictDoUpdate({ target: appSettings.key, set: { value } }).run();
  }
}
