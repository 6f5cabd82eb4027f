// /reports/queue: the staff queue — the reports the signed-in staff member may see, filtered by status,
// severity, category, department, area and overdue, newest or most severe first, paged.
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../ui/filter-bar.tsx';
import { SelectField, TextField } from '../../ui/form-field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useQuery } from '../../ui/use-query.ts';
import { useSearchState } from '../../ui/use-search-state.ts';
import { ExportReportsButton } from './export-reports-button.tsx';
import { categories, label, type ReportList, severities, statuses } from './reports-types.ts';
import { OverdueBadge, SeverityBadge, StatusBadge } from './status-badge.tsx';
import { useDepartments } from './use-departments.ts';

const DEFAULTS = {
  status: '',
  severity: '',
  category: '',
  department_id: '',
  area_id: '',
  overdue: '',
  q: '',
  sort: 'newest',
  page: '1',
};
const PER_PAGE = 25;
const any = (text: string) => ({ value: '', label: text });

export function QueuePage() {
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const page = Math.max(1, Number(filters.page) || 1);
  const departments = useDepartments();
  const areas = useQuery(['my-areas'], (signal) =>
    api
      .get<{ areas: { id: number; area_name: string }[] }>('/api/v1/reports/areas/mine', undefined, { signal })
      .catch(() => ({ areas: [] })),
  );
  const reports = useQuery(['reports-queue', filters], (signal) =>
    api.get<ReportList>(
      '/api/v1/reports',
      {
        status: filters.status || undefined,
        severity: filters.severity || undefined,
        category: filters.category || undefined,
        department_id: filters.department_id || undefined,
        area_id: filters.area_id || undefined,
        overdue: filters.overdue || undefined,
        q: filters.q || undefined,
        sort: filters.sort,
        page,
        per_page: PER_PAGE,
      },
      { signal },
    ),
  );

  return (
    <Page
      title="Report queue"
      actions={<ExportReportsButton filters={filters} />}
      intro="Reports inside your areas (all reports for administrators and auditors)."
    >
      <FilterBar
        label="Filter reports"
        values={filters}
        onApply={(form) => setFilters({ ...formValues(form), page: '1' })}
        onClear={() => setFilters({ ...DEFAULTS })}
      >
        <TextField label="Title or number" name="q" type="search" defaultValue={filters.q} maxLength={200} />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status}
          options={[any('Any status'), ...statuses.map((s) => ({ value: s, label: label(s) }))]}
        />
        <SelectField
          label="Severity"
          name="severity"
          defaultValue={filters.severity}
          options={[any('Any severity'), ...severities.map((s) => ({ value: s, label: label(s) }))]}
        />
        <SelectField
          label="Category"
          name="category"
          defaultValue={filters.category}
          options={[any('Any category'), ...categories.map((s) => ({ value: s, label: label(s) }))]}
        />
        <SelectField
          label="Department"
          name="department_id"
          defaultValue={filters.department_id}
          options={[
            any('Any department'),
            ...(departments.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name })),
          ]}
        />
        <SelectField
          label="Area"
          name="area_id"
          defaultValue={filters.area_id}
          options={[
            any('All my areas'),
            ...(areas.data?.areas ?? []).map((a) => ({ value: String(a.id), label: a.area_name })),
          ]}
        />
        <SelectField
          label="SLA"
          name="overdue"
          defaultValue={filters.overdue}
          options={[any('Any'), { value: 'true', label: 'Overdue' }, { value: 'false', label: 'Within SLA' }]}
        />
        <SelectField
          label="Order"
          name="sort"
          defaultValue={filters.sort}
          options={[
            { value: 'newest', label: 'Newest first' },
            { value: 'severity', label: 'Most severe first' },
            { value: 'updated', label: 'Recently changed' },
            { value: 'oldest', label: 'Oldest first' },
          ]}
        />
      </FilterBar>
      <DataTable
        caption="Reports"
        captionHidden
        rows={reports.data?.reports}
        loading={reports.loading}
        error={reports.error}
        rowKey={(r) => r.id}
        emptyTitle="No reports match these filters"
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
            render: (r) => <Link to={`/reports/${r.id}`}>{r.report_number ?? `#${r.id}`}</Link>,
          },
          { key: 'title', header: 'Title', render: (r) => r.title },
          { key: 'status', header: 'Status', render: (r) => <StatusBadge status={r.status} /> },
          { key: 'severity', header: 'Severity', render: (r) => <SeverityBadge severity={r.severity} /> },
          { key: 'category', header: 'Category', render: (r) => label(r.category) },
          { key: 'department', header: 'Department', render: (r) => r.department_name ?? '—' },
          {
            key: 'sla',
            header: 'SLA due',
            className: 'nowrap',
            render: (r) => (
              <>
                {formatDateTime(r.sla_due_at)} <OverdueBadge overdue={r.is_overdue} />
              </>
            ),
          },
          { key: 'created', header: 'Filed', className: 'nowrap', render: (r) => formatDateTime(r.created_at) },
        ]}
      />
    </Page>
  );
}
