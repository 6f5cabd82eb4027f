// /admin/users/:id: one user's details and what an administrator may do with the account.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { displayName, formatDateTime } from '../../../ui/format.ts';
import { Page, Section } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import { roleLabel } from '../identity-types.ts';
import { ChangeRoleDialog } from './change-role-dialog.tsx';
import { EditUserDialog } from './edit-user-dialog.tsx';
import { RoleHistory } from './role-history.tsx';
import { isLocked, UserStatus } from './user-badges.tsx';
import { UserSessions } from './user-sessions.tsx';

type Open = 'edit' | 'role' | 'status' | null;

export function UserPage() {
  const { id } = useParams();
  const userId = Number(id);
  const auth = useAuth();
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const [generation, setGeneration] = useState(0);
  const found = useQuery(Number.isInteger(userId) && userId > 0 ? ['user', userId] : null, (signal) =>
    api.get<{ user: User }>(`/api/v1/users/${userId}`, undefined, { signal }).then((r) => r.user),
  );
  const status = useAction((action: 'activate' | 'deactivate' | 'unlock') =>
    api.post<{ user: User }>(`/api/v1/users/${userId}/${action}`),
  );

  if (found.loading && !found.data) return <Spinner label="Loading the user" />;
  const user = found.data;
  if (!user) {
    return (
      <Page title="User">
        <ErrorAlert error={found.error ?? new Error('No such user')} />
        <Link to="/admin/users">Back to users</Link>
      </Page>
    );
  }

  const updated = (next: User, message: string) => {
    found.setData(next);
    setOpen(null);
    setGeneration((g) => g + 1);
    toast.show(message);
  };
  const runStatus = async (action: 'activate' | 'deactivate' | 'unlock') => {
    const answer = await status.run(action);
    if (answer) {
      const done = { activate: 'activated', deactivate: 'deactivated', unlock: 'unlocked' }[action];
      updated(answer.user, `${displayName(answer.user)} ${done}`);
    } else setOpen(null);
  };
  const isSelf = auth.user?.id === user.id;

  return (
    <Page
      title={displayName(user)}
      intro={
        <p>
          <Link to="/admin/users">Users</Link> › {displayName(user)}
        </p>
      }
      actions={
        <>
          {auth.can('users:write') && <Button onClick={() => setOpen('edit')}>Edit</Button>}
          {auth.can('users:change_role') && !isSelf && <Button onClick={() => setOpen('role')}>Change role</Button>}
          {auth.can('users:unlock') && isLocked(user) && (
            <Button busy={status.busy} onClick={() => runStatus('unlock')}>
              Unlock
            </Button>
          )}
          {auth.can('users:write') &&
            !isSelf &&
            (user.is_active ? (
              <Button variant="danger" onClick={() => setOpen('status')}>
                Deactivate
              </Button>
            ) : (
              <Button busy={status.busy} onClick={() => runStatus('activate')}>
                Activate
              </Button>
            ))}
        </>
      }
    >
      <ErrorAlert error={status.error} />
      <Section title="Details">
        <dl className="details-grid">
          <dt>Role</dt>
          <dd>{roleLabel(user.role)}</dd>
          <dt>Status</dt>
          <dd>
            <UserStatus user={user} />
            {isLocked(user) && <> until {formatDateTime(user.locked_until)}</>}
          </dd>
          <dt>Username</dt>
          <dd>{user.username ?? '—'}</dd>
          <dt>Email</dt>
          <dd>
            {user.email ?? '—'} {user.email && !user.email_verified && <span className="badge">not verified</span>}
          </dd>
          <dt>Phone</dt>
          <dd>{user.phone ?? '—'}</dd>
          <dt>Employee ID</dt>
          <dd>{user.employee_id ?? '—'}</dd>
          <dt>Created</dt>
          <dd>
            {formatDateTime(user.created_at)} (via {user.account_created_via})
          </dd>
          <dt>Last sign-in</dt>
          <dd>
            {formatDateTime(user.last_login)} · {user.login_count} sign-ins
          </dd>
          {user.expires_at && (
            <>
              <dt>Expires</dt>
              <dd>{formatDateTime(user.expires_at)}</dd>
            </>
          )}
        </dl>
      </Section>
      <RoleHistory userId={user.id} generation={generation} />
      {auth.can('sessions:read_any') && <UserSessions userId={user.id} generation={generation} />}

      <EditUserDialog
        key={`edit-${user.updated_at}`}
        user={user}
        open={open === 'edit'}
        onClose={() => setOpen(null)}
        onSaved={(u) => updated(u, 'User saved')}
      />
      <ChangeRoleDialog
        user={user}
        open={open === 'role'}
        onClose={() => setOpen(null)}
        onChanged={(u) => updated(u, `Role changed to ${roleLabel(u.role)}`)}
      />
      <ConfirmDialog
        open={open === 'status'}
        title={`Deactivate ${displayName(user)}?`}
        confirmLabel="Deactivate"
        danger
        busy={status.busy}
        onClose={() => setOpen(null)}
        onConfirm={() => runStatus('deactivate')}
      >
        <p>The account can no longer sign in and its sessions end now. You can activate it again later.</p>
      </ConfirmDialog>
    </Page>
  );
}
