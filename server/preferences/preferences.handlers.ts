import { setPreferencesSchema } from '../../shared/schemas/preferences.schema';
import { emptyPayloadSchema, handle, type AppSocket, type HandlerContext } from '../chat/socket-handler';
import type { PreferencesRepository } from './preferences.repository';

/** The sliders belong to the account, so they follow the user to every browser. */
export function registerPreferencesHandlers(socket: AppSocket, preferences: PreferencesRepository, ctx: HandlerContext): void {
  socket.on('preferences:get', handle('preferences:get', emptyPayloadSchema, (_input, user) => ({ sliders: preferences.sliders(user.id) }), ctx));
  socket.on(
    'preferences:set',
    handle('preferences:set', setPreferencesSchema, (input, user) => ({ sliders: preferences.saveSliders(user.id, input.sliders) }), ctx),
  );
}
