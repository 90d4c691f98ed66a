/** Where the bar goes: process.stderr, or a fake in tests. */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressBarOptions {
  now?: () => number;
  /** Redraw interval on a terminal; plain lines come every `lineIntervalMs` otherwise. */
  redrawMs?: number;
  lineIntervalMs?: number;
}

/**
 * Generation progress on stderr: a bar redrawn in place on a terminal, and plain periodic
 * lines when stderr is a file or a pipe (CI logs), where carriage returns would pile up.
 * The rate and ETA count new generations only: cached ones arrive at once and would lie.
 */
export class ProgressBar {
  private readonly now: () => number;
  private readonly redrawMs: number;
  private readonly lineIntervalMs: number;
  private startedAt: number | null = null;
  private lastDraw = -Infinity;
  private drawn = '';
  private state = { done: 0, total: 0, fresh: 0, cached: 0 };

  constructor(
    private readonly sink: ProgressSink,
    options: ProgressBarOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.redrawMs = options.redrawMs ?? 100;
    this.lineIntervalMs = options.lineIntervalMs ?? 5000;
  }

  update(state: { done: number; total: number; fresh: number; cached: number }): void {
    this.startedAt ??= this.now();
    this.state = state;
    const t = this.now();
    const finished = state.done >= state.total;
    if (!finished && t - this.lastDraw < (this.sink.isTTY ? this.redrawMs : this.lineIntervalMs)) return;
    this.lastDraw = t;
    if (this.sink.isTTY) this.redraw(this.render(true));
    else this.sink.write(`${this.render(false)}\n`);
  }

  /** A message above the bar (the bar is redrawn under it on a terminal). */
  line(message: string): void {
    if (this.sink.isTTY && this.drawn !== '') {
      this.sink.write(`\r\x1b[K${message}\n`);
      this.sink.write(this.drawn);
    } else this.sink.write(`${message}\n`);
  }

  /** Leaves the final bar on its own line. */
  finish(): void {
    if (this.sink.isTTY && this.drawn !== '') this.sink.write('\n');
    this.drawn = '';
  }

  render(withBar: boolean): string {
    const { done, total, fresh, cached } = this.state;
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const elapsed = this.startedAt === null ? 0 : (this.now() - this.startedAt) / 1000;
    const rate = elapsed > 0 ? fresh / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : null;
    const parts = [
      `generations ${done}/${total} ${Math.floor(fraction * 100)}%`,
      `${rate.toFixed(1)}/s`,
      `ETA ${eta === null ? '--:--' : clock(eta)}`,
      `${cached} cached`,
    ];
    const text = parts.join(' · ');
    if (!withBar) return text;
    const width = Math.max(10, Math.min(30, (this.sink.columns ?? 80) - text.length - 4));
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`;
  }

  private redraw(text: string): void {
    this.drawn = text;
    this.sink.write(`\r\x1b[K${text}`);
  }
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
