import { and, desc, eq } from 'drizzle-orm';
import type { Conversation } from '../../shared/schemas/chat.schema';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';

const TITLE_CHARS = 60;

/** A readable title from the first message: whitespace collapsed, cut at a word near 60 chars. */
export function titleFrom(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_CHARS) return flat;
  const cut = flat.slice(0, TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

type Row = typeof conversations.$inferSelect;

const owned = (id: string, userId: string) => and(eq(conversations.id, id), eq(conversations.userId, userId));

const toConversation = (r: Row): Conversation => ({ id: r.id, title: r.title, createdAt: r.createdAt, updatedAt: r.updatedAt });

/** Every read and write is scoped to the owner: someone else's conversation does not exist. */
export class ConversationRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  create(id: string, userId: string, title: string): Conversation {
    const now = this.clock();
    const row = this.db.insert(conversations).values({ id, userId, title, createdAt: now, updatedAt: now }).returning().get();
    return toConversation(row);
  }

  find(id: string, userId: string): Conversation | null {
    const row = this.db.select().from(conversations).where(owned(id, userId)).get();
    return row ? toConversation(row) : null;
  }

  list(userId: string): Conversation[] {
    return this.db.select().from(conversations).where(eq(conversations.userId, userId)).orderBy(desc(conversations.updatedAt)).all().map(toConversation);
  }

  rename(id: string, userId: string, title: string): Conversation | null {
    const row = this.db.update(conversations).set({ title, updatedAt: this.clock() }).where(owned(id, userId)).returning().get();
    return row ? toConversation(row) : null;
  }

  touch(id: string): void {
    this.db.update(conversations).set({ updatedAt: this.clock() }).where(eq(conversations.id, id)).run();
  }

  /** Messages go with it (ON DELETE CASCADE). */
  delete(id: string, userId: string): boolean {
    return this.db.delete(conversations).where(owned(id, userId)).run().changes > 0;
  }
}
