import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FinishReason, Message, MessageStatus } from '../../shared/schemas/chat.schema';
import { routingInfoSchema, type RoutingInfo } from '../../shared/schemas/routing.schema';
import type { Db } from '../db/client';
import { conversations, messages } from '../db/schema';
import type { ChatTurn } from '../llm/llm.types';

type Row = typeof messages.$inferSelect;

export const RESTART_ERROR = 'interrupted by a server restart';

/** Rows are ordered by time, then by insertion, since a user message and its answer share a millisecond. */
const chronological = [asc(messages.createdAt), asc(sql`rowid`)];

function toMessage(r: Row): Message {
  const routing = routingInfoSchema.safeParse(r.routing);
  return {
    id: r.id,
    conversationId: r.conversationId,
    role: r.role,
    content: r.content,
    status: r.status,
    routing: routing.success ? routing.data : null,
    error: r.error,
    finishReason: r.finishReason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface NewAssistantMessage {
  id: string;
  conversationId: string;
  replyTo: string;
  routing: RoutingInfo;
}

export interface FinalState {
  content: string;
  status: Exclude<MessageStatus, 'streaming'>;
  error: string | null;
  tokenCount: number;
  /** Set only for a complete answer: whether the model ended it or the token limit did. */
  finishReason?: FinishReason | null;
}

export class MessageRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  find(id: string): Message | null {
    const row = this.db.select().from(messages).where(eq(messages.id, id)).get();
    return row ? toMessage(row) : null;
  }

  /** The message if its conversation belongs to `userId`; someone else's is simply not found. */
  findOwned(id: string, userId: string): Message | null {
    const row = this.db
      .select({ message: messages })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.id, id), eq(conversations.userId, userId)))
      .get();
    return row ? toMessage(row.message) : null;
  }

  findByClientId(clientId: string): Message | null {
    const row = this.db.select().from(messages).where(eq(messages.clientId, clientId)).get();
    return row ? toMessage(row) : null;
  }

  findReplyTo(userMessageId: string): Message | null {
    const row = this.db.select().from(messages).where(eq(messages.replyTo, userMessageId)).get();
    return row ? toMessage(row) : null;
  }

  listForConversation(conversationId: string): Message[] {
    return this.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(...chronological).all().map(toMessage);
  }

  hasStreaming(conversationId: string): boolean {
    const row = this.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.status, 'streaming')))
      .get();
    return row !== undefined;
  }

  /** The last `limit` usable turns: failed answers (and empty ones) would only confuse the model. */
  history(conversationId: string, limit: number): ChatTurn[] {
    const rows = this.db
      .select({ role: messages.role, content: messages.content })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), inArray(messages.status, ['complete', 'stopped'])))
      .orderBy(desc(messages.createdAt), desc(sql`rowid`))
      .limit(limit)
      .all();
    return rows.reverse().filter((r) => r.content.trim() !== '');
  }

  insertUser(input: { id: string; conversationId: string; clientId: string; content: string }): Message {
    const now = this.clock();
    const row = this.db
      .insert(messages)
      .values({ ...input, role: 'user', status: 'complete', createdAt: now, updatedAt: now, completedAt: now })
      .returning()
      .get();
    return toMessage(row);
  }

  /** The answer's row exists (status `streaming`, routing recorded) before any token is generated. */
  insertAssistant(input: NewAssistantMessage): Message {
    const now = this.clock();
    const { routing } = input;
    const row = this.db
      .insert(messages)
      .values({
        ...input,
        role: 'assistant',
        status: 'streaming',
        content: '',
        policyId: routing.policyId,
        portfolioVersion: routing.portfolioVersion,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    return toMessage(row);
  }

  saveProgress(id: string, content: string, tokenCount: number, firstTokenAt: number | null): void {
    this.db.update(messages).set({ content, tokenCount, firstTokenAt, updatedAt: this.clock() }).where(eq(messages.id, id)).run();
  }

  finish(id: string, state: FinalState): Message | null {
    const now = this.clock();
    const row = this.db
      .update(messages)
      .set({ ...state, updatedAt: now, completedAt: now })
      .where(eq(messages.id, id))
      .returning()
      .get();
    return row ? toMessage(row) : null;
  }

  /** Answers a crash left `streaming` can never finish: mark them failed, keeping their text. */
  failInterrupted(): number {
    return this.db
      .update(messages)
      .set({ status: 'failed', error: RESTART_ERROR, updatedAt: this.clock() })
      .where(eq(messages.status, 'streaming'))
      .run().changes;
  }
}
