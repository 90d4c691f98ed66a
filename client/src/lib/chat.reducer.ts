import type { Message, StreamEvent } from '../../../shared/schemas/chat.schema';

/**
 * Messages of the open conversation, kept consistent with the server's stream.
 * Tokens are merged by character offset, so duplicates (after a resume) and stale
 * events are harmless; `gaps` records answers whose tokens skipped ahead and need a resume.
 */
export interface ChatState {
  conversationId: string | null;
  messages: Message[];
  /** Events for messages not known yet (a token can beat the send ack), replayed on arrival. */
  orphans: Record<string, StreamEvent[]>;
  /** Message id → offset to resume from. */
  gaps: Record<string, number>;
}

export type ChatAction =
  | { type: 'open'; conversationId: string | null; messages: Message[] }
  | { type: 'upsert'; messages: Message[] }
  | { type: 'stream'; event: StreamEvent }
  | { type: 'gap-handled'; messageId: string };

export const emptyChat: ChatState = { conversationId: null, messages: [], orphans: {}, gaps: {} };

const MAX_ORPHANS = 2000;

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'open':
      return replayOrphans({ ...emptyChat, orphans: state.orphans, conversationId: action.conversationId }, action.messages);
    case 'upsert':
      return replayOrphans(state, action.messages);
    case 'stream':
      return applyEvent(state, action.event);
    case 'gap-handled': {
      const { [action.messageId]: _handled, ...gaps } = state.gaps;
      return { ...state, gaps };
    }
  }
}

function replayOrphans(state: ChatState, incoming: Message[]): ChatState {
  let messages = state.messages;
  for (const message of incoming) messages = upsert(messages, message);
  let next: ChatState = { ...state, messages };
  for (const message of incoming) {
    const waiting = next.orphans[message.id];
    if (!waiting) continue;
    const { [message.id]: _replayed, ...orphans } = next.orphans;
    next = { ...next, orphans };
    for (const event of waiting) next = applyEvent(next, event);
  }
  return next;
}

function upsert(messages: Message[], incoming: Message): Message[] {
  const index = messages.findIndex((m) => m.id === incoming.id);
  if (index === -1) return [...messages, incoming].sort((a, b) => a.createdAt - b.createdAt);
  const current = messages[index];
  const chosen = current ? fresher(current, incoming) : incoming;
  return chosen === current ? messages : messages.map((m, i) => (i === index ? chosen : m));
}

/** A snapshot can be older than what the stream already delivered; keep the further one. */
function fresher(current: Message, incoming: Message): Message {
  if (incoming.status !== 'streaming') return incoming;
  if (current.status !== 'streaming') return current;
  return incoming.content.length >= current.content.length ? incoming : current;
}

function applyEvent(state: ChatState, event: StreamEvent): ChatState {
  const message = state.messages.find((m) => m.id === event.messageId);
  if (!message) return holdOrphan(state, event);
  if (event.type === 'done') {
    // An older server's `done` carries no finishReason; null then, as for an answer stored before it existed.
    return replace(state, { ...message, content: event.content, status: event.status, error: null, finishReason: event.finishReason ?? null });
  }
  if (event.type === 'error') {
    return replace(state, { ...message, content: event.content, status: 'failed', error: event.error });
  }
  if (message.status !== 'streaming') return state;
  const held = message.content.length;
  const end = event.offset + event.text.length;
  if (end <= held) return state;
  if (event.offset > held) {
    return state.gaps[message.id] === undefined ? { ...state, gaps: { ...state.gaps, [message.id]: held } } : state;
  }
  return replace(state, { ...message, content: message.content + event.text.slice(held - event.offset) });
}

function replace(state: ChatState, message: Message): ChatState {
  return { ...state, messages: state.messages.map((m) => (m.id === message.id ? message : m)) };
}

/**
 * The socket also hears answers of conversations opened earlier; keep the newest events and
 * drop the oldest answer's when over the cap (a resume recovers anything dropped).
 */
function holdOrphan(state: ChatState, event: StreamEvent): ChatState {
  let orphans = { ...state.orphans, [event.messageId]: [...(state.orphans[event.messageId] ?? []), event] };
  while (Object.values(orphans).reduce((n, list) => n + list.length, 0) > MAX_ORPHANS) {
    const oldest = Object.keys(orphans)[0];
    if (oldest === undefined || oldest === event.messageId) break;
    const { [oldest]: _dropped, ...rest } = orphans;
    orphans = rest;
  }
  return { ...state, orphans };
}
