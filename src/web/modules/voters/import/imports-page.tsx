// The list of imports with their status and counts.
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import type { VoterImport } from './import-types.ts';

const DEFAULTS = { page: '1' };

export function ImportsPage() {
  const [search, setSearch] = useSearchState(DEFAULTS);
  const page = Number(search.page) || 1;
  const q = useQuery(['imports', page], (signal) =>
    api.get<{ imports: VoterImport[]; total: number }>('/api/v1/imports', { page, per_page: 20 }, { signal }),
  );
  return (
    <Page title="Imports" actions={<Link to="/voters/imports/new">Import a voter file</Link>}>
      <DataTable
        caption="Imports, newest first"
        rows={q.data?.imports}
        loading={q.loading}
        error={q.error}
        rowKey={(r) => r.import_id}
        pagination={{ page, perPage: 20, total: q.data?.total ?? 0, onPage: (p) => setSearch({ page: String(p) }) }}
        columns={[
          {
            key: 'id',
            header: 'Import',
            render: (r) => <Link to={`/voters/imports/${r.import_id}`}>#{r.import_id}</Link>,
          },
          { key: 'file', header: 'File', render: (r) => r.file_name },
          { key: 'status', header: 'Status', render: (r) => `${r.status}${r.dry_run ? ' (dry run)' : ''}` },
          { key: 'rows', header: 'Rows', className: 'num', render: (r) => formatNumber(r.rows_read) },
          { key: 'ins', header: 'Inserted', className: 'num', render: (r) => formatNumber(r.counts.inserted) },
          { key: 'upd', header: 'Updated', className: 'num', render: (r) => formatNumber(r.counts.updated) },
          { key: 'rej', header: 'Rejected', className: 'num', render: (r) => formatNumber(r.counts.rejected) },
          { key: 'at', header: 'Started', className: 'nowrap', render: (r) => formatDateTime(r.created_at) },
        ]}
      />
    </Page>
  );
}
