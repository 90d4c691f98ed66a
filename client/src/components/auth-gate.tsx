import { App } from '../app';
import { useAuth } from '../hooks/use-auth.hook';
import { LoginScreen } from './login-screen';

/** The chat only for approved accounts; a login screen or a waiting note for everyone else. */
export function AuthGate() {
  const auth = useAuth();
  const { state } = auth;
  if (state.status === 'loading') return <main className="auth-screen" aria-busy="true" />;
  if (state.status === 'anonymous') return <LoginScreen onSubmit={auth.signIn} />;
  if (state.user.role === 'pending') {
    return (
      <main className="auth-screen">
        <div className="auth-card" role="status" data-testid="pending-note">
          <h1 className="auth-card__title">Waiting for approval</h1>
          <p>Your account {state.user.username} was created. An admin has to approve it before you can chat.</p>
          <button type="button" className="button" onClick={() => void auth.refresh()}>
            Check again
          </button>
          <button type="button" className="button button--ghost" onClick={() => void auth.logout()}>
            Log out
          </button>
        </div>
      </main>
    );
  }
  return <App user={state.user} onLogout={auth.logout} changePassword={auth.changePassword} />;
}
