import type { PublicUser } from '../../../shared/schemas/auth.schema';

interface Props {
  user: PublicUser;
  onPassword: () => void;
  onAdmin: () => void;
  onLogout: () => void;
}

/** Who is signed in, with the account's actions (the admin page only for admins). */
export function AccountBar({ user, onPassword, onAdmin, onLogout }: Props) {
  return (
    <div className="account-bar" data-testid="account-bar">
      <span className="chip" data-testid="account-name" title={`role: ${user.role}`}>
        {user.username} · {user.role}
      </span>
      {user.role === 'admin' ? (
        <button type="button" className="button button--ghost button--small" onClick={onAdmin} data-testid="open-admin">
          Users
        </button>
      ) : null}
      <button type="button" className="button button--ghost button--small" onClick={onPassword}>
        Password
      </button>
      <button type="button" className="button button--ghost button--small" onClick={onLogout} data-testid="logout">
        Log out
      </button>
    </div>
  );
}
