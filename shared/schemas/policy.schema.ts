import { z } from 'zod';

/** How strongly the system prompt asks for a trait: 0 = not at all, 2 = strongly. */
export const instructionLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type InstructionLevel = z.infer<typeof instructionLevelSchema>;

export const decodingSchema = z.strictObject({
  temperature: z.number().finite().min(0).max(2),
  topP: z.number().finite().gt(0).max(1),
  maxTokens: z.number().int().min(1).max(4096),
});
export type Decoding = z.infer<typeof decodingSchema>;

export const policyOriginSchema = z.enum(['base', 'search', 'import']);

/**
 * A policy is data: everything that decides how an answer is produced.
 * `id` is derived from the rest (see server/portfolio/policy-id.ts), so equal specs share an id.
 */
export const policySpecSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  origin: policyOriginSchema,
  /** Base model tag (Ollama) or GGUF file name (embedded); informational for routing. */
  baseModel: z.string().min(1),
  levels: z.strictObject({ safety: instructionLevelSchema, humor: instructionLevelSchema, brevity: instructionLevelSchema }),
  system: z.string(),
  decoding: decodingSchema,
  /**
   * An Ollama model that answers for this policy instead of the base model: an imported
   * fine-tune (origin 'import', e.g. a LoRA via ADAPTER). Absent for searched policies.
   */
  ollamaModel: z.string().min(1).optional(),
});
export type PolicySpec = z.infer<typeof policySpecSchema>;
