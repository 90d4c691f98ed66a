import type { ChatHistoryItem } from 'node-llama-cpp';
import type { ChatTurn } from './llm.types';

/** Template tokens a chat wrapper adds around each turn ([INST], role headers...): a safe guess. */
const TURN_OVERHEAD_TOKENS = 8;

export interface FittedChat {
  history: ChatHistoryItem[];
  prompt: string;
  droppedTurns: number;
}

export interface FitOptions {
  system: string;
  messages: readonly ChatTurn[];
  contextSize: number;
  maxTokens: number;
  countTokens: (text: string) => number;
  /** Keeps the last `tokens` tokens of a text (used when the user turn alone is too long). */
  keepTail: (text: string, tokens: number) => string;
}

/**
 * Splits a conversation into prior history and the prompt to answer, dropping the oldest
 * turns until the prompt plus room for the answer fits the context. Dropping old turns is
 * what a user expects from a long chat; failing the request would not be.
 */
export function fitChatToContext(options: FitOptions): FittedChat {
  const { system, messages, contextSize, countTokens } = options;
  const last = messages.at(-1);
  if (!last || last.role !== 'user') throw new TypeError('a generate request must end with a user turn');
  // Keep at least half the context for the answer's start; longer answers shift the context.
  const answerRoom = Math.min(options.maxTokens, Math.floor(contextSize / 2));
  let budget = contextSize - answerRoom - TURN_OVERHEAD_TOKENS;
  if (system !== '') budget -= countTokens(system) + TURN_OVERHEAD_TOKENS;

  let prompt = last.content;
  const promptTokens = countTokens(prompt);
  if (promptTokens > budget) {
    prompt = options.keepTail(prompt, Math.max(1, budget));
    budget = 0;
  } else {
    budget -= promptTokens;
  }

  const prior = messages.slice(0, -1);
  const kept: ChatTurn[] = [];
  for (let i = prior.length - 1; i >= 0; i--) {
    const turn = prior[i];
    if (!turn) continue;
    const cost = countTokens(turn.content) + TURN_OVERHEAD_TOKENS;
    if (cost > budget) break;
    budget -= cost;
    kept.unshift(turn);
  }
  // A history that starts with an assistant turn confuses most templates: drop it too.
  if (kept[0]?.role === 'assistant') kept.shift();

  const history: ChatHistoryItem[] = system === '' ? [] : [{ type: 'system', text: system }];
  for (const turn of kept) {
    history.push(turn.role === 'user' ? { type: 'user', text: turn.content } : { type: 'model', response: [turn.content] });
  }
  return { history, prompt, droppedTurns: prior.length - kept.length };
}
