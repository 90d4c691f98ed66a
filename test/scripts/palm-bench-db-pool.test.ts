import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVersion, readDbPool } from '../../scripts/lib/palm-bench-db-pool';
import { saveTestPortfolio } from '../helpers/portfolio-fixture';
import { tempDatabase } from '../helpers/temp-db';

describe('bench:palm --db: the measured pool of a stored portfolio version', () => {
  const t = tempDatabase();
  const { version } = saveTestPortfolio(t.db);
  afterAll(() => t.cleanup());

  it('reads every candidate of the active version, or of the version named', () => {
    for (const pool of [readDbPool(t.path), readDbPool(t.path, version)]) {
      expect(pool.d).toBe(3);
      expect([...pool.candidates].sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0))).toEqual([[0.9, 0.1, 0.5], [0.4, 0.4, 1], [0.1, 0.9, 0.5]]);
      expect(pool.stderr).toHaveLength(3);
      expect(pool.name).toContain(`v${version}`);
    }
  });

  it('fails clearly on a missing file, an unknown version or a bad --version, and creates no database', () => {
    const missing = join(t.path, '..', 'missing.db');
    expect(() => readDbPool(missing)).toThrow('--db: no database at');
    expect(existsSync(missing)).toBe(false);
    expect(() => readDbPool(t.path, version + 5)).toThrow(`no portfolio version ${version + 5}`);
    expect(() => parseVersion('0')).toThrow('--version: must be a positive whole number');
    expect(parseVersion(undefined)).toBeUndefined();
  });
});
