import { describe, expect, it } from 'vitest';
import { clock, ProgressBar } from '../../scripts/lib/progress-bar';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, columns: 100, write: (text: string) => writes.push(text) } };
}

describe('ProgressBar', () => {
  it('prints plain periodic lines when stderr is not a terminal, rate and ETA from new generations only', () => {
    let t = 0;
    const s = sink(false);
    const bar = new ProgressBar(s.out, { now: () => t, lineIntervalMs: 5000 });
    bar.update({ done: 40, total: 100, fresh: 0, cached: 40 });
    t = 1000;
    bar.update({ done: 50, total: 100, fresh: 10, cached: 40 });
    t = 6000;
    bar.update({ done: 70, total: 100, fresh: 30, cached: 40 });
    t = 9000;
    bar.update({ done: 100, total: 100, fresh: 60, cached: 40 });
    expect(s.writes).toEqual([
      'generations 40/100 40% · 0.0/s · ETA --:-- · 40 cached\n',
      'generations 70/100 70% · 5.0/s · ETA 0:06 · 40 cached\n',
      'generations 100/100 100% · 6.7/s · ETA 0:00 · 40 cached\n',
    ]);
    expect(s.writes.join('')).not.toContain('\r');
  });

  it('redraws one line in place on a terminal and keeps messages above it', () => {
    let t = 0;
    const s = sink(true);
    const bar = new ProgressBar(s.out, { now: () => t });
    bar.update({ done: 0, total: 10, fresh: 0, cached: 0 });
    t = 2000;
    bar.update({ done: 5, total: 10, fresh: 5, cached: 0 });
    bar.line('phase two');
    bar.finish();
    expect(s.writes[1]).toMatch(/^\r\x1b\[K\[#+\.+\] generations 5\/10 50% · 2\.5\/s · ETA 0:02/);
    expect(s.writes.slice(2)).toEqual(['\r\x1b[Kphase two\n', s.writes[1]?.slice(4), '\n']);
  });

  it('formats durations as m:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.4)).toBe('1:15');
  });
});
