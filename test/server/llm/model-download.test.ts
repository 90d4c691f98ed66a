import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RECOMMENDED_MODEL,
  fileNameFromUri,
  formatBytes,
  formatDuration,
  modelDestination,
  renderProgressBar,
  stallWatchdog,
} from '../../../server/llm/model-download';

describe('model download helpers (no network)', () => {
  it('puts models in <repo>/models and refuses names that escape it', () => {
    expect(modelDestination('/srv/palm', 'a.gguf')).toBe(join(resolve('/srv/palm'), 'models', 'a.gguf'));
    expect(() => modelDestination('/srv/palm', '../evil.gguf')).toThrow();
    expect(() => modelDestination('/srv/palm', 'sub/dir.gguf')).toThrow();
    expect(() => modelDestination('/srv/palm', 'weights.bin')).toThrow(/\.gguf/);
    expect(() => modelDestination('/srv/palm', '')).toThrow();
  });

  it('reads the file name from URIs', () => {
    expect(fileNameFromUri(RECOMMENDED_MODEL.uri)).toBe(RECOMMENDED_MODEL.fileName);
    expect(fileNameFromUri('https://host/x/Model-Q4.gguf?download=true')).toBe('Model-Q4.gguf');
    expect(fileNameFromUri('hf:user/repo/m.gguf#main')).toBe('m.gguf');
    expect(fileNameFromUri('hf:user/repo:Q4_K_M')).toBeUndefined();
  });

  it('formats sizes and durations for humans', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(490_000_000)).toBe('490.0 MB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
    expect(formatDuration(65_000)).toBe('01:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(Infinity)).toBe('--:--');
  });

  it('draws a bar proportional to progress', () => {
    const half = renderProgressBar({ totalSize: 1000, downloadedSize: 500, averageSpeed: 100, estimatedTimeLeft: 5000 }, 10);
    expect(half).toBe('[#####.....]  50.0%  500 B / 1.0 KB  100 B/s  ETA 00:05');
    const done = renderProgressBar({ totalSize: 1000, downloadedSize: 1000, averageSpeed: 0, estimatedTimeLeft: 0 }, 4);
    expect(done.startsWith('[####] 100.0%')).toBe(true);
  });

  it('does not divide by zero before the size is known', () => {
    const line = renderProgressBar({ totalSize: 0, downloadedSize: 0, averageSpeed: 0, estimatedTimeLeft: Infinity }, 4);
    expect(line).toBe('[....]   0.0%  0 B / ?  0 B/s  ETA --:--');
  });
});

describe('stall watchdog (offline downloads fail instead of hanging)', () => {
  it('rejects with a clear message and aborts when nothing arrives in time', async () => {
    const watchdog = stallWatchdog(30);
    await expect(watchdog.stalled).rejects.toThrow(/no data received .* check the network/);
    expect(watchdog.signal.aborted).toBe(true);
    watchdog.dispose();
  });

  it('stays quiet while progress keeps arriving, and follows the caller abort', async () => {
    const outer = new AbortController();
    const watchdog = stallWatchdog(60, outer.signal);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 25));
      watchdog.progressed();
    }
    expect(watchdog.signal.aborted).toBe(false);
    outer.abort();
    expect(watchdog.signal.aborted).toBe(true);
    watchdog.dispose();
  });
});
