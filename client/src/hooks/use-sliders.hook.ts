import { useCallback, useEffect, useMemo, useState } from 'react';
import { DEFAULT_SLIDERS, slidersSchema, slidersToWeights, type Sliders } from '../../../shared/schemas/sliders.schema';
import type { Trait } from '../../../shared/traits';

const STORAGE_KEY = 'palm-chat:sliders';

/** Stored sliders, or the defaults when nothing (or something from an older version) is stored. */
function load(): Sliders {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw === null ? null : slidersSchema.safeParse(JSON.parse(raw));
    return parsed?.success ? parsed.data : DEFAULT_SLIDERS;
  } catch {
    // Storage can be disabled (private mode, policies); the sliders still work for this page.
    return DEFAULT_SLIDERS;
  }
}

export function useSliders() {
  const [sliders, setSliders] = useState<Sliders>(load);

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(sliders));
    } catch {
      // See load(): not persisting is acceptable, losing the value for this page is not.
    }
  }, [sliders]);

  const setTrait = useCallback((trait: Trait, value: number) => {
    setSliders((current) => ({ ...current, [trait]: value }));
  }, []);

  const weights = useMemo(() => slidersToWeights(sliders), [sliders]);
  return { sliders, weights, setTrait };
}
