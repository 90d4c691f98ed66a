import { certify, type Certificate } from './certify';
import { exactCoverSets, type ExactCoverOptions, type ExactCoverResult } from './exact-cover';
import { geometricGrid } from './grid';
import { greedyCoverSets } from './greedy-cover';
import { instanceCoverSets, selectionInstance } from './instance';
import { latticeCoveringRadius, resolutionForBudget, simplexLatticePoints } from './simplex';
import { assertRewardSet, assertTolerance } from './validate';

/** Minimum number of candidates covering every point within (ε, δ); indices into candidates. */
export function exactCover(
  candidates: readonly (readonly number[])[],
  points: readonly (readonly number[])[],
  epsilon: number,
  delta: number,
  options: ExactCoverOptions = {},
): ExactCoverResult {
  const inst = selectionInstance(candidates, points);
  const result = exactCoverSets(instanceCoverSets(inst, epsilon, delta), options);
  return { ...result, selected: result.selected.map((i) => inst.front[i] ?? i).sort((a, b) => a - b) };
}

export interface CertifiedCoverOptions {
  method?: 'greedy' | 'exact';
  /** Also put PALM's geometric grid (µ, α) into the universe. */
  grid?: { mu: number; alpha: number };
  /** Lattice resolution for d ≥ 3 (default: Lipschitz margin ≤ δ/2, at most 50,000 points). */
  resolution?: number;
  /** d = 2: evenly spaced starting points (default 200). */
  linePoints?: number;
  /** Exact method: branch-and-bound node limit per round (default 20,000). */
  nodeLimit?: number;
}

export interface CertifiedCover {
  selected: number[];
  certificate: Certificate;
  /** True when the certificate proves an (ε, δ)-portfolio over the whole simplex. */
  certified: boolean;
  universeSize: number;
  rounds: number;
  /** Exact method: true when every round's cover was proven minimum for its universe. */
  optimal: boolean;
  /**
   * Exact method: no (ε, δ)-portfolio has fewer members (every such portfolio covers the
   * universe within (ε, δ)); null when no round covered the untightened target.
   */
  sizeLowerBound: number | null;
}

/**
 * Smallest portfolio found whose certificate (not just the grid) meets (ε, δ).
 * d = 2: cover a line of points, certify exactly, add the worst breakpoint, repeat (the
 * certificate's breakpoints are finite, so this ends). d ≥ 3: cover the certification lattice
 * and certify; while the bound exceeds δ, tighten the covering target, ending at δ minus the
 * largest Lipschitz margin any member set can have, where the certificate holds by construction
 * (certified is false only when that margin alone exceeds δ at the chosen resolution).
 */
export function certifiedCover(
  candidates: readonly (readonly number[])[],
  epsilon: number,
  delta: number,
  options: CertifiedCoverOptions = {},
): CertifiedCover {
  const d = assertRewardSet(candidates, 'candidates');
  assertTolerance(epsilon, delta);
  const grid = options.grid ? geometricGrid(d, options.grid.mu, options.grid.alpha) : [];
  let optimal = options.method === 'exact';
  let lowerBound: number | null = null;
  const cover = (points: number[][], target: number): number[] => {
    const inst = selectionInstance(candidates, points);
    const rows = instanceCoverSets(inst, epsilon, target);
    let chosen = greedyCoverSets(rows).selected;
    if (options.method === 'exact') {
      const exact = exactCoverSets(rows, { nodeLimit: options.nodeLimit ?? 20_000 });
      optimal &&= exact.optimal;
      // Every (ε, δ)-portfolio covers any universe at (ε, δ): rounds at the full target all bound it.
      if (target === delta) lowerBound = Math.max(lowerBound ?? 0, exact.lowerBound);
      chosen = exact.selected;
    }
    return chosen.map((i) => inst.front[i] ?? i).sort((a, b) => a - b);
  };
  const members = (sel: number[]): number[][] => sel.map((i) => [...(candidates[i] ?? [])]);
  if (d === 2) {
    const n = options.linePoints ?? 200;
    const points = [...grid, ...Array.from({ length: n + 1 }, (_, i) => [i / n, 1 - i / n])];
    for (let round = 1; ; round++) {
      const selected = cover(points, delta);
      const certificate = certify(members(selected), candidates, { epsilon });
      const paired = certificate.paired;
      const certified = (paired?.delta ?? Infinity) <= delta + 1e-12;
      if (certified || round >= 50 || !paired) return { selected, certificate, certified, universeSize: points.length, rounds: round, optimal, sizeLowerBound: lowerBound };
      points.push(paired.at);
    }
  }
  const spread = worstPairedSpread(candidates, epsilon);
  // Default: fine enough that the Lipschitz margin takes at most half of δ, within 50,000 points.
  const wanted = delta > 0 ? Math.ceil((2 * latticeCoveringRadius(d, 1) * spread) / delta) : Infinity;
  const resolution = options.resolution ?? Math.max(1, Math.min(wanted, resolutionForBudget(d, 50_000)));
  const safeTarget = delta - latticeCoveringRadius(d, resolution) * spread;
  const points = [...grid, ...simplexLatticePoints(d, resolution)];
  let target = delta;
  let last: CertifiedCover | null = null;
  for (let round = 1; round <= 8; round++) {
    const selected = cover(points, Math.max(0, target));
    const certificate = certify(members(selected), candidates, { epsilon, resolution });
    const excess = (certificate.paired?.delta ?? Infinity) - delta;
    last = { selected, certificate, certified: excess <= 1e-12, universeSize: points.length, rounds: round, optimal, sizeLowerBound: lowerBound };
    // The convexity bound usually certifies the first cover; otherwise tighten the target by the
    // excess, and finally fall back to δ − margin, where the Lipschitz bound certifies by construction.
    if (last.certified || target <= safeTarget) return last;
    target = round === 7 ? safeTarget : Math.max(safeTarget, target - excess);
  }
  return last ?? fail();
}

function fail(): never {
  throw new Error('certifiedCover: no round ran');
}

/** spread((1 − ε)c − m) bound with every candidate allowed as a member (see certify.ts). */
function worstPairedSpread(candidates: readonly (readonly number[])[], epsilon: number): number {
  const d = candidates[0]?.length ?? 0;
  let hi = -Infinity;
  let lo = Infinity;
  for (let j = 0; j < d; j++) {
    const col = candidates.map((c) => c[j] ?? 0);
    const max = col.reduce((a, b) => Math.max(a, b), -Infinity);
    const min = col.reduce((a, b) => Math.min(a, b), Infinity);
    hi = Math.max(hi, (1 - epsilon) * max - min);
    lo = Math.min(lo, (1 - epsilon) * min - max);
  }
  return Math.max(0, hi - lo);
}
