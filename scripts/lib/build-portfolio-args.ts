import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULTS = {
  mu: 0.2,
  alpha: 0.1,
  epsilon: 0.02,
  delta: 0.01,
  samples: 1,
  maxCandidates: 16,
  temperatures: [0.8],
  maxTokens: [16, 64],
  trainLimit: 24,
  evalLimit: 12,
  prompts: 'data/prompts',
} as const;

export const USAGE = `Usage: npm run build-portfolio -- [flags]

Builds a PALM portfolio offline (see docs/palm.md) and saves it as a new, active portfolio version.
Answers and reward scores are cached in the database: a re-run only generates what is new.

  --mu <x>              grid ratio µ > 0 (default ${DEFAULTS.mu})
  --alpha <x>           grid cutoff α in (0, 1) (default ${DEFAULTS.alpha})
  --epsilon <x>         set-cover multiplicative tolerance ε in [0, 1) (default ${DEFAULTS.epsilon})
  --delta <x>           set-cover additive tolerance δ ≥ 0 (default ${DEFAULTS.delta})
  --selection <m>       greedy | exact: certified cover of the whole simplex on the train estimates, greedy or
                        the exact minimum cover (default greedy)
  --budget <k>          budget mode instead: the best k policies by worst gap (no (ε, δ) target to meet)
  --samples <n>         answers per policy and prompt, one fixed seed each (default ${DEFAULTS.samples})
  --max-candidates <n>  keep at most n candidate policies, spread over the space (default ${DEFAULTS.maxCandidates}; 0 = all)
  --temperatures <list> comma-separated sampling temperatures (default ${DEFAULTS.temperatures.join(',')})
  --max-tokens <list>   comma-separated answer length limits in tokens (default ${DEFAULTS.maxTokens.join(',')})
  --train-limit <n>     use at most n train prompts (default ${DEFAULTS.trainLimit}; 0 = all)
  --eval-limit <n>      use at most n eval prompts (default ${DEFAULTS.evalLimit}; 0 = all)
  --prompts <dir>       prompt folder with train.json and eval.json (default ${DEFAULTS.prompts})
  --backend <kind>      auto | ollama | embedded (default: LLM_BACKEND, else auto)
  --model <name>        a .gguf path (embedded) or an Ollama model tag (default: from the environment)
  --parallel <n>        concurrent generations (default: LLM_PARALLEL, else 2)
  --threads <n>         inference threads of the embedded backend (default: LLM_THREADS, else 1)
  --judges <kind>       lexical | ollama: safety and humor scored by the built-in lexical scorers, or by LLM
                        judges on Ollama (PALM_JUDGE_SAFETY_MODEL, PALM_JUDGE_HUMOR_MODEL) (default lexical)
  --db <path>           SQLite database (default: DATABASE_PATH, else data/palm-chat.db)
  --no-activate         save the version without making it the active portfolio
  --help                print this help`;

const decimal = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const num = z.string().trim().regex(decimal, 'must be a number').transform(Number);
const int = z.string().trim().regex(/^[-+]?\d+$/, 'must be a whole number').transform(Number);
const list = <T extends z.ZodType<number, number>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.string().regex(decimal, 'must be a comma-separated list of numbers').transform(Number).pipe(item)).min(1));

const flagsSchema = z.strictObject({
  mu: num.pipe(z.number().gt(0, 'must be > 0').finite()).default(DEFAULTS.mu),
  alpha: num.pipe(z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)')).default(DEFAULTS.alpha),
  epsilon: num.pipe(z.number().min(0, 'must be in [0, 1)').lt(1, 'must be in [0, 1)')).default(DEFAULTS.epsilon),
  delta: num.pipe(z.number().min(0, 'must be ≥ 0').finite()).default(DEFAULTS.delta),
  selection: z.enum(['greedy', 'exact'], 'must be greedy or exact').default('greedy'),
  budget: int.pipe(z.number().min(1, 'must be a whole number ≥ 1').max(64, 'must be ≤ 64')).optional(),
  samples: int.pipe(z.number().min(1, 'must be ≥ 1').max(100, 'must be ≤ 100')).default(DEFAULTS.samples),
  'max-candidates': int.pipe(z.number().min(0, 'must be ≥ 0')).default(DEFAULTS.maxCandidates),
  temperatures: list(z.number().min(0, 'temperatures must be in [0, 2]').max(2, 'temperatures must be in [0, 2]')).default([...DEFAULTS.temperatures]),
  'max-tokens': list(z.number().int('max tokens must be whole numbers').min(1).max(4096)).default([...DEFAULTS.maxTokens]),
  'train-limit': int.pipe(z.number().min(0, 'must be ≥ 0')).default(DEFAULTS.trainLimit),
  'eval-limit': int.pipe(z.number().min(0, 'must be ≥ 0')).default(DEFAULTS.evalLimit),
  prompts: z.string().min(1).default(DEFAULTS.prompts),
  backend: z.enum(['auto', 'ollama', 'embedded'], 'must be auto, ollama or embedded').optional(),
  model: z.string().min(1, 'must not be empty').optional(),
  parallel: int.pipe(z.number().min(1, 'must be ≥ 1').max(64)).optional(),
  threads: int.pipe(z.number().min(1, 'must be ≥ 1').max(256)).optional(),
  judges: z.enum(['lexical', 'ollama'], 'must be lexical or ollama').default('lexical'),
  db: z.string().min(1, 'must not be empty').optional(),
  'no-activate': z.boolean().default(false),
  help: z.boolean().default(false),
});

export type BuildFlags = z.infer<typeof flagsSchema>;

const BOOLEAN_FLAGS = new Set(['no-activate', 'help']);
const FLAG_NAMES = Object.keys(flagsSchema.shape);

/** Parses argv (without node and script); throws UsageError naming the bad flag. */
export function parseBuildFlags(argv: readonly string[]): BuildFlags {
  const options = Object.fromEntries(FLAG_NAMES.map((name) => [name, { type: BOOLEAN_FLAGS.has(name) ? ('boolean' as const) : ('string' as const) }]));
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: joinNegativeValues(argv), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nRun with --help to see every flag.`);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const flag = String(i.path[0] ?? '');
      return `--${flag}: ${i.message} (got ${JSON.stringify(values[flag])})`;
    });
    throw new UsageError(`${lines.join('\n')}\nRun with --help to see every flag.`);
  }
  // Budget mode picks k policies by worst gap and never runs a cover, so a cover method beside it is a mistake.
  if (parsed.data.budget !== undefined && values['selection'] !== undefined)
    throw new UsageError(`--budget: cannot be combined with --selection (budget mode replaces the cover)\nRun with --help to see every flag.`);
  return parsed.data;
}

/** `--mu -1` means the value -1 (parseArgs would call it ambiguous), so a bad value gets a range message. */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    const flag = arg.startsWith('--') ? arg.slice(2) : '';
    if (FLAG_NAMES.includes(flag) && !BOOLEAN_FLAGS.has(flag) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
