import { z } from 'zod';
import { slidersSchema } from './sliders.schema';

/** preferences:set — the account's sliders, so they follow the user to every browser. */
export const setPreferencesSchema = z.strictObject({ sliders: slidersSchema });
export type SetPreferencesInput = z.infer<typeof setPreferencesSchema>;

/** `sliders` is null until the account saves some (the client then keeps its local ones). */
export const preferencesSchema = z.object({ sliders: slidersSchema.nullable() });
export type Preferences = z.infer<typeof preferencesSchema>;
