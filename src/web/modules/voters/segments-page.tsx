// /voters/segments: the saved segments; open one to edit it, see its members or export it.
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Page } from '../../ui/page.tsx';
import { useQuery } from '../../ui/use-query.ts';
import type { Segment } from './voter-types.ts';

export function SegmentsPage() {
  const segments = useQuery(['segments'], (signal) =>
    api.get<{ segments: Segment[] }>('/api/v1/segments', { per_page: 200 }, { signal }),
  );
  return (
    <Page
      title="Segments"
      actions={
        <Link className="btn btn-primary" to="/voters/segments/new">
          New segment
        </Link>
      }
    >
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
        ]}
      />
    </Page>
  );
}
