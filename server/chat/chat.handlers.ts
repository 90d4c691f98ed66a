import {
  conversationIdSchema,
  renameConversationSchema,
  resumeMessageSchema,
  sendMessageSchema,
  stopMessageSchema,
} from '../../shared/schemas/chat.schema';
import type { Logger } from '../errors';
import type { ChatService } from './chat.service';
import type { ConversationRepository } from './conversation.repository';
import { emptyPayloadSchema, handle, type AppSocket } from './socket-handler';

export interface ChatHandlerDeps {
  chat: ChatService;
  conversations: ConversationRepository;
  log: Logger;
}

export function registerChatHandlers(socket: AppSocket, deps: ChatHandlerDeps): void {
  const { chat, log } = deps;
  socket.on('chat:send', handle('chat:send', sendMessageSchema, (input) => chat.send(input, socket), log));
  socket.on('chat:stop', handle('chat:stop', stopMessageSchema, (input) => chat.stop(input.messageId), log));
  socket.on('chat:resume', handle('chat:resume', resumeMessageSchema, (input) => chat.resume(input, socket), log));
  registerConversationHandlers(socket, deps);
}

function registerConversationHandlers(socket: AppSocket, deps: ChatHandlerDeps): void {
  const { chat, conversations, log } = deps;
  socket.on('conversation:list', handle('conversation:list', emptyPayloadSchema, () => conversations.list(), log));
  socket.on('conversation:get', handle('conversation:get', conversationIdSchema, (input) => chat.open(input.conversationId, socket), log));
  socket.on('conversation:rename', handle('conversation:rename', renameConversationSchema, (input) => chat.rename(input.conversationId, input.title), log));
  socket.on('conversation:delete', handle('conversation:delete', conversationIdSchema, (input) => chat.remove(input.conversationId), log));
}
