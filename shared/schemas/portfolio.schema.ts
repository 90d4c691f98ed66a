import { z } from 'zod';
import { policySpecSchema } from './policy.schema';

export const portfolioParamsSchema = z.object({
  mu: z.number().positive(),
  alpha: z.number().gt(0).lt(1),
  epsilon: z.number().min(0).lt(1),
  delta: z.number().min(0),
  backend: z.string(),
  model: z.string(),
  trainPrompts: z.number().int(),
  evalPrompts: z.number().int(),
  samplesPerPrompt: z.number().int().positive(),
});
export type PortfolioParams = z.infer<typeof portfolioParamsSchema>;

export const certificateSchema = z.object({
  /** Worst gaps measured after pruning, over the grid and a dense sample of the simplex. */
  epsilon: z.number(),
  delta: z.number(),
  /** Where on the simplex the worst gaps occur. */
  worstEpsilonAt: z.array(z.number()),
  worstDeltaAt: z.array(z.number()),
  /** True when exact over the whole simplex (d = 2); otherwise a bound with a Lipschitz margin. */
  exact: z.boolean(),
  margin: z.number(),
  /** The same gaps with members at lower and OPT at upper confidence bounds (null without stderr). */
  conservative: z.object({ epsilon: z.number(), delta: z.number() }).nullable(),
  gridPoints: z.number().int(),
  certifiedPoints: z.number().int(),
  /** The seed statement's predicted bounds for these µ, α, d. */
  predicted: z.object({ sizeBound: z.number(), epsilonBound: z.number(), deltaBound: z.number() }),
  /** How the members were chosen, on the train estimates (absent on versions built before modes existed). */
  selection: z
    .object({
      mode: z.enum(['greedy', 'exact', 'budget']),
      budget: z.number().int().nullable(),
      /** Cover modes: the train-estimate certificate over the whole simplex meets the target. */
      certified: z.boolean(),
      /** Exact: proven minimum; budget: worst gap proven minimal for k; greedy: null. */
      optimal: z.boolean().nullable(),
      universePoints: z.number().int(),
      trainEpsilon: z.number(),
      trainDelta: z.number(),
      trainPairedDelta: z.number(),
    })
    .optional(),
  /** How users spread over the members and how different their eval answers are (absent on older versions). */
  metrics: z
    .object({
      /** exp(entropy) of member usage by users uniform on the simplex: 1 = one member serves all. */
      usagePerplexity: z.number(),
      usage: z.array(z.number()),
      /** Distinct bigrams across the members' answers to the same eval prompt, averaged. */
      distinct2: z.number(),
    })
    .optional(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const portfolioMemberSchema = z.object({
  policy: policySpecSchema,
  /** Mean reward per trait on the eval prompts, TRAITS order, with standard errors. */
  rewards: z.array(z.number()),
  stderr: z.array(z.number()),
  coveredGridPoints: z.number().int(),
});
export type PortfolioMember = z.infer<typeof portfolioMemberSchema>;

export const portfolioSummarySchema = z.object({
  version: z.number().int(),
  status: z.enum(['building', 'ready', 'active', 'retired', 'failed']),
  createdAt: z.number(),
  activatedAt: z.number().nullable(),
  params: portfolioParamsSchema,
  certificate: certificateSchema.nullable(),
  members: z.array(portfolioMemberSchema),
  candidateCount: z.number().int(),
});
export type PortfolioSummary = z.infer<typeof portfolioSummarySchema>;
