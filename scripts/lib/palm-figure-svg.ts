import { upperEnvelope, type Line } from '../../shared/palm/envelope';

const COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2df8a', '#fb9a99'];

export interface FigureInput {
  candidates: number[][];
  members: number[][];
  title: string;
  subtitle: string;
}

/** Serving regions of the 1-simplex: [from, to) in w_1 with the member index serving there. */
export function regions(members: readonly number[][]): { from: number; to: number; member: number }[] {
  const lines: (Line & { member: number })[] = members.map((m, i) => ({ a: m[1] ?? 0, b: (m[0] ?? 0) - (m[1] ?? 0), member: i }));
  const env = upperEnvelope(lines);
  const out: { from: number; to: number; member: number }[] = [];
  env.lines.forEach((l, i) => {
    const from = Math.max(0, i === 0 ? 0 : (env.breaks[i - 1] ?? 0));
    const to = Math.min(1, i === env.lines.length - 1 ? 1 : (env.breaks[i] ?? 1));
    const member = lines.find((x) => x.a === l.a && x.b === l.b)?.member ?? 0;
    if (to > from) out.push({ from, to, member });
  });
  return out;
}

/**
 * SVG: left, the candidates in reward space with the portfolio highlighted; right, OPT(w) and
 * the portfolio's value along w_1, and below it the region of the simplex each member serves.
 */
export function frontFigure(input: FigureInput): string {
  const { candidates, members } = input;
  const color = (i: number): string => COLORS[i % COLORS.length] ?? '#000';
  const sx = (x: number): number => 60 + x * 320;
  const sy = (y: number): number => 420 - y * 320;
  const parts: string[] = [];
  parts.push(`<text x="20" y="28" font-size="17" font-weight="bold">${esc(input.title)}</text>`);
  parts.push(`<text x="20" y="50" font-size="13" fill="#444">${esc(input.subtitle)}</text>`);
  parts.push(axes(60, 420, 320, 320, 'reward 1', 'reward 2'));
  for (const c of candidates) parts.push(`<circle cx="${sx(c[0] ?? 0).toFixed(1)}" cy="${sy(c[1] ?? 0).toFixed(1)}" r="2" fill="#bbb"/>`);
  members.forEach((m, i) => {
    parts.push(`<circle cx="${sx(m[0] ?? 0).toFixed(1)}" cy="${sy(m[1] ?? 0).toFixed(1)}" r="7" fill="${color(i)}" stroke="#000"/>`);
    parts.push(`<text x="${(sx(m[0] ?? 0) + 9).toFixed(1)}" y="${(sy(m[1] ?? 0) - 8).toFixed(1)}" font-size="12">π${i + 1}</text>`);
  });
  parts.push(valuePanel(candidates, members, color));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="820" height="480" viewBox="0 0 820 480" font-family="sans-serif">
<rect width="820" height="480" fill="#fff"/>
${parts.join('\n')}
</svg>
`;
}

function valuePanel(candidates: number[][], members: number[][], color: (i: number) => string): string {
  const x0 = 460;
  const w = 330;
  const top = 100;
  const h = 230;
  const value = (rows: number[][], t: number): number => Math.max(...rows.map((r) => t * (r[0] ?? 0) + (1 - t) * (r[1] ?? 0)));
  const ts = Array.from({ length: 201 }, (_, i) => i / 200);
  const lo = Math.min(...ts.map((t) => value(members, t))) - 0.02;
  const hi = Math.max(...ts.map((t) => value(candidates, t))) + 0.02;
  const py = (v: number): number => top + h - ((v - lo) / (hi - lo)) * h;
  const path = (rows: number[][]): string => ts.map((t, i) => `${i ? 'L' : 'M'}${(x0 + t * w).toFixed(1)},${py(value(rows, t)).toFixed(1)}`).join('');
  const out = [axes(x0, top + h, w, h, '', 'J_w = w·R')];
  out.push(`<path d="${path(candidates)}" fill="none" stroke="#000" stroke-width="2"/>`);
  out.push(`<path d="${path(members)}" fill="none" stroke="#d62728" stroke-width="2" stroke-dasharray="5,3"/>`);
  out.push(`<text x="${x0 + 10}" y="${top + 16}" font-size="12">— OPT(w) over all candidates</text>`);
  out.push(`<text x="${x0 + 10}" y="${top + 32}" font-size="12" fill="#d62728">- - best portfolio member</text>`);
  for (const r of regions(members)) {
    out.push(`<rect x="${(x0 + r.from * w).toFixed(1)}" y="${top + h + 30}" width="${((r.to - r.from) * w).toFixed(1)}" height="28" fill="${color(r.member)}"/>`);
    if (r.to - r.from > 0.06)
      out.push(`<text x="${(x0 + ((r.from + r.to) / 2) * w - 8).toFixed(1)}" y="${top + h + 49}" font-size="12" fill="#fff">π${r.member + 1}</text>`);
  }
  out.push(`<text x="${x0}" y="${top + h + 76}" font-size="12">region of the simplex each policy serves (w₁ from 0 to 1)</text>`);
  return out.join('\n');
}

function axes(x: number, y: number, w: number, h: number, xl: string, yl: string): string {
  return [
    `<line x1="${x}" y1="${y}" x2="${x + w}" y2="${y}" stroke="#000"/>`,
    `<line x1="${x}" y1="${y}" x2="${x}" y2="${y - h}" stroke="#000"/>`,
    `<text x="${x + w / 2 - 20}" y="${y + 20}" font-size="12">${xl}</text>`,
    `<text x="${x - 45}" y="${y - h - 8}" font-size="12">${yl}</text>`,
  ].join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
