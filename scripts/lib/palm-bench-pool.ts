import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Pool } from './palm-bench-quality';

const poolFileSchema = z.object({
  candidates: z
    .array(z.object({ rewards: z.array(z.number().min(0).max(1)).min(2), stderr: z.array(z.number().min(0)) }))
    .min(1),
});

/** Reads a measured candidate pool: {candidates: [{rewards, stderr}]} (rewards in [0, 1]). */
export function readPool(path: string): Pool {
  const parsed = poolFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`pool file ${path} is invalid: ${z.prettifyError(parsed.error)}`);
  const candidates = parsed.data.candidates.map((c) => c.rewards);
  const d = candidates[0]?.length ?? 0;
  parsed.data.candidates.forEach((c, i) => {
    if (c.rewards.length !== d || c.stderr.length !== d)
      throw new Error(`pool file ${path}: candidate ${i} must have ${d} rewards and ${d} standard errors`);
  });
  return { name: `pool ${path.split('/').pop() ?? path}`, d, candidates, stderr: parsed.data.candidates.map((c) => c.stderr) };
}
