import { describe, expect, it } from 'vitest';
import { fitChatToContext } from '../../../server/llm/chat-history';
import type { ChatTurn } from '../../../server/llm/llm.types';

// One token per word keeps the budget arithmetic easy to check by hand.
const countTokens = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const keepTail = (text: string, tokens: number): string => text.split(/\s+/).filter(Boolean).slice(-tokens).join(' ');
const words = (n: number, word = 'w'): string => Array.from({ length: n }, () => word).join(' ');

function fit(messages: ChatTurn[], system = '', contextSize = 200, maxTokens = 50) {
  return fitChatToContext({ system, messages, contextSize, maxTokens, countTokens, keepTail });
}

describe('fitChatToContext', () => {
  it('keeps a short conversation whole, with the system prompt first', () => {
    const fitted = fit(
      [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'how are you' },
      ],
      'be kind',
    );
    expect(fitted.prompt).toBe('how are you');
    expect(fitted.droppedTurns).toBe(0);
    expect(fitted.history).toEqual([
      { type: 'system', text: 'be kind' },
      { type: 'user', text: 'hi' },
      { type: 'model', response: ['hello'] },
    ]);
  });

  it('drops the oldest turns first and never starts with an assistant turn', () => {
    const messages: ChatTurn[] = [
      { role: 'user', content: words(40, 'old') },
      { role: 'assistant', content: words(40, 'old') },
      { role: 'user', content: words(20, 'mid') },
      { role: 'assistant', content: words(20, 'mid') },
      { role: 'user', content: 'last' },
    ];
    // budget = 200 - 50 - 8 - 1 = 141; the two mid turns cost 56, the old assistant 48 more, the old user 48 more.
    const fitted = fit(messages);
    expect(fitted.history.map((item) => item.type)).toEqual(['user', 'model']);
    expect(fitted.droppedTurns).toBe(2);
  });

  it('keeps the end of a user turn that alone exceeds the context', () => {
    const fitted = fit([{ role: 'user', content: `${words(300)} final words` }], '', 100, 50);
    expect(countTokens(fitted.prompt)).toBeLessThanOrEqual(42);
    expect(fitted.prompt.endsWith('final words')).toBe(true);
  });

  it('refuses a conversation that does not end with a user turn', () => {
    expect(() => fit([{ role: 'assistant', content: 'hi' }])).toThrow(TypeError);
  });
});
