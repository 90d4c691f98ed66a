import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { buildJobs } from '../db/schema';

/** Progress is written at most this often: the server polls the row, and the writes share one SQLite lock. */
const PROGRESS_INTERVAL_MS = 500;

/**
 * The build_jobs row of one build: progress, an append-only log and the outcome, so the admin
 * page (or a second terminal) can watch a build it did not start.
 */
export class BuildJob {
  private lastWrite = 0;

  private constructor(
    private readonly db: Db,
    readonly id: number,
    private readonly now: () => number,
  ) {}

  static start(db: Db, now: () => number = Date.now): BuildJob {
    const row = db.insert(buildJobs).values({ status: 'running' }).returning({ id: buildJobs.id }).get();
    return new BuildJob(db, row.id, now);
  }

  /** Fraction done in [0, 1]; throttled unless `force`. */
  progress(fraction: number, force = false): void {
    const t = this.now();
    if (!force && t - this.lastWrite < PROGRESS_INTERVAL_MS) return;
    this.lastWrite = t;
    this.db.update(buildJobs).set({ progress: Math.min(1, Math.max(0, fraction)) }).where(eq(buildJobs.id, this.id)).run();
  }

  log(line: string): void {
    const stamped = `${new Date(this.now()).toISOString()} ${line}\n`;
    this.db.update(buildJobs).set({ log: sql`${buildJobs.log} || ${stamped}` }).where(eq(buildJobs.id, this.id)).run();
  }

  succeed(versionId: number): void {
    this.db.update(buildJobs).set({ status: 'succeeded', versionId, progress: 1, finishedAt: this.now() }).where(eq(buildJobs.id, this.id)).run();
  }

  fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.db.update(buildJobs).set({ status: 'failed', error: message, finishedAt: this.now() }).where(eq(buildJobs.id, this.id)).run();
  }
}
