import { AppError } from '../errors';

export interface RateLimitOptions {
  /** Sends allowed at once. */
  burst: number;
  /** Sustained sends per minute once the burst is used. */
  perMinute: number;
}

/** Every send starts a model generation, the expensive part: a looping client must not queue hundreds. */
const DEFAULT_SEND_LIMIT: RateLimitOptions = { burst: 20, perMinute: 20 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address (per connection would reset on every reconnect).
 * Only sends that would start a generation are counted; invalid payloads and resends are not.
 */
export class SendRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: () => number,
    private readonly options: RateLimitOptions = DEFAULT_SEND_LIMIT,
    /** What is counted, for the refusal message (the same bucket limits login attempts). */
    private readonly what = 'messages',
  ) {}

  take(key: string): void {
    const now = this.clock();
    const { burst, perMinute } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, this.refilled(bucket, now));
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const waitSeconds = Math.ceil(((1 - bucket.tokens) * 60) / perMinute);
      throw new AppError('rate_limited', `too many ${this.what}; try again in ${waitSeconds} s`);
    }
    bucket.tokens -= 1;
    if (this.buckets.size > 10_000) this.forgetFull(now);
  }

  /** Full buckets carry no state worth keeping; dropping them bounds memory. */
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (this.refilled(b, now) >= this.options.burst) this.buckets.delete(key);
    }
  }

  /** The bucket's tokens with the refill since it was last touched, not yet capped at the burst. */
  private refilled(bucket: Bucket, now: number): number {
    return bucket.tokens + ((now - bucket.at) * this.options.perMinute) / 60_000;
  }
}
