/**
 * Upper envelope of lines y = a + b·t (d = 2: t = w_1, a = r_2, b = r_1 − r_2), the exact
 * shape of OPT(w) and of a portfolio's value along the 1-simplex.
 */
export interface Line {
  a: number;
  b: number;
}

export interface Envelope {
  /** Envelope lines by increasing slope. */
  lines: Line[];
  /** breaks[i] is where lines[i] hands over to lines[i + 1]. */
  breaks: number[];
}

/** The upper envelope over all of ℝ (convex hull trick). */
export function upperEnvelope(lines: readonly Line[]): Envelope {
  const sorted = [...lines].sort((p, q) => p.b - q.b || q.a - p.a);
  const hull: Line[] = [];
  for (const l of sorted) {
    const last = hull[hull.length - 1];
    if (last && last.b === l.b) continue; // same slope, lower intercept: never above
    while (hull.length >= 2 && redundant(hull[hull.length - 2] as Line, hull[hull.length - 1] as Line, l)) hull.pop();
    hull.push(l);
  }
  const breaks: number[] = [];
  for (let i = 0; i + 1 < hull.length; i++) breaks.push(crossing(hull[i] as Line, hull[i + 1] as Line));
  return { lines: hull, breaks };
}

/** l2 (middle slope) is never strictly on top when l1 and l3 cross before l1 and l2 do. */
function redundant(l1: Line, l2: Line, l3: Line): boolean {
  return (l1.a - l3.a) * (l2.b - l1.b) <= (l1.a - l2.a) * (l3.b - l1.b);
}

function crossing(l1: Line, l2: Line): number {
  return (l1.a - l2.a) / (l2.b - l1.b);
}

/** Envelope values at increasing positions ts (one pass, the argmax line only moves right). */
export function evaluateSorted(env: Envelope, ts: readonly number[]): { values: number[]; lineAt: number[] } {
  const values: number[] = [];
  const lineAt: number[] = [];
  let k = 0;
  for (const t of ts) {
    while (k < env.breaks.length && (env.breaks[k] ?? Infinity) < t) k++;
    // Evaluate neighbours too: at a break both lines agree up to rounding.
    let best = -Infinity;
    let at = k;
    for (let j = Math.max(0, k - 1); j <= Math.min(env.lines.length - 1, k + 1); j++) {
      const l = env.lines[j] as Line;
      const v = l.a + l.b * t;
      if (v > best) {
        best = v;
        at = j;
      }
    }
    values.push(best);
    lineAt.push(at);
  }
  return { values, lineAt };
}
