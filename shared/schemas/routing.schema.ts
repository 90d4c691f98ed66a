import { z } from 'zod';

/** Why a given policy serves a message, as shown on the answer's badge. */
export const routingInfoSchema = z.object({
  policyId: z.string(),
  policyName: z.string(),
  /** null when no portfolio is active and the base policy serves. */
  portfolioVersion: z.number().int().nullable(),
  weights: z.array(z.number()),
  /** J_w of the serving policy, and OPT(w) over every candidate of the version. */
  value: z.number(),
  bestValue: z.number(),
  /** value / bestValue (1 when OPT is 0): how close to the best candidate this user gets. */
  relativeValue: z.number(),
  isBasePolicy: z.boolean(),
});
export type RoutingInfo = z.infer<typeof routingInfoSchema>;
