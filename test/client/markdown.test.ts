import { describe, expect, it } from 'vitest';
import { parseInline, safeHref } from '../../client/src/lib/markdown';

describe('answer markdown subset', () => {
  it('parses code, bold, links and bare URLs, keeping everything else as text', () => {
    expect(parseInline('Use `npm test`, **now**: see [docs](https://example.com/a?b=1) or https://x.org/p.')).toEqual([
      { type: 'text', text: 'Use ' },
      { type: 'code', text: 'npm test' },
      { type: 'text', text: ', ' },
      { type: 'strong', text: 'now' },
      { type: 'text', text: ': see ' },
      { type: 'link', text: 'docs', href: 'https://example.com/a?b=1' },
      { type: 'text', text: ' or ' },
      { type: 'link', text: 'https://x.org/p', href: 'https://x.org/p' },
      { type: 'text', text: '.' },
    ]);
  });

  it('never links a javascript:, data: or relative URL, and leaves raw HTML as text', () => {
    for (const hostile of ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](data:text/html,hi)', '[x](/relative)', '[x](vbscript:msgbox)']) {
      expect(parseInline(hostile).every((n) => n.type !== 'link'), hostile).toBe(true);
      expect(parseInline(hostile).map((n) => n.text).join('')).toBe(hostile);
    }
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('javascript:alert(1)')).toBeNull();
  });
});
