// /reports/workload: a department's open reports by status and its officers' open tasks.
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../ui/filter-bar.tsx';
import { SelectField } from '../../ui/form-field.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { useQuery } from '../../ui/use-query.ts';
import { useSearchState } from '../../ui/use-search-state.ts';
import { BarChart } from './bar-chart.tsx';
import { label } from './reports-types.ts';
import { useDepartments } from './use-departments.ts';

interface Workload {
  department_name: string;
  open_reports: number;
  overdue_reports: number;
  unassigned: number;
  by_status: { status: string; count: number }[];
  officers: {
    officer_id: number;
    full_name: string | null;
    username: string | null;
    is_active: boolean;
    open_tasks: number;
    in_progress: number;
    overdue_tasks: number;
    resolved_last_30_days: number;
  }[];
}

const DEFAULTS = { department_id: '' };

export function WorkloadPage() {
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const departments = useDepartments();
  const first = departments.data?.departments[0]?.id;
  const id = filters.department_id || (first ? String(first) : '');
  const workload = useQuery(['workload', id], (signal) =>
    id ? api.get<Workload>(`/api/v1/reports/workload/department/${id}`, undefined, { signal }) : Promise.resolve(null),
  );
  const w = workload.data;
  return (
    <Page title="Department workload">
      <FilterBar
        label="Choose a department"
        values={{ department_id: id }}
        onApply={(form) => setFilters(formValues(form))}
      >
        <SelectField
          label="Department"
          name="department_id"
          defaultValue={id}
          options={(departments.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
        />
      </FilterBar>
      <ErrorAlert error={workload.error ?? departments.error} />
      {w && (
        <>
          <Section title={`${w.department_name}: open reports`}>
            <p>
              {w.open_reports} open, {w.overdue_reports} overdue, {w.unassigned} waiting for an officer.
            </p>
            <BarChart
              title="Open reports by status"
              bars={w.by_status.map((s) => ({ label: label(s.status), value: s.count }))}
            />
          </Section>
          <Section title="Officers">
            <DataTable
              caption="Officers"
              captionHidden
              rows={w.officers}
              rowKey={(o) => o.officer_id}
              emptyTitle="No nodal officers in this department"
              columns={[
                {
                  key: 'name',
                  header: 'Officer',
                  render: (o) =>
                    `${o.full_name ?? o.username ?? `User ${o.officer_id}`}${o.is_active ? '' : ' (inactive)'}`,
                },
                { key: 'open', header: 'Open tasks', className: 'num', render: (o) => o.open_tasks },
                { key: 'prog', header: 'In progress', className: 'num', render: (o) => o.in_progress },
                { key: 'over', header: 'Overdue', className: 'num', render: (o) => o.overdue_tasks },
                { key: 'done', header: 'Resolved (30 days)', className: 'num', render: (o) => o.resolved_last_30_days },
              ]}
            />
          </Section>
        </>
      )}
    </Page>
  );
}
