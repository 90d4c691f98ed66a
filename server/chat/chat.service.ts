import { randomUUID } from 'node:crypto';
import type { Conversation, Message, ResumeMessageInput, SendMessageInput, SendMessageResult } from '../../shared/schemas/chat.schema';
import type { RoutingInfo } from '../../shared/schemas/routing.schema';
import { immediate, type Db } from '../db/client';
import { AppError } from '../errors';
import type { ChatTurn } from '../llm/llm.types';
import type { PolicyRouter } from '../routing/router';
import type { SessionUser } from '../auth/session.store';
import { titleFrom, type ConversationRepository } from './conversation.repository';
import type { MessageRepository } from './message.repository';
import type { SendRateLimiter } from './send-rate-limit';
import { conversationRoom, type AppSocket } from './socket-handler';
import { terminalEvent, type StreamEngine } from './stream-engine';

/** Turns sent to the model as context: the last 20 exchanges, before the context-window fit. */
const HISTORY_MESSAGES = 40;

export interface ChatServiceDeps {
  db: Db;
  conversations: ConversationRepository;
  messages: MessageRepository;
  router: PolicyRouter;
  engine: StreamEngine;
  /** Sends per client address. */
  limiter: SendRateLimiter;
  /** Sends per account, so one user cannot use many addresses (or share one with others' budget). */
  userLimiter: SendRateLimiter;
  /** Answers one account may have generating at once, across its conversations and tabs. */
  maxConcurrentPerUser: number;
}

/**
 * The chat's use cases, each for one signed-in user; the socket layer only parses payloads and
 * joins rooms. Another user's conversation or message is answered exactly like a missing one.
 */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  send(input: SendMessageInput, user: SessionUser, socket: AppSocket, clientAddress: string): SendMessageResult {
    this.deps.engine.assertAccepting();
    const { policy, routing } = this.deps.router.route(input.sliders);
    // One write transaction: the resend check, the conflict check and both inserts cannot
    // interleave with another writer (a second server process, the portfolio build).
    const outcome = immediate(this.deps.db, () => {
      const previous = this.duplicateOf(input.clientId, user.id);
      return previous ? { result: previous, history: [] } : this.store(input, routing, user.id, clientAddress);
    });
    // Join before the first token can be produced, so the sender misses nothing.
    void socket.join(conversationRoom(outcome.result.conversation.id));
    if (!outcome.result.duplicate) this.deps.engine.start({ message: outcome.result.assistantMessage, userId: user.id, policy, history: outcome.history });
    return outcome.result;
  }

  private store(input: SendMessageInput, routing: RoutingInfo, userId: string, clientAddress: string): { result: SendMessageResult; history: ChatTurn[] } {
    const { messages, conversations } = this.deps;
    const conversation = this.conversationFor(input, userId);
    if (this.deps.engine.runningFor(userId) >= this.deps.maxConcurrentPerUser) {
      throw new AppError('rate_limited', `you already have ${this.deps.maxConcurrentPerUser} answers generating; stop one or wait`);
    }
    // Counted last: a refused send neither stores nor costs anything.
    this.deps.userLimiter.take(userId);
    this.deps.limiter.take(clientAddress);
    const history = messages.history(conversation.id, HISTORY_MESSAGES);
    const userMessage = messages.insertUser({ id: randomUUID(), conversationId: conversation.id, clientId: input.clientId, content: input.content });
    const assistantMessage = messages.insertAssistant({ id: randomUUID(), conversationId: conversation.id, replyTo: userMessage.id, routing });
    conversations.touch(conversation.id);
    history.push({ role: 'user', content: input.content });
    return { result: { conversation, userMessage, assistantMessage, duplicate: false }, history };
  }

  async stop(messageId: string, userId: string): Promise<Message> {
    const message = this.requireMessage(messageId, userId);
    const stopped = await this.deps.engine.stop(message.id);
    // Already finished (or stopped from another tab): stopping is idempotent.
    return stopped ?? this.requireMessage(messageId, userId);
  }

  /**
   * Re-attaches a socket to an answer: joins the room and sends the text after `offset` in the
   * same tick, so no token falls between the catch-up and the live stream; a final answer also
   * gets its terminal event.
   */
  resume(input: ResumeMessageInput, userId: string, socket: AppSocket): Message {
    const message = this.requireMessage(input.messageId, userId);
    void socket.join(conversationRoom(message.conversationId));
    const live = this.deps.engine.liveContent(message.id);
    const content = live ?? message.content;
    if (input.offset < content.length) {
      socket.emit('chat:stream', { type: 'token', messageId: message.id, offset: input.offset, text: content.slice(input.offset) });
    }
    if (live !== undefined) return { ...message, content: live };
    if (message.status !== 'streaming') socket.emit('chat:stream', terminalEvent(message.id, { ...message, status: message.status }));
    return message;
  }

  /** A conversation with its messages (live text for streaming ones); the tab joins its stream. */
  open(conversationId: string, userId: string, socket: AppSocket): { conversation: Conversation; messages: Message[] } {
    const conversation = this.deps.conversations.find(conversationId, userId);
    if (!conversation) throw new AppError('not_found', 'conversation not found');
    void socket.join(conversationRoom(conversationId));
    const messages = this.deps.messages.listForConversation(conversationId).map((m) => this.withLiveContent(m));
    return { conversation, messages };
  }

  rename(conversationId: string, userId: string, title: string): Conversation {
    const renamed = this.deps.conversations.rename(conversationId, userId, title);
    if (!renamed) throw new AppError('not_found', 'conversation not found');
    return renamed;
  }

  async remove(conversationId: string, userId: string): Promise<{ deleted: true }> {
    if (!this.deps.conversations.find(conversationId, userId)) throw new AppError('not_found', 'conversation not found');
    // Stop first, so no generation keeps running for a conversation that no longer exists.
    await this.deps.engine.stopConversation(conversationId);
    if (!this.deps.conversations.delete(conversationId, userId)) throw new AppError('not_found', 'conversation not found');
    return { deleted: true };
  }

  private duplicateOf(clientId: string, userId: string): SendMessageResult | null {
    const userMessage = this.deps.messages.findByClientId(clientId);
    if (!userMessage) return null;
    // Someone else's id (or a deleted conversation's) is a conflict that reveals nothing.
    const conversation = this.deps.conversations.find(userMessage.conversationId, userId);
    const assistantMessage = this.deps.messages.findReplyTo(userMessage.id);
    if (!conversation || !assistantMessage) throw new AppError('conflict', 'this message id was already used');
    return { conversation, userMessage, assistantMessage: this.withLiveContent(assistantMessage), duplicate: true };
  }

  /** A streaming message as stored lags by up to a batch; the engine holds its text so far. */
  private withLiveContent(message: Message): Message {
    const live = this.deps.engine.liveContent(message.id);
    return live === undefined ? message : { ...message, content: live };
  }

  private conversationFor(input: SendMessageInput, userId: string): Conversation {
    if (input.conversationId === null) return this.deps.conversations.create(randomUUID(), userId, titleFrom(input.content));
    const conversation = this.deps.conversations.find(input.conversationId, userId);
    if (!conversation) throw new AppError('not_found', 'conversation not found');
    if (this.deps.messages.hasStreaming(conversation.id)) {
      throw new AppError('conflict', 'an answer is still streaming in this conversation; stop it or wait for it to finish');
    }
    return conversation;
  }

  requireMessage(messageId: string, userId: string): Message {
    const message = this.deps.messages.findOwned(messageId, userId);
    if (!message) throw new AppError('not_found', 'message not found');
    return message;
  }
}
