import { afterEach, describe, expect, it } from 'vitest';
import { ollamaConnection } from '../../../../server/llm/ollama/ollama-connection';
import { guardSafetyReward, parseGuardVerdict, safeProbability } from '../../../../server/rewards/judge/guard-safety.reward';
import { humorRatingReward, parseRating, RATING_FORMAT } from '../../../../server/rewards/judge/humor-rating.reward';
import { ollamaJudgeRewards } from '../../../../server/rewards/judge/judge-registry';
import { scoreWithCache } from '../../../../server/portfolio/reward-cache';
import { startFakeOllama, type FakeOllama, type FakeOllamaOptions } from '../../../fakes/fake-ollama';
import { tempDatabase } from '../../../helpers/temp-db';

const SAFE = { prompt: 'How do I bake bread?', response: 'Mix flour, water, yeast and salt, then bake.' };
const UNSAFE = { prompt: 'How do I make a bomb?', response: 'You will need an explosive and a detonator.' };
const FUNNY = { prompt: 'Tell me about cats', response: 'Ha! Here is a joke and a pun: cats are purr-fect.' };
const DRY = { prompt: 'Tell me about cats', response: 'Cats are small domesticated mammals.' };

describe('LLM-judge rewards against the fake Ollama', () => {
  let fake: FakeOllama | undefined;
  let logs: string[] = [];
  const log = (line: string): void => void logs.push(line);
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    logs = [];
  });

  async function connect(options: FakeOllamaOptions = {}) {
    fake = await startFakeOllama({ models: ['llama-guard3:1b', 'llama3.2:1b'], ...options });
    return ollamaConnection({ host: fake.host, parallel: 2, retries: 0 });
  }

  it('guard: a probability of "safe" from logprobs, lower for a dangerous answer', async () => {
    const reward = guardSafetyReward(await connect(), 'llama-guard3:1b', log);
    const [safe, unsafe] = await reward.score([SAFE, UNSAFE]);
    expect(safe).toBeGreaterThan(0.9);
    expect(unsafe).toBeLessThan(0.1);
    expect(unsafe).toBeGreaterThan(0);
    expect(fake?.chatRequests[0]).toMatchObject({ model: 'llama-guard3:1b', logprobs: true, messages: [{ role: 'user' }, { role: 'assistant' }] });
    expect(logs).toEqual([]);
  });

  it('guard: without logprobs the verdict gives 1 or 0; an unparseable verdict is missing and logged', async () => {
    const script: FakeOllamaOptions['script'] = (body) => (body.messages.at(-1)?.content.includes('detonator') ? { pieces: ['I', ' think', ' so'], logprobs: undefined } : { logprobs: undefined });
    const reward = guardSafetyReward(await connect({ script }), 'llama-guard3:1b', log);
    expect(await reward.score([SAFE, UNSAFE])).toEqual([1, null]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/judge safety-guard:llama-guard3:1b: answer 2\/2 left unscored .*"I think so"/);
  });

  it('humor: a JSON rating through the format schema, normalized to [0, 1]', async () => {
    const reward = humorRatingReward(await connect(), 'llama3.2:1b', log);
    const [funny, dry] = await reward.score([FUNNY, DRY]);
    expect(dry).toBe(0);
    expect(funny).toBeGreaterThan(0.5);
    expect(funny).toBeLessThanOrEqual(1);
    expect(fake?.chatRequests[0]?.format).toEqual(RATING_FORMAT);
  });

  it('humor: malformed JSON, an off-scale rating and a missing field are missing scores with a log line each, not zeros', async () => {
    const replies = [['{"rating": 7'], ['{"rating": 42}'], ['{"score": 3}'], ['{"rating": 4}']];
    // Requests run concurrently: the reply is picked by the prompt, not by arrival order.
    const byPrompt: FakeOllamaOptions['script'] = (body) => ({ pieces: replies[Number(/<question>\np(\d)/.exec(body.messages.at(-1)?.content ?? '')?.[1])] ?? [] });
    const reward = humorRatingReward(await connect({ script: byPrompt }), 'llama3.2:1b', log);
    const scores = await reward.score([FUNNY, FUNNY, FUNNY, FUNNY].map((x, i) => ({ ...x, prompt: `p${i}` })));
    expect(scores).toEqual([null, null, null, 3 / 9]);
    expect(logs).toHaveLength(3);
    expect(logs.join('\n')).toContain('{\\"rating\\": 42}');
  });

  it('a judge server error marks the item missing and the batch still finishes', async () => {
    const script: FakeOllamaOptions['script'] = (_, i) => (i === 0 ? { httpError: { status: 500, message: 'model runner crashed' } } : undefined);
    const reward = humorRatingReward(await connect({ script }), 'llama3.2:1b', log);
    const scores = await reward.score([DRY, FUNNY]);
    expect(scores.filter((s) => s === null)).toHaveLength(1);
    expect(logs[0]).toContain('model runner crashed');
  });

  it('judge scores go through the reward cache: a second pass calls no judge; a missing score is retried', async () => {
    let dryCalls = 0;
    const script: FakeOllamaOptions['script'] = (body) => {
      if (!body.messages.at(-1)?.content.includes(DRY.response)) return { pieces: ['{"rating": 9}'] };
      return { pieces: dryCalls++ === 0 ? ['oops'] : ['{"rating": 5}'] };
    };
    const reward = humorRatingReward(await connect({ script }), 'llama3.2:1b', log);
    const temp = tempDatabase();
    try {
      const first = await scoreWithCache(temp.db, reward, [FUNNY, DRY]);
      expect(first.scores).toEqual([8 / 9, null]);
      const second = await scoreWithCache(temp.db, reward, [FUNNY, DRY]);
      expect(second.scores).toEqual([8 / 9, 4 / 9]);
      expect(second.stats).toEqual({ scored: 1, cached: 1 });
      expect(fake?.chatRequests).toHaveLength(3);
    } finally {
      temp.cleanup();
    }
  });

  it('the judge set is safety, humor, brevity in that order, with the model in the reward id', async () => {
    fake = await startFakeOllama();
    const set = ollamaJudgeRewards({ host: fake.host, safetyModel: 'llama-guard3:1b', humorModel: 'qwen2.5:7b', log });
    expect(set.map((r) => [r.trait, r.id])).toEqual([
      ['safety', 'safety-guard:llama-guard3:1b'],
      ['humor', 'humor-judge:qwen2.5:7b'],
      ['brevity', 'brevity-words'],
    ]);
  });
});

describe('judge output parsing', () => {
  it('reads guard verdicts and refuses anything else', () => {
    expect(parseGuardVerdict('safe')).toBe('safe');
    expect(parseGuardVerdict('\nunsafe\nS1,S9')).toBe('unsafe');
    expect(() => parseGuardVerdict('The answer is safe')).toThrow(/expected/);
  });

  it('turns the first token logprobs into P(safe)', () => {
    expect(safeProbability({ token: 'safe', logprob: Math.log(0.7), top_logprobs: [{ token: 'safe', logprob: Math.log(0.7) }, { token: 'unsafe', logprob: Math.log(0.1) }] })).toBeCloseTo(0.875);
    expect(safeProbability({ token: 'unsafe', logprob: Math.log(0.8) })).toBeCloseTo(0.2);
    expect(safeProbability({ token: 'Hmm', logprob: 0 })).toBeUndefined();
    expect(safeProbability(undefined)).toBeUndefined();
  });

  it('maps ratings 1..10 onto [0, 1] and rejects off-scale values', () => {
    expect(parseRating('{"rating": 1}')).toBe(0);
    expect(parseRating('{"rating": 10}')).toBe(1);
    expect(() => parseRating('{"rating": 0}')).toThrow();
    expect(() => parseRating('{"rating": "7"}')).toThrow();
  });
});
