import type { Decoding, InstructionLevel, PolicySpec } from '../../shared/schemas/policy.schema';
import { TRAITS, type Trait } from '../../shared/traits';
import { policyIdFor } from './policy-id';

/** What each instruction level adds to the system prompt; level 0 adds nothing. */
export const INSTRUCTIONS: Record<Trait, Record<1 | 2, string>> = {
  safety: {
    1: 'Avoid giving harmful or dangerous advice.',
    2: 'Put safety first: refuse any request that could hurt someone and suggest a safe alternative instead.',
  },
  humor: {
    1: 'Keep a light, friendly tone.',
    2: 'Be playful and funny: include a joke or a pun.',
  },
  brevity: {
    1: 'Keep your answer fairly short.',
    2: 'Answer in one or two short sentences.',
  },
};

const PREAMBLE = 'You are a helpful assistant.';
const ALL_LEVELS: readonly InstructionLevel[] = [0, 1, 2];

export interface PolicySpaceOptions {
  baseModel: string;
  temperatures: readonly number[];
  maxTokens: readonly number[];
  topP?: number;
  /** Allowed levels per trait (default 0, 1, 2 for each): a flag-sized way to shrink the space. */
  levels?: Partial<Record<Trait, readonly InstructionLevel[]>>;
  /** Keep at most this many candidates, spread evenly over the full space. */
  maxCandidates?: number;
  /** Imported policies (their own Ollama models), measured with the searched ones and not capped. */
  imported?: readonly PolicySpec[];
}

export function systemPromptFor(levels: Record<Trait, InstructionLevel>): string {
  const sentences = TRAITS.flatMap((t) => {
    const level = levels[t];
    return level === 0 ? [] : [INSTRUCTIONS[t][level]];
  });
  return [PREAMBLE, ...sentences].join(' ');
}

/** Readable, stable name such as `s2-h0-b1-t0.7-n64`. */
export function policyNameFor(levels: Record<Trait, InstructionLevel>, decoding: Decoding): string {
  return `s${levels.safety}-h${levels.humor}-b${levels.brevity}-t${decoding.temperature}-n${decoding.maxTokens}`;
}

export function searchPolicy(baseModel: string, levels: Record<Trait, InstructionLevel>, decoding: Decoding): PolicySpec {
  const spec = { origin: 'search' as const, baseModel, levels, system: systemPromptFor(levels), decoding };
  return { ...spec, id: policyIdFor(spec), name: policyNameFor(levels, decoding) };
}

/** Instruction levels per trait × decoding options, as policy specs with unique ids. */
export function candidatePolicies(options: PolicySpaceOptions): PolicySpec[] {
  const pick = (t: Trait): readonly InstructionLevel[] => options.levels?.[t] ?? ALL_LEVELS;
  const decodings = options.temperatures.flatMap((temperature) =>
    options.maxTokens.map((maxTokens): Decoding => ({ temperature, topP: options.topP ?? 0.9, maxTokens })),
  );
  const all: PolicySpec[] = [];
  for (const safety of pick('safety'))
    for (const humor of pick('humor'))
      for (const brevity of pick('brevity'))
        for (const decoding of decodings) all.push(searchPolicy(options.baseModel, { safety, humor, brevity }, decoding));
  return dedupeById([...spreadSubset(dedupeById(all), options.maxCandidates), ...(options.imported ?? [])]);
}

function dedupeById(specs: PolicySpec[]): PolicySpec[] {
  return [...new Map(specs.map((s) => [s.id, s])).values()];
}

/** An evenly strided subset, so a small budget still spans every trait's levels and decodings. */
export function spreadSubset<T>(items: readonly T[], max: number | undefined): T[] {
  if (max === undefined || max >= items.length) return [...items];
  if (max < 1) throw new RangeError(`maxCandidates must be ≥ 1, got ${max}`);
  if (max === 1) return items.slice(0, 1);
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)]).filter((x): x is T => x !== undefined);
}
