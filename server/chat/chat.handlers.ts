import {
  conversationIdSchema,
  renameConversationSchema,
  resumeMessageSchema,
  sendMessageSchema,
  stopMessageSchema,
} from '../../shared/schemas/chat.schema';
import { AppError, type Logger } from '../errors';
import type { ChatService } from './chat.service';
import type { ConversationRepository } from './conversation.repository';
import type { MessageRepository } from './message.repository';
import { conversationRoom, emptyPayloadSchema, handle, type AppSocket } from './socket-handler';
import type { StreamEngine } from './stream-engine';

export interface ChatHandlerDeps {
  chat: ChatService;
  conversations: ConversationRepository;
  messages: MessageRepository;
  engine: StreamEngine;
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
  const { conversations, messages, engine, log } = deps;
  socket.on('conversation:list', handle('conversation:list', emptyPayloadSchema, () => conversations.list(), log));
  socket.on(
    'conversation:get',
    handle(
      'conversation:get',
      conversationIdSchema,
      ({ conversationId }) => {
        const conversation = conversations.find(conversationId);
        if (!conversation) throw new AppError('not_found', 'conversation not found');
        // A tab that opens a conversation sees answers streaming into it, whoever sent them.
        void socket.join(conversationRoom(conversationId));
        const list = messages.listForConversation(conversationId).map((m) => {
          const live = engine.liveContent(m.id);
          return live === undefined ? m : { ...m, content: live };
        });
        return { conversation, messages: list };
      },
      log,
    ),
  );
  socket.on(
    'conversation:rename',
    handle(
      'conversation:rename',
      renameConversationSchema,
      ({ conversationId, title }) => {
        const renamed = conversations.rename(conversationId, title);
        if (!renamed) throw new AppError('not_found', 'conversation not found');
        return renamed;
      },
      log,
    ),
  );
  socket.on(
    'conversation:delete',
    handle(
      'conversation:delete',
      conversationIdSchema,
      async ({ conversationId }) => {
        // Stop first, so no generation keeps running for a conversation that no longer exists.
        await engine.stopConversation(conversationId);
        if (!conversations.delete(conversationId)) throw new AppError('not_found', 'conversation not found');
        return { deleted: true as const };
      },
      log,
    ),
  );
}
