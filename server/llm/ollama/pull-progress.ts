import type { PullProgress } from './ollama-models';

export interface PullSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** `pulling 6a0746a1ec1a [######......] 42.0%  1680.0 MB / 4000.0 MB  35.2 MB/s` */
export function renderPullLine(progress: PullProgress, bytesPerSecond: number, width = 24): string {
  const { total, completed } = progress;
  if (!total) return progress.status;
  const fraction = Math.min(1, Math.max(0, (completed ?? 0) / total));
  const filled = Math.round(fraction * width);
  const speed = bytesPerSecond > 0 ? `  ${mb(bytesPerSecond)}/s` : '';
  return `${progress.status} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%  ${mb(completed ?? 0)} / ${mb(total)}${speed}`;
}

/**
 * A pull progress callback for a terminal (one line redrawn in place) or a log (a line per
 * status change and per 10% of a layer, so an admin log stays readable).
 */
export function pullProgressReporter(sink: PullSink, now: () => number = Date.now): (progress: PullProgress) => void {
  let last = { status: '', decile: -1 };
  let started = { at: now(), bytes: 0, digest: '' };
  return (progress) => {
    if (progress.digest !== undefined && progress.digest !== started.digest) started = { at: now(), bytes: progress.completed ?? 0, digest: progress.digest };
    const seconds = (now() - started.at) / 1000;
    const speed = seconds > 0 ? ((progress.completed ?? 0) - started.bytes) / seconds : 0;
    const line = renderPullLine(progress, speed);
    if (sink.isTTY) {
      sink.write(`\r\x1b[K${line}${progress.total ? '' : '\n'}`);
      return;
    }
    const decile = progress.total ? Math.floor((10 * (progress.completed ?? 0)) / progress.total) : -1;
    if (progress.status === last.status && decile === last.decile) return;
    last = { status: progress.status, decile };
    sink.write(`${line}\n`);
  };
}
