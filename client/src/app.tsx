import { useCallback, useState } from 'react';
import type { PublicUser } from '../../shared/schemas/auth.schema';
import type { Ack } from '../../shared/schemas/result.schema';
import { AccountBar } from './components/account-bar';
import { AdminPage } from './components/admin-page';
import { AppHeader } from './components/app-header';
import { ChangePasswordDialog } from './components/change-password-dialog';
import { ChatView } from './components/chat-view';
import { Composer } from './components/composer';
import { ConversationList } from './components/conversation-list';
import { SliderPanel } from './components/slider-panel';
import { useChat } from './hooks/use-chat.hook';
import { useConversations } from './hooks/use-conversations.hook';
import { useServerInfo } from './hooks/use-server-info.hook';
import { useSliders } from './hooks/use-sliders.hook';
import { useConversationUrl } from './hooks/use-conversation-url.hook';
import { useHeaderFollowsRouting } from './hooks/use-header-follows-routing.hook';

interface Props {
  user: PublicUser;
  onLogout: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<Ack<unknown>>;
}

export function App({ user, onLogout, changePassword }: Props) {
  const [dialog, setDialog] = useState<'password' | 'admin' | null>(null);
  const { sliders, weights, setTrait } = useSliders();
  const server = useServerInfo();
  const list = useConversations();
  const chat = useChat({ sliders, onConversation: list.upsert });
  const [menuOpen, setMenuOpen] = useState(false);
  const { open } = chat;
  useConversationUrl(chat.conversationId, open);
  useHeaderFollowsRouting(chat.messages, server);

  const select = useCallback(
    (id: string | null) => {
      setMenuOpen(false);
      void open(id);
    },
    [open],
  );
  const newChat = useCallback(() => select(null), [select]);
  const { remove: removeConversation } = list;
  const openId = chat.conversationId;
  const remove = useCallback(
    async (id: string) => {
      const removed = await removeConversation(id);
      if (removed && id === openId) select(null);
      return removed;
    },
    [removeConversation, openId, select],
  );

  const title = list.conversations.find((c) => c.id === chat.conversationId)?.title ?? 'New chat';
  const streaming = chat.streaming;
  return (
    <div className={`app ${menuOpen ? 'app--menu-open' : ''}`} onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
      <aside className="app__sidebar">
        <ConversationList
          conversations={list.conversations}
          activeId={chat.conversationId}
          error={list.error}
          onNew={newChat}
          onSelect={select}
          onRename={list.rename}
          onDelete={remove}
        />
      </aside>
      {menuOpen ? (
        <button type="button" className="app__backdrop" aria-label="Close conversations" onClick={() => setMenuOpen(false)} />
      ) : null}
      <main className="app__main">
        <AppHeader
          title={title}
          info={server.info}
          infoError={server.error}
          connected={server.connected}
          onMenu={() => setMenuOpen((o) => !o)}
          account={<AccountBar user={user} onPassword={() => setDialog('password')} onAdmin={() => setDialog('admin')} onLogout={() => void onLogout()} />}
        />
        {chat.notice ? (
          <p className="banner banner--warn notice" role="alert" data-testid="conversation-notice">
            <span>{chat.notice}</span>
            <button type="button" className="button button--ghost button--small" onClick={chat.dismissNotice} data-testid="dismiss-notice">
              Dismiss
            </button>
          </p>
        ) : null}
        <ChatView messages={chat.messages} loading={chat.loading} />
        <section className="app__controls" aria-label="Compose">
          <SliderPanel sliders={sliders} weights={weights} onChange={setTrait} />
          <Composer
            sending={chat.sending}
            onStop={streaming ? () => void chat.stop(streaming.id) : null}
            onSend={chat.send}
            error={chat.error}
          />
        </section>
      </main>
      {dialog === 'password' ? <ChangePasswordDialog changePassword={changePassword} onClose={() => setDialog(null)} /> : null}
      {dialog === 'admin' ? <AdminPage selfId={user.id} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
