import { assignableRoleSchema, type PublicUser } from '../../../shared/schemas/auth.schema';
import { useAdmin } from '../hooks/use-admin.hook';
import { Dialog } from './dialog';

const ROLES = assignableRoleSchema.options;

function UserRow({ user, isSelf, admin }: { user: PublicUser; isSelf: boolean; admin: ReturnType<typeof useAdmin> }) {
  return (
    <tr data-testid="admin-user" data-username={user.username}>
      <td>
        {user.username}
        {isSelf ? <span className="admin__you"> (you)</span> : null}
      </td>
      <td>
        {user.role === 'pending' ? (
          <button type="button" className="button button--primary button--small" onClick={() => void admin.update(user.id, { role: 'user' })}>
            Approve
          </button>
        ) : (
          <select aria-label={`Role of ${user.username}`} value={user.role} onChange={(e) => void admin.update(user.id, { role: assignableRoleSchema.parse(e.target.value) })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        <button
          type="button"
          className={`button button--small ${user.disabled ? '' : 'button--stop'}`}
          disabled={isSelf}
          onClick={() => void admin.update(user.id, { disabled: !user.disabled })}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
      </td>
    </tr>
  );
}

/** Accounts: approve, assign roles, disable; and whether new accounts need approval. */
export function AdminPage({ selfId, onClose }: { selfId: string; onClose: () => void }) {
  const admin = useAdmin();
  return (
    <Dialog title="Users" onClose={onClose} wide>
      <label className="admin__toggle">
        <input type="checkbox" checked={admin.requireApproval} onChange={(e) => void admin.saveApproval(e.target.checked)} data-testid="require-approval" />
        New accounts wait for an admin's approval
      </label>
      {admin.error ? (
        <p className="auth-card__error" role="alert">
          {admin.error}
        </p>
      ) : null}
      <table className="admin__table">
        <thead>
          <tr>
            <th>User</th>
            <th>Role</th>
            <th>Access</th>
          </tr>
        </thead>
        <tbody>
          {admin.users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === selfId} admin={admin} />
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
