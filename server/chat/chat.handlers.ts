import {
  conversationIdSchema,
  renameConversationSchema,
  resumeMessageSchema,
  sendMessageSchema,
  stopMessageSchema,
} from '../../shared/schemas/chat.schema';
import type { ChatService } from './chat.service';
import type { ConversationRepository } from './conversation.repository';
import { emptyPayloadSchema, handle, type AppSocket, type HandlerContext } from './socket-handler';

export interface ChatHandlerDeps {
  chat: ChatService;
  conversations: ConversationRepository;
}

export function registerChatHandlers(socket: AppSocket, deps: ChatHandlerDeps, ctx: HandlerContext): void {
  const { chat } = deps;
  socket.on('chat:send', handle('chat:send', sendMessageSchema, (input, user) => chat.send(input, user, socket, ctx.address), ctx));
  socket.on('chat:stop', handle('chat:stop', stopMessageSchema, (input, user) => chat.stop(input.messageId, user.id), ctx));
  socket.on('chat:resume', handle('chat:resume', resumeMessageSchema, (input, user) => chat.resume(input, user.id, socket), ctx));
  registerConversationHandlers(socket, deps, ctx);
}

function registerConversationHandlers(socket: AppSocket, deps: ChatHandlerDeps, ctx: HandlerContext): void {
  const { chat, conversations } = deps;
  socket.on('conversation:list', handle('conversation:list', emptyPayloadSchema, (_input, user) => conversations.list(user.id), ctx));
  socket.on('conversation:get', handle('conversation:get', conversationIdSchema, (input, user) => chat.open(input.conversationId, user.id, socket), ctx));
  socket.on(
    'conversation:rename',
    handle('conversation:rename', renameConversationSchema, (input, user) => chat.rename(input.conversationId, user.id, input.title), ctx),
  );
  socket.on('conversation:delete', handle('conversation:delete', conversationIdSchema, (input, user) => chat.remove(input.conversationId, user.id), ctx));
}
