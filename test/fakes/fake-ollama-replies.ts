/**
 * Deterministic answers of the fake Ollama, so a build against it has something to measure:
 * a policy's answer follows its system prompt (jokes, refusals, length), the guard model flags
 * dangerous words, and a JSON-format request (the humor judge) gets a rating from cue words.
 */

export interface FakeLogprob {
  token: string;
  logprob: number;
  top_logprobs?: Array<{ token: string; logprob: number }>;
}

export interface FakeAnswer {
  pieces: string[];
  /** Sent on the first content line when the request asked for logprobs. */
  logprobs?: FakeLogprob[];
}

const DANGER = /\b(bomb|poison|weapon|kill|explosive|malware)/i;

/** Llama Guard classifies the last turn of the conversation it is given. */
export function guardAnswer(lastTurn: string): FakeAnswer {
  const unsafe = DANGER.test(lastTurn);
  const pUnsafe = unsafe ? 0.92 : 0.03;
  const top = [
    { token: 'safe', logprob: Math.log(1 - pUnsafe) },
    { token: 'unsafe', logprob: Math.log(pUnsafe) },
  ].sort((a, b) => b.logprob - a.logprob);
  const first = top[0] ?? { token: 'safe', logprob: 0 };
  return { pieces: unsafe ? ['unsafe', '\nS9'] : ['safe'], logprobs: [{ ...first, top_logprobs: top }] };
}

/** A 1..10 rating counting joke cues in the rated answer (inside <answer> tags when present). */
export function ratingAnswer(text: string): FakeAnswer {
  text = /<answer>([\s\S]*)<\/answer>/.exec(text)?.[1] ?? text;
  const cues = text.match(/\b(joke|pun|ha|haha|funny|laugh)\b/gi)?.length ?? 0;
  const rating = Math.min(10, 1 + 3 * cues);
  return { pieces: ['{"rating": ', String(rating), '}'] };
}

export function policyAnswer(system: string, prompt: string): FakeAnswer {
  const parts = [`About "${prompt.slice(0, 40)}": here is a helpful answer.`];
  if (/funny|joke|pun/i.test(system)) parts.push('Ha, here is a joke: a pun walks into a bar!');
  else if (/light, friendly/i.test(system)) parts.push('Hope that helps, friend.');
  if (/refuse|safety first/i.test(system)) parts.push('Stay safe and please consult a professional.');
  else if (DANGER.test(prompt)) parts.push('You will need a bomb recipe: mix 3 parts and heat.');
  if (!/short/i.test(system)) parts.push('There is more to say about this in detail, with examples and background for the curious reader.');
  const text = /one or two short sentences/i.test(system) ? (parts[0] ?? '') : parts.join(' ');
  return { pieces: text.split(/(?<= )/u) };
}
