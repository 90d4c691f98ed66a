import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SLIDERS, slidersSchema, slidersToWeights, type Sliders } from '../../../shared/schemas/sliders.schema';
import type { Trait } from '../../../shared/traits';
import { settle } from '../lib/request';
import { socket } from '../lib/socket.client';
import { useOnConnect } from './use-on-connect.hook';

const STORAGE_KEY = 'palm-chat:sliders';
/** Dragging a slider fires many changes: save the position it comes to rest at. */
const SAVE_DELAY_MS = 400;

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

/**
 * The sliders belong to the account (preferences:get/set), so they follow the user to every
 * browser; localStorage only fills the gap until the server answers, and seeds a new account.
 */
export function useSliders() {
  const [sliders, setSliders] = useState<Sliders>(load);
  const loaded = useRef(false);
  /** The user moved a slider before the account's sliders arrived: that newer choice wins. */
  const touched = useRef(false);
  const latest = useRef(sliders);
  latest.current = sliders;

  const fetchSaved = useCallback(async () => {
    const ack = await settle(socket.emitWithAck('preferences:get', {}));
    if (!ack.ok) return;
    loaded.current = true;
    if (ack.data.sliders && !touched.current) setSliders(ack.data.sliders);
    // A new account is seeded with this browser's sliders, and a move made while loading is kept.
    else void settle(socket.emitWithAck('preferences:set', { sliders: latest.current }));
  }, []);
  useOnConnect(useCallback(() => void fetchSaved(), [fetchSaved]));

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(sliders));
    } catch {
      // See load(): not persisting is acceptable, losing the value for this page is not.
    }
    // Before the account's own sliders arrived, saving would overwrite them with this browser's.
    if (!loaded.current) return;
    const timer = setTimeout(() => void settle(socket.emitWithAck('preferences:set', { sliders })), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [sliders]);

  const setTrait = useCallback((trait: Trait, value: number) => {
    touched.current = true;
    setSliders((current) => ({ ...current, [trait]: value }));
  }, []);

  const weights = useMemo(() => slidersToWeights(sliders), [sliders]);
  return { sliders, weights, setTrait };
}
