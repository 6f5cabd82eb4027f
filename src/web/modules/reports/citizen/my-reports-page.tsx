// /reports/mine: the reports the signed-in citizen filed (GET /api/v1/reports/my-reports) with their status,
// and above them what still waits on this device.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../../ui/filter-bar.tsx';
import { SelectField } from '../../../ui/form-field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import { label, type ReportList, statuses } from '../reports-types.ts';
import { StatusBadge } from '../status-badge.tsx';
import { QueuedReports, SyncIndicator } from './sync-status.tsx';
import { useCategories } from './use-categories.ts';
import { useReportQueue } from './use-report-queue.ts';

const DEFAULTS = { status: '', page: '1' };
const PER_PAGE = 20;

export function MyReportsPage() {
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const page = Math.max(1, Number(filters.page) || 1);
  const queue = useReportQueue();
  const categories = useCategories();
  const categoryName = (code: string | null) => categories.data?.find((c) => c.code === code)?.name ?? label(code);
  const reports = useQuery(['my-reports', filters], (signal) =>
    api.get<ReportList>(
      '/api/v1/reports/my-reports',
      { status: filters.status || undefined, page, per_page: PER_PAGE },
      { signal },
    ),
  );

  // A sync that just finished may have filed reports: show them.
  const wasSyncing = useRef(queue.syncing);
  const { reload } = reports;
  useEffect(() => {
    if (wasSyncing.current && !queue.syncing) reload();
    wasSyncing.current = queue.syncing;
  }, [queue.syncing, reload]);

  return (
    <Page title="My reports" actions={<Link to="/reports/new">Report an issue</Link>}>
      {(queue.items.length > 0 || !queue.online) && <SyncIndicator queue={queue} />}
      <QueuedReports queue={queue} />
      <FilterBar
        label="Filter my reports"
        values={filters}
        onApply={(form) => setFilters(formValues(form))}
        onClear={() => setFilters({ status: '' })}
      >
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status}
          options={[{ value: '', label: 'Any status' }, ...statuses.map((s) => ({ value: s, label: label(s) }))]}
        />
      </FilterBar>
      <DataTable
        caption="My reports"
        captionHidden
        rows={reports.data?.reports}
        loading={reports.loading}
        error={reports.error}
        rowKey={(r) => r.id}
        emptyTitle={filters.status ? 'None of your reports has this status' : 'You have not filed a report yet'}
        empty={!filters.status && <Link to="/reports/new">Report an issue</Link>}
        pagination={
          reports.data && {
            page,
            perPage: PER_PAGE,
            total: reports.data.total,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          {
            key: 'number',
            header: 'Number',
            className: 'nowrap',
            render: (r) => <Link to={`/reports/mine/${r.id}`}>{r.report_number ?? `#${r.id}`}</Link>,
          },
          { key: 'title', header: 'Title', render: (r) => r.title },
          { key: 'status', header: 'Status', render: (r) => <StatusBadge status={r.status} /> },
          { key: 'category', header: 'Category', render: (r) => categoryName(r.category) },
          { key: 'public', header: 'Public', render: (r) => (r.is_public ? 'Yes' : 'No') },
          { key: 'filed', header: 'Filed', className: 'nowrap', render: (r) => formatDateTime(r.created_at) },
        ]}
      />
    </Page>
  );
}
