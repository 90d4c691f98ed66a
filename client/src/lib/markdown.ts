/**
 * A deliberately tiny markdown subset for answers: `code`, **bold**, [text](url) and bare
 * http(s) URLs. It produces data, never HTML, so raw HTML in a message stays text; a link whose
 * scheme is not http, https or mailto (javascript:, data:, …) stays text too. Line breaks are
 * kept by CSS (white-space: pre-wrap).
 */
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'link'; text: string; href: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\[[^\]\n]+\]\([^()\s]+\))|(https?:\/\/[^\s<>()"']+)/g;

/** The URL if it is absolute and uses a safe scheme; null for anything else. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function nodeFor(match: string): InlineNode {
  if (match.startsWith('`')) return { type: 'code', text: match.slice(1, -1) };
  if (match.startsWith('**')) return { type: 'strong', text: match.slice(2, -2) };
  if (match.startsWith('[')) {
    const split = match.indexOf('](');
    const href = safeHref(match.slice(split + 2, -1));
    return href ? { type: 'link', text: match.slice(1, split), href } : { type: 'text', text: match };
  }
  const href = safeHref(match);
  return href ? { type: 'link', text: match, href } : { type: 'text', text: match };
}

export function parseInline(source: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const found of source.matchAll(INLINE)) {
    let match = found[0];
    // A sentence's final punctuation is not part of a bare URL.
    if (found[4] !== undefined) match = match.replace(/[.,!?;:]+$/, '');
    const at = found.index;
    if (at > last) nodes.push({ type: 'text', text: source.slice(last, at) });
    nodes.push(nodeFor(match));
    last = at + match.length;
  }
  if (last < source.length) nodes.push({ type: 'text', text: source.slice(last) });
  return mergeText(nodes);
}

function mergeText(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.text += node.text;
    else merged.push(node);
  }
  return merged;
}
