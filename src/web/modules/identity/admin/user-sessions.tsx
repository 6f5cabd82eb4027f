// Another user's sessions (sessions:read_any), with revoke (sessions:revoke_any).
import { api } from '../../../api/client.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import { type AdminSession, describeAgent } from '../identity-types.ts';

export function UserSessions({ userId, generation }: { userId: number; generation: number }) {
  const auth = useAuth();
  const toast = useToast();
  const sessions = useQuery(['user-sessions', userId, generation], (signal) =>
    api
      .get<{ sessions: AdminSession[] }>(`/api/v1/users/${userId}/sessions`, undefined, { signal })
      .then((r) => r.sessions),
  );
  const revoke = useAction((id: number) => api.del(`/api/v1/users/${userId}/sessions/${id}`).then(() => true));
  const canRevoke = auth.can('sessions:revoke_any');

  return (
    <Section title="Sessions">
      <ErrorAlert error={revoke.error} />
      <DataTable
        caption="Sessions"
        captionHidden
        rows={sessions.data}
        loading={sessions.loading}
        error={sessions.error}
        rowKey={(s) => s.id}
        emptyTitle="No sessions"
        columns={[
          { key: 'device', header: 'Device', render: (s) => describeAgent(s.user_agent, s.device_info) },
          { key: 'ip', header: 'IP address', render: (s) => s.ip_address ?? '—' },
          { key: 'method', header: 'Signed in with', render: (s) => s.login_method },
          { key: 'last', header: 'Last active', className: 'nowrap', render: (s) => formatDateTime(s.last_activity) },
          {
            key: 'state',
            header: 'State',
            render: (s) =>
              s.is_active && !s.revoked_at ? (
                <span className="badge badge-success">active</span>
              ) : (
                <span className="badge" title={s.revoked_reason ?? undefined}>
                  ended{s.revoked_reason ? `: ${s.revoked_reason}` : ''}
                </span>
              ),
          },
          {
            key: 'actions',
            header: <span className="visually-hidden">Actions</span>,
            className: 'actions',
            render: (s) =>
              canRevoke &&
              s.is_active &&
              !s.revoked_at && (
                <Button
                  aria-label={`Revoke session ${s.id} (${describeAgent(s.user_agent, s.device_info)})`}
                  busy={revoke.busy}
                  onClick={async () => {
                    if (await revoke.run(s.id)) {
                      toast.show('Session revoked');
                      sessions.reload();
                    }
                  }}
                >
                  Revoke
                </Button>
              ),
          },
        ]}
      />
    </Section>
  );
}
