/** Worst gaps of a portfolio over the whole simplex, as an upper bound (exact for d = 2). */
export interface GapBound {
  /** Upper bound on max_w (1 − M(w)/OPT(w)), 0 where OPT(w) = 0. */
  epsilon: number;
  /** Upper bound on max_w (OPT(w) − M(w)). */
  delta: number;
  /** Where the worst multiplicative gap was observed. */
  worstEpsilonAt: number[];
  /** Where the worst additive gap was observed. */
  worstDeltaAt: number[];
  /** Largest gaps at the checked points themselves: lower bounds on the true worst. */
  observedEpsilon: number;
  observedDelta: number;
  pointsChecked: number;
  /** True when epsilon and delta are the exact suprema (d ≤ 2). */
  exact: boolean;
  /** Lipschitz margin added to the additive gap (0 when exact). */
  margin: number;
  /** With options.epsilon: the smallest δ for which the portfolio is an (ε, δ)-portfolio, and where it binds. */
  paired: { epsilon: number; delta: number; at: number[] } | null;
}

export interface Certificate extends GapBound {
  /** Lattice resolution N for d ≥ 3, null when exact. */
  resolution: number | null;
  /** The same bound with members at their lower and OPT at its upper confidence bound. */
  conservative: GapBound | null;
}

/** Slopes the lattice certificate needs, shared by plain and conservative runs. */
export interface MarginConstants {
  /** Bound on spread(c − m) over candidate-side c and member-side m. */
  gapSpread: number;
  /** Same with the candidate side scaled by (1 − ε) for the paired δ. */
  pairedSpread: number;
  /** Bound on spread(c) over candidate-side vectors, and on spread(m) over member-side ones. */
  optSpread: number;
  memberSpread: number;
}
