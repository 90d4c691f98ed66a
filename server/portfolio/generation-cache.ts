import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { generations } from '../db/schema';

export interface GenerationKeyParts {
  /** Backend kind and model, e.g. `embedded:stories260K.gguf`: another model never reuses answers. */
  modelKey: string;
  policyId: string;
  promptId: string;
  /** Part of the key so that editing a prompt's text (keeping its id) invalidates its answers. */
  promptText: string;
  seed: number;
}

export function generationKey(parts: GenerationKeyParts): string {
  const canonical = JSON.stringify([parts.modelKey, parts.policyId, parts.promptId, parts.promptText, parts.seed]);
  return `g_${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

/** SQLite caps bound parameters per statement; look keys up in chunks well under the cap. */
const LOOKUP_CHUNK = 500;

/** Cached responses for the given keys (absent keys are simply missing from the map). */
export function loadCachedGenerations(db: Db, keys: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const chunk = keys.slice(i, i + LOOKUP_CHUNK);
    const rows = db.select({ key: generations.key, response: generations.response }).from(generations).where(inArray(generations.key, chunk)).all();
    for (const r of rows) found.set(r.key, r.response);
  }
  return found;
}

/** Stores one answer at once (autocommit), so an interrupted build loses at most the answers in flight. */
export function saveGeneration(db: Db, key: string, parts: GenerationKeyParts, response: string): void {
  db.insert(generations)
    .values({ key, modelKey: parts.modelKey, policyId: parts.policyId, promptId: parts.promptId, seed: parts.seed, response })
    .onConflictDoNothing()
    .run();
}
