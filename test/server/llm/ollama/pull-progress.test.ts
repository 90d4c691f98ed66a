import { describe, expect, it } from 'vitest';
import { pullProgressReporter, renderPullLine } from '../../../../server/llm/ollama/pull-progress';

describe('pull progress', () => {
  it('renders a bar with percent, sizes and speed for a layer, and the bare status otherwise', () => {
    expect(renderPullLine({ status: 'pulling abc', digest: 'sha256:abc', completed: 1e9, total: 4e9 }, 2e7, 8)).toBe('pulling abc [##......]  25.0%  1000.0 MB / 4000.0 MB  20.0 MB/s');
    expect(renderPullLine({ status: 'verifying sha256 digest' }, 0)).toBe('verifying sha256 digest');
  });

  it('redraws one line on a terminal, measuring speed per layer', () => {
    let t = 0;
    const out: string[] = [];
    const report = pullProgressReporter({ isTTY: true, write: (s) => out.push(s) }, () => t);
    report({ status: 'pulling abc', digest: 'sha256:abc', completed: 0, total: 100e6 });
    t = 2000;
    report({ status: 'pulling abc', digest: 'sha256:abc', completed: 50e6, total: 100e6 });
    report({ status: 'success' });
    expect(out[1]).toMatch(/^\r\x1b\[K.*50\.0%.*25\.0 MB\/s$/);
    expect(out[2]).toBe('\r\x1b[Ksuccess\n');
  });

  it('writes a log line per status and per tenth of a layer, not per update', () => {
    const out: string[] = [];
    const report = pullProgressReporter({ isTTY: false, write: (s) => out.push(s) });
    for (let done = 0; done <= 100; done++) report({ status: 'pulling abc', digest: 'sha256:abc', completed: done * 1e6, total: 100e6 });
    report({ status: 'success' });
    expect(out).toHaveLength(11 + 1);
  });
});
