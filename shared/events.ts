import type { AckFn } from './schemas/result.schema';
import type {
  Conversation,
  ConversationIdInput,
  Message,
  RenameConversationInput,
  ResumeMessageInput,
  SendMessageInput,
  SendMessageResult,
  StopMessageInput,
  StreamEvent,
} from './schemas/chat.schema';
import type { PortfolioSummary } from './schemas/portfolio.schema';
import type { Preferences, SetPreferencesInput } from './schemas/preferences.schema';
import type { Sliders } from './schemas/sliders.schema';
import type { BackendInfo } from './schemas/server-info.schema';

/**
 * The socket contract. Payload types are what a well-behaved client sends; the server
 * still parses every payload with the matching zod schema, since anyone can emit anything.
 */
export interface ClientToServerEvents {
  'chat:send': (payload: SendMessageInput, ack: AckFn<SendMessageResult>) => void;
  'chat:stop': (payload: StopMessageInput, ack: AckFn<Message>) => void;
  'chat:resume': (payload: ResumeMessageInput, ack: AckFn<Message>) => void;
  'conversation:list': (payload: Record<string, never>, ack: AckFn<Conversation[]>) => void;
  'conversation:get': (
    payload: ConversationIdInput,
    ack: AckFn<{ conversation: Conversation; messages: Message[] }>,
  ) => void;
  'conversation:rename': (payload: RenameConversationInput, ack: AckFn<Conversation>) => void;
  'conversation:delete': (payload: ConversationIdInput, ack: AckFn<{ deleted: true }>) => void;
  'portfolio:active': (
    payload: Record<string, never>,
    ack: AckFn<{ portfolio: PortfolioSummary | null; backend: BackendInfo }>,
  ) => void;
  'preferences:get': (payload: Record<string, never>, ack: AckFn<Preferences>) => void;
  'preferences:set': (payload: SetPreferencesInput, ack: AckFn<{ sliders: Sliders }>) => void;
}

export interface ServerToClientEvents {
  'chat:stream': (event: StreamEvent) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
