import 'react';

// Lets components pass CSS custom properties (e.g. a slider's fill) through `style` with types.
declare module 'react' {
  interface CSSProperties {
    [variable: `--${string}`]: string | number;
  }
}
