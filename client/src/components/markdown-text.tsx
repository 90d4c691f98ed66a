import { useMemo } from 'react';
import { parseInline } from '../lib/markdown';

/** Renders parsed nodes as React elements (text is always escaped by React; no innerHTML). */
export function MarkdownText({ source }: { source: string }) {
  const nodes = useMemo(() => parseInline(source), [source]);
  return (
    <>
      {nodes.map((node, i) => {
        switch (node.type) {
          case 'text':
            return node.text;
          case 'code':
            return <code key={i}>{node.text}</code>;
          case 'strong':
            return <strong key={i}>{node.text}</strong>;
          case 'link':
            return (
              <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
                {node.text}
              </a>
            );
        }
      })}
    </>
  );
}
