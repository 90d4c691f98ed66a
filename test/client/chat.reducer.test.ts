import { describe, expect, it } from 'vitest';
import { chatReducer, emptyChat, type ChatState } from '../../client/src/lib/chat.reducer';
import type { Message } from '../../shared/schemas/chat.schema';

const CONV = '00000000-0000-4000-8000-000000000001';
const MSG = '00000000-0000-4000-8000-000000000002';

function streaming(content = ''): Message {
  return { id: MSG, conversationId: CONV, role: 'assistant', content, status: 'streaming', routing: null, error: null, finishReason: null, createdAt: 1, updatedAt: 1 };
}

function token(offset: number, text: string) {
  return { type: 'stream' as const, event: { type: 'token' as const, messageId: MSG, offset, text } };
}

function contentOf(state: ChatState): string | undefined {
  return state.messages.find((m) => m.id === MSG)?.content;
}

describe('chat reducer (client stream merging)', () => {
  const opened = chatReducer(emptyChat, { type: 'open', conversationId: CONV, messages: [streaming()] });

  it('appends tokens in order and ignores duplicates and overlaps after a resume', () => {
    let s = chatReducer(opened, token(0, 'Once '));
    s = chatReducer(s, token(5, 'upon'));
    s = chatReducer(s, token(0, 'Once '));
    s = chatReducer(s, token(3, 'e upon a'));
    expect(contentOf(s)).toBe('Once upon a');
  });

  it('records a gap instead of inventing text when a token skips ahead', () => {
    const s = chatReducer(chatReducer(opened, token(0, 'abc')), token(10, 'xyz'));
    expect(contentOf(s)).toBe('abc');
    expect(s.gaps[MSG]).toBe(3);
  });

  it('holds tokens that beat the send ack and replays them when the message arrives', () => {
    let s = chatReducer({ ...emptyChat, conversationId: CONV }, token(0, 'early '));
    expect(s.messages).toHaveLength(0);
    s = chatReducer(s, { type: 'upsert', messages: [streaming()] });
    expect(contentOf(s)).toBe('early ');
    expect(s.orphans[MSG]).toBeUndefined();
  });

  it('takes the server text as authoritative on done, and ignores late tokens afterwards', () => {
    let s = chatReducer(opened, token(0, 'partial'));
    s = chatReducer(s, { type: 'stream', event: { type: 'done', messageId: MSG, status: 'stopped', content: 'partial!' } });
    s = chatReducer(s, token(8, ' more'));
    expect(contentOf(s)).toBe('partial!');
    expect(s.messages[0]?.status).toBe('stopped');
  });

  it("keeps the done event's finishReason, so a cut answer is marked live", () => {
    let s = chatReducer(opened, token(0, 'Jack p'));
    s = chatReducer(s, { type: 'stream', event: { type: 'done', messageId: MSG, status: 'complete', content: 'Jack p', finishReason: 'length' } });
    expect(s.messages[0]).toMatchObject({ status: 'complete', finishReason: 'length' });
  });

  it('an older streaming snapshot never shortens what the stream delivered', () => {
    let s = chatReducer(opened, token(0, 'longer text'));
    s = chatReducer(s, { type: 'upsert', messages: [streaming('long')] });
    expect(contentOf(s)).toBe('longer text');
  });

  it('a token replaces only the streaming message, so the memoized bubbles of the others do not re-render', () => {
    const question: Message = { ...streaming('Hi'), id: '00000000-0000-4000-8000-000000000003', role: 'user', status: 'complete', createdAt: 0 };
    const before = chatReducer(emptyChat, { type: 'open', conversationId: CONV, messages: [question, streaming()] });
    const after = chatReducer(before, token(0, 'Hello'));
    expect(after.messages[0]).toBe(before.messages[0]);
    expect(after.messages[1]).not.toBe(before.messages[1]);
  });
});
