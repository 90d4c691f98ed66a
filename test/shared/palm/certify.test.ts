import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certify } from '../../../shared/palm/certify';
import { bruteGaps, line, portfolioInstance, randomSimplexPoints, rewardSet } from './arbitraries';

function dimAndInstance(minD: number, maxD: number, maxCandidates: number) {
  return fc
    .integer({ min: minD, max: maxD })
    .chain((d) => portfolioInstance(d, maxCandidates).map((inst) => ({ d, inst })));
}

describe('certify, d = 2 (exact)', () => {
  it('equals brute force on a very fine grid, and is never below it', () => {
    fc.assert(
      fc.property(portfolioInstance(2), ({ candidates, members }) => {
        const cert = certify(members, candidates);
        const brute = bruteGaps(members, candidates, line(20_000));
        expect(cert.exact).toBe(true);
        expect(cert.margin).toBe(0);
        expect(cert.delta).toBeGreaterThanOrEqual(brute.delta - 1e-12);
        expect(cert.epsilon).toBeGreaterThanOrEqual(brute.epsilon - 1e-12);
        expect(cert.delta).toBeCloseTo(brute.delta, 3);
        expect(cert.epsilon).toBeCloseTo(brute.epsilon, 3);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a gap hidden between grid points: the worst point is a breakpoint', () => {
    // Members are good at both ends only; the candidate (0.9, 0.9) beats both in the middle.
    const members = [[1, 0.1], [0.1, 1]];
    const cert = certify(members, [...members, [0.9, 0.9]]);
    // At w = (½, ½): OPT = 0.9, M = 0.55.
    expect(cert.delta).toBeCloseTo(0.35, 12);
    expect(cert.worstDeltaAt[0]).toBeCloseTo(0.5, 12);
    expect(cert.epsilon).toBeCloseTo(1 - 0.55 / 0.9, 12);
  });

  it('is zero when the members are all candidates', () => {
    fc.assert(
      fc.property(rewardSet(2, 1, 10), (candidates) => {
        const cert = certify(candidates, candidates);
        expect(cert.delta).toBeLessThanOrEqual(1e-12);
        expect(cert.epsilon).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 30 },
    );
  });
});

describe('certify, d ≥ 3 (lattice + margin)', () => {
  it('is an upper bound on the gaps at random simplex points', () => {
    fc.assert(
      fc.property(dimAndInstance(3, 4, 10), fc.integer(), ({ d, inst }, seed) => {
        const cert = certify(inst.members, inst.candidates, { resolution: 12 });
        const brute = bruteGaps(inst.members, inst.candidates, randomSimplexPoints(d, 3000, seed));
        expect(cert.exact).toBe(false);
        expect(cert.margin).toBeGreaterThanOrEqual(0);
        expect(cert.delta).toBeGreaterThanOrEqual(brute.delta - 1e-12);
        expect(cert.epsilon).toBeGreaterThanOrEqual(brute.epsilon - 1e-12);
        expect(cert.delta).toBeGreaterThanOrEqual(cert.observedDelta);
      }),
      { numRuns: 40 },
    );
  });

  it('tightens as the resolution grows, towards the observed value', () => {
    const candidates = [[0.9, 0.2, 0.3], [0.2, 0.9, 0.3], [0.3, 0.2, 0.9], [0.6, 0.6, 0.6]];
    const members = candidates.slice(0, 3);
    const coarse = certify(members, candidates, { resolution: 10 });
    const fine = certify(members, candidates, { resolution: 200 });
    expect(fine.margin).toBeLessThan(coarse.margin);
    expect(fine.delta - fine.observedDelta).toBeLessThan(0.01);
    // At the barycentre OPT = 0.6 and the best member gives 1.4/3.
    expect(fine.observedDelta).toBeGreaterThanOrEqual(0.6 - 1.4 / 3 - 1e-3);
  });
});

describe('conservative certificate', () => {
  it('is never tighter than the plain one', () => {
    const se = fc.integer({ min: 0, max: 100 }).map((x) => x / 1000);
    const withStderr = dimAndInstance(2, 3, 8).chain(({ d, inst }) =>
      fc
        .array(fc.array(se, { minLength: d, maxLength: d }), { minLength: inst.candidates.length, maxLength: inst.candidates.length })
        .map((stderr) => ({ inst, stderr })),
    );
    fc.assert(
      fc.property(withStderr, ({ inst, stderr }) => {
        const cert = certify(inst.members, inst.candidates, { stderr, resolution: 15, epsilon: 0.02 });
        const cons = cert.conservative;
        expect(cons).not.toBeNull();
        if (!cons) return;
        expect(cons.epsilon).toBeGreaterThanOrEqual(cert.epsilon - 1e-12);
        expect(cons.delta).toBeGreaterThanOrEqual(cert.delta - 1e-12);
        expect(cons.paired?.delta ?? 0).toBeGreaterThanOrEqual((cert.paired?.delta ?? 0) - 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});

describe('certify input checks', () => {
  const ok = [[0.5, 0.5]];
  it.each([
    ['NaN reward', [[Number.NaN, 0.5]], ok, /candidates\[0\]\[0\].*finite/],
    ['reward above 1', [[1.5, 0.5]], ok, /candidates\[0\]\[0\].*\[0, 1\]/],
    ['negative reward', [[-0.1, 0.5]], ok, /candidates\[0\]\[0\]/],
    ['empty candidates', [], ok, /non-empty/],
    ['mismatched dimensions', ok, [[0.5, 0.5, 0.5]], /members\[0\].*2 components/],
  ])('rejects %s', (_name, candidates, members, message) => {
    expect(() => certify(members, candidates)).toThrow(RangeError);
    expect(() => certify(members, candidates)).toThrow(message);
  });

  it('rejects negative or mis-shaped standard errors and members missing from the candidates', () => {
    expect(() => certify(ok, ok, { stderr: [[-1, 0]] })).toThrow(/stderr\[0\]\[0\]/);
    expect(() => certify(ok, ok, { stderr: [[0.1]] })).toThrow(/stderr\[0\].*2 components/);
    expect(() => certify([[0.2, 0.2]], ok, { stderr: [[0.1, 0.1]] })).toThrow(/membersStderr/);
  });
});

describe('certify, convexity bound (d ≥ 3)', () => {
  it('is exactly zero when one member dominates every candidate (a Lipschitz margin would not be)', () => {
    fc.assert(
      fc.property(dimAndInstance(3, 4, 8), ({ d, inst }) => {
        const top = Array.from({ length: d }, (_, j) => Math.max(...inst.candidates.map((c) => c[j] ?? 0)));
        const cert = certify([top], inst.candidates, { resolution: 10 });
        expect(cert.delta).toBeLessThanOrEqual(1e-12);
        expect(cert.epsilon).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 20 },
    );
  });
});
