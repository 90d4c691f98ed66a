import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { immediate, type Db } from '../db/client';
import { rewardCache } from '../db/schema';
import type { RewardFunction, RewardInput } from '../rewards/reward.types';

export function rewardInputHash(input: RewardInput): string {
  return createHash('sha256').update(JSON.stringify([input.prompt, input.response])).digest('hex').slice(0, 32);
}

const LOOKUP_CHUNK = 500;
/** Scored per call to the reward; judges on a model server prefer modest batches. */
const SCORE_BATCH = 64;

export interface ScoreStats {
  scored: number;
  cached: number;
}

/**
 * Scores inputs with one reward, reading the cache first; only inputs never scored by this
 * (reward id, version) reach the reward, and duplicates are scored once.
 */
export async function scoreWithCache(db: Db, reward: RewardFunction, inputs: readonly RewardInput[]): Promise<{ scores: Array<number | null>; stats: ScoreStats }> {
  const hashes = inputs.map(rewardInputHash);
  const known = loadCachedScores(db, reward, [...new Set(hashes)]);
  const todo = new Map<string, RewardInput>();
  inputs.forEach((input, i) => {
    const h = hashes[i] ?? '';
    if (!known.has(h)) todo.set(h, input);
  });
  const entries = [...todo.entries()];
  for (let i = 0; i < entries.length; i += SCORE_BATCH) {
    const chunk = entries.slice(i, i + SCORE_BATCH);
    const scores = await reward.score(chunk.map(([, input]) => input));
    if (scores.length !== chunk.length) throw new Error(`reward ${reward.id} returned ${scores.length} scores for ${chunk.length} inputs`);
    chunk.forEach(([hash], j) => known.set(hash, checkedScore(reward, scores[j])));
    saveScores(db, reward, chunk.map(([hash], j) => ({ hash, score: checkedScore(reward, scores[j]) })));
  }
  return { scores: hashes.map((h) => known.get(h) ?? null), stats: { scored: todo.size, cached: new Set(hashes).size - todo.size } };
}

function checkedScore(reward: RewardFunction, score: number | null | undefined): number | null {
  if (score === null || score === undefined) return null;
  if (!Number.isFinite(score) || score < 0 || score > 1) throw new RangeError(`reward ${reward.id} returned ${score}, outside [0, 1]`);
  return score;
}

function loadCachedScores(db: Db, reward: RewardFunction, hashes: readonly string[]): Map<string, number | null> {
  const found = new Map<string, number | null>();
  for (let i = 0; i < hashes.length; i += LOOKUP_CHUNK) {
    const rows = db
      .select({ hash: rewardCache.inputHash, score: rewardCache.score })
      .from(rewardCache)
      .where(and(eq(rewardCache.rewardId, reward.id), eq(rewardCache.rewardVersion, reward.version), inArray(rewardCache.inputHash, hashes.slice(i, i + LOOKUP_CHUNK))))
      .all();
    for (const r of rows) found.set(r.hash, r.score);
  }
  return found;
}

/**
 * Missing scores (null) are not cached: a judge that failed once may succeed on the next
 * build, and a cached null would hide that answer from the estimate forever.
 */
function saveScores(db: Db, reward: RewardFunction, rows: Array<{ hash: string; score: number | null }>): void {
  const values = rows.flatMap((r) => (r.score === null ? [] : [{ rewardId: reward.id, rewardVersion: reward.version, inputHash: r.hash, score: r.score }]));
  immediate(db, () => {
    for (const v of values) db.insert(rewardCache).values(v).onConflictDoNothing().run();
  });
}
