import { z } from 'zod';

/** What serves answers, for the banner and the client's header. */
export const backendInfoSchema = z.object({
  kind: z.enum(['embedded', 'ollama']),
  model: z.string(),
  /** False for demo models (like the test model) that continue text instead of answering. */
  chatTuned: z.boolean(),
  detail: z.string(),
});
export type BackendInfo = z.infer<typeof backendInfoSchema>;
