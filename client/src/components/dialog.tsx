import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** A modal panel: Escape or the backdrop closes it, focus moves into it when it opens. */
export function Dialog({ title, onClose, children, wide = false }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);
  return (
    <div className="dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <button type="button" className="dialog__backdrop" aria-label="Close" onClick={onClose} />
      <div ref={panel} className={`dialog__panel ${wide ? 'dialog__panel--wide' : ''}`} role="dialog" aria-modal="true" aria-label={title}>
        <div className="dialog__head">
          <h2 className="dialog__title">{title}</h2>
          <button type="button" className="button button--ghost button--small" onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
