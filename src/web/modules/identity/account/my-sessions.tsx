// Where I am signed in: revoke one session, or sign out everywhere else.
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Session } from '../../../api/types.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import { describeAgent } from '../identity-types.ts';

export function MySessions({ generation = 0 }: { generation?: number }) {
  const toast = useToast();
  const sessions = useQuery(['my-sessions', generation], (signal) =>
    api.get<{ sessions: Session[] }>('/api/v1/auth/sessions', undefined, { signal }).then((r) => r.sessions),
  );
  const [confirmOthers, setConfirmOthers] = useState(false);
  const revoke = useAction((id: Session['id']) => api.del(`/api/v1/auth/sessions/${id}`).then(() => true));
  const others = useAction(() => api.post('/api/v1/auth/logout-others').then(() => true));
  const otherCount = (sessions.data ?? []).filter((s) => !s.current).length;

  return (
    <Section
      title="Where you are signed in"
      id="sessions"
      actions={
        otherCount > 0 && (
          <Button variant="danger" onClick={() => setConfirmOthers(true)}>
            Sign out everywhere else
          </Button>
        )
      }
    >
      <ErrorAlert error={revoke.error ?? others.error} />
      <DataTable
        caption="Your sessions"
        captionHidden
        rows={sessions.data}
        loading={sessions.loading}
        error={sessions.error}
        rowKey={(s) => s.id}
        emptyTitle="No active sessions"
        columns={[
          {
            key: 'device',
            header: 'Device',
            render: (s) => (
              <>
                {describeAgent(s.user_agent, s.device_info)}{' '}
                {s.current && <span className="badge badge-success">this device</span>}
              </>
            ),
          },
          { key: 'ip', header: 'IP address', render: (s) => s.ip_address ?? '—' },
          { key: 'method', header: 'Signed in with', render: (s) => s.login_method ?? '—' },
          { key: 'last', header: 'Last active', className: 'nowrap', render: (s) => formatDateTime(s.last_activity) },
          { key: 'created', header: 'Started', className: 'nowrap', render: (s) => formatDateTime(s.created_at) },
          {
            key: 'actions',
            header: <span className="visually-hidden">Actions</span>,
            className: 'actions',
            render: (s) =>
              s.current ? null : (
                <Button
                  aria-label={`Sign out the session on ${describeAgent(s.user_agent, s.device_info)} started ${formatDateTime(s.created_at)}`}
                  busy={revoke.busy}
                  onClick={async () => {
                    if (await revoke.run(s.id)) {
                      toast.show('Session signed out');
                      sessions.reload();
                    }
                  }}
                >
                  Sign out
                </Button>
              ),
          },
        ]}
      />
      <ConfirmDialog
        open={confirmOthers}
        title="Sign out everywhere else?"
        confirmLabel="Sign out other sessions"
        danger
        busy={others.busy}
        onClose={() => setConfirmOthers(false)}
        onConfirm={async () => {
          const ok = await others.run();
          setConfirmOthers(false);
          if (ok) {
            toast.show('Signed out of every other session');
            sessions.reload();
          }
        }}
      >
        <p>
          Every other browser and device signed in to your account will have to sign in again. This one stays signed in.
        </p>
      </ConfirmDialog>
    </Section>
  );
}
