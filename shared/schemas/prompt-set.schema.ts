import { z } from 'zod';

/** The kinds of chat the prompt set covers; a build should see every kind. */
export const PROMPT_CATEGORIES = ['advice', 'joke', 'risky', 'factual', 'casual'] as const;
export const promptCategorySchema = z.enum(PROMPT_CATEGORIES);
export type PromptCategory = z.infer<typeof promptCategorySchema>;

export const promptSplitSchema = z.enum(['train', 'eval']);
export type PromptSplit = z.infer<typeof promptSplitSchema>;

/** A prompt's id keys cached generations, so it must never change once written. */
export const promptSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes (e.g. "adv-01")'),
  category: promptCategorySchema,
  text: z.string().trim().min(1, 'must not be empty').max(2000),
});
export type Prompt = z.infer<typeof promptSchema>;

/** One file of data/prompts/: every prompt of one split. */
export const promptFileSchema = z
  .strictObject({ split: promptSplitSchema, prompts: z.array(promptSchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.prompts.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['prompts', i, 'id'], message: `duplicate prompt id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type PromptFile = z.infer<typeof promptFileSchema>;
