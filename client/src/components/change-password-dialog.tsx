import { useState, type FormEvent } from 'react';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../../../shared/schemas/auth.schema';
import type { Ack } from '../../../shared/schemas/result.schema';
import { describeError } from '../lib/request';
import { Dialog } from './dialog';

interface Props {
  changePassword: (currentPassword: string, newPassword: string) => Promise<Ack<unknown>>;
  onClose: () => void;
}

export function ChangePasswordDialog({ changePassword, onClose }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ack = await changePassword(current, next);
    setNote(ack.ok ? { ok: true, text: 'Password changed. Your other sessions were logged out.' } : { ok: false, text: describeError(ack) });
    if (ack.ok) {
      setCurrent('');
      setNext('');
    }
  };

  return (
    <Dialog title="Change password" onClose={onClose}>
      <form className="dialog__form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>Current password</span>
          <input type="password" autoComplete="current-password" required maxLength={MAX_PASSWORD_CHARS} value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="field">
          <span>New password (at least {MIN_PASSWORD_CHARS} characters)</span>
          <input type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_CHARS} maxLength={MAX_PASSWORD_CHARS} value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        {note ? (
          <p className={note.ok ? 'dialog__ok' : 'auth-card__error'} role={note.ok ? 'status' : 'alert'}>
            {note.text}
          </p>
        ) : null}
        <button type="submit" className="button button--primary">
          Change password
        </button>
      </form>
    </Dialog>
  );
}
