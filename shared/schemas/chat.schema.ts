import { z } from 'zod';
import { slidersSchema } from './sliders.schema';
import { routingInfoSchema } from './routing.schema';

export const MAX_MESSAGE_CHARS = 8000;
export const MAX_TITLE_CHARS = 200;

const id = z.string().uuid('must be a UUID');

export const messageStatusSchema = z.enum(['streaming', 'complete', 'stopped', 'failed']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** chat:send — one user message; `clientId` makes a resend idempotent. */
export const sendMessageSchema = z.strictObject({
  conversationId: id.nullable(),
  clientId: id,
  content: z
    .string()
    .trim()
    .min(1, 'message is empty')
    .max(MAX_MESSAGE_CHARS, `message is longer than ${MAX_MESSAGE_CHARS} characters`),
  sliders: slidersSchema,
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const stopMessageSchema = z.strictObject({ messageId: id });
export type StopMessageInput = z.infer<typeof stopMessageSchema>;

/** Re-attach to an answer after a reconnect, from the last character the client holds. */
export const resumeMessageSchema = z.strictObject({ messageId: id, offset: z.number().int().min(0) });
export type ResumeMessageInput = z.infer<typeof resumeMessageSchema>;

export const conversationIdSchema = z.strictObject({ conversationId: id });
export type ConversationIdInput = z.infer<typeof conversationIdSchema>;

export const renameConversationSchema = z.strictObject({
  conversationId: id,
  title: z.string().trim().min(1, 'title is empty').max(MAX_TITLE_CHARS),
});
export type RenameConversationInput = z.infer<typeof renameConversationSchema>;

/** Why the model ended an answer: 'length' means it was cut at the policy's length limit. */
export const finishReasonSchema = z.enum(['stop', 'length']);
export type FinishReason = z.infer<typeof finishReasonSchema>;

export const messageSchema = z.object({
  id,
  conversationId: id,
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  status: messageStatusSchema,
  routing: routingInfoSchema.nullable(),
  error: z.string().nullable(),
  /** Null while streaming, for stopped or failed answers, and for answers stored before it existed. */
  finishReason: finishReasonSchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  id,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const sendMessageResultSchema = z.object({
  conversation: conversationSchema,
  userMessage: messageSchema,
  assistantMessage: messageSchema,
  /** True when the clientId was seen before and nothing new was started. */
  duplicate: z.boolean(),
});
export type SendMessageResult = z.infer<typeof sendMessageResultSchema>;

/** Pieces of a streamed answer, told apart by `type`. `offset` is the character index of `text`. */
export const streamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('token'), messageId: id, offset: z.number().int(), text: z.string() }),
  z.object({ type: z.literal('done'), messageId: id, status: messageStatusSchema, content: z.string(), finishReason: finishReasonSchema.nullable().optional() }),
  z.object({ type: z.literal('error'), messageId: id, content: z.string(), error: z.string() }),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
