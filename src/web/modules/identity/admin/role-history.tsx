// A user's role changes, newest first.
import { api } from '../../../api/client.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { type RoleHistoryEntry, roleLabel } from '../identity-types.ts';

export function RoleHistory({ userId, generation }: { userId: number; generation: number }) {
  const history = useQuery(['role-history', userId, generation], (signal) =>
    api
      .get<{ role_history: RoleHistoryEntry[] }>(`/api/v1/users/${userId}/role-history`, undefined, { signal })
      .then((r) => r.role_history),
  );
  return (
    <Section title="Role history">
      <DataTable
        caption="Role history"
        captionHidden
        rows={history.data}
        loading={history.loading}
        error={history.error}
        rowKey={(h) => h.id}
        emptyTitle="No role changes yet"
        columns={[
          { key: 'when', header: 'When', className: 'nowrap', render: (h) => formatDateTime(h.created_at) },
          { key: 'from', header: 'From', render: (h) => (h.old_role ? roleLabel(h.old_role) : '—') },
          { key: 'to', header: 'To', render: (h) => roleLabel(h.new_role) },
          {
            key: 'by',
            header: 'By',
            render: (h) => (h.automatic ? <span className="badge">automatic</span> : (h.changed_by_username ?? '—')),
          },
          { key: 'reason', header: 'Reason', className: 'text', render: (h) => h.reason ?? '—' },
        ]}
      />
    </Section>
  );
}
