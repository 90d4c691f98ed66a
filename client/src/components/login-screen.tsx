import { useState, type FormEvent } from 'react';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../../../shared/schemas/auth.schema';
import type { Ack } from '../../../shared/schemas/result.schema';
import { describeError } from '../lib/request';

interface Props {
  onSubmit: (mode: 'login' | 'register', username: string, password: string) => Promise<Ack<unknown>>;
}

/** Log in, or create an account (the very first one becomes the admin). */
export function LoginScreen({ onSubmit }: Props) {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ack = await onSubmit(mode, username, password);
    setBusy(false);
    if (!ack.ok) setError(describeError(ack));
  };
  const registering = mode === 'register';

  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="auth-title">
        <div className="brand">
          PALM <span className="brand__accent">Chat</span>
        </div>
        <h1 id="auth-title" className="auth-card__title">{registering ? 'Create an account' : 'Log in'}</h1>
        <label className="field">
          <span>Username</span>
          <input data-testid="login-username" autoComplete="username" required maxLength={32} value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete={registering ? 'new-password' : 'current-password'}
            required
            minLength={registering ? MIN_PASSWORD_CHARS : undefined}
            maxLength={MAX_PASSWORD_CHARS}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {registering ? <p className="auth-card__hint">At least {MIN_PASSWORD_CHARS} characters. The first account on a server becomes its admin.</p> : null}
        {error ? (
          <p className="auth-card__error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
          {registering ? 'Create account' : 'Log in'}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setMode(registering ? 'login' : 'register');
            setError(null);
          }}
        >
          {registering ? 'I have an account' : 'Create an account'}
        </button>
      </form>
    </main>
  );
}
