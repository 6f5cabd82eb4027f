// /voters/segments: the saved segments; open one to edit it, see its members or export it; delete one.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context.tsx';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { Page } from '../../ui/page.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import type { Segment } from './voter-types.ts';

export function SegmentsPage() {
  const auth = useAuth();
  const toast = useToast();
  const segments = useQuery(['segments'], (signal) =>
    api.get<{ segments: Segment[] }>('/api/v1/segments', { per_page: 200 }, { signal }),
  );
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const remove = useAction((id: number) => api.del(`/api/v1/segments/${id}`).then(() => true));
  const canWrite = auth.can('segments:write');
  return (
    <Page
      title="Segments"
      actions={
        canWrite && (
          <Link className="btn btn-primary" to="/voters/segments/new">
            New segment
          </Link>
        )
      }
    >
      <ErrorAlert error={remove.error} />
      <DataTable
        caption="Segments"
        captionHidden
        rows={segments.data?.segments}
        loading={segments.loading}
        error={segments.error}
        rowKey={(s) => s.segment_id}
        emptyTitle="No saved segments yet"
        columns={[
          {
            key: 'name',
            header: 'Segment',
            render: (s) => <Link to={`/voters/segments/${s.segment_id}`}>{s.name}</Link>,
          },
          { key: 'description', header: 'Description', render: (s) => s.description ?? '' },
          {
            key: 'members',
            header: 'Members',
            render: (s) => <Link to={`/voters?segment=${s.segment_id}`}>Show voters</Link>,
          },
          ...(canWrite
            ? [
                {
                  key: 'delete',
                  header: 'Delete',
                  render: (s: Segment) => (
                    <Button aria-label={`Delete ${s.name}`} onClick={() => setDeleting(s)}>
                      Delete
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the segment “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete segment"
        danger
        busy={remove.busy}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const segment = deleting!;
          const ok = await remove.run(segment.segment_id);
          setDeleting(null);
          if (ok) {
            toast.show(`Segment “${segment.name}” deleted`);
            segments.reload();
          }
        }}
      >
        <p>Only the saved search goes: the voters it finds are not touched.</p>
      </ConfirmDialog>
    </Page>
  );
}
