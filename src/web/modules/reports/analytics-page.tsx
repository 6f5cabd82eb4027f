// /reports/analytics: counts by status, severity, category and department, SLA compliance and median times.
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { FilterBar, formValues } from '../../ui/filter-bar.tsx';
import { SelectField, TextField } from '../../ui/form-field.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useQuery } from '../../ui/use-query.ts';
import { useSearchState } from '../../ui/use-search-state.ts';
import { BarChart } from './bar-chart.tsx';
import { type Count, label } from './reports-types.ts';
import { useDepartments } from './use-departments.ts';

interface Stats {
  total: number;
  by_status: Count[];
  by_severity: Count[];
  by_category: Count[];
  by_department: Count[];
  sla: { total: number; met: number; breached: number; open_overdue: number; compliance_rate: number | null };
  median_hours_to_acknowledge: number | null;
  median_hours_to_resolve: number | null;
}

const DEFAULTS = { department_id: '', from: '', to: '' };
const bars = (counts: Count[]) => counts.map((c) => ({ label: label(c.key), value: c.count }));
const hours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`);

export function AnalyticsPage() {
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const departments = useDepartments();
  const stats = useQuery(['reports-analytics', filters], (signal) =>
    api.get<Stats>(
      '/api/v1/reports/analytics/stats',
      {
        department_id: filters.department_id || undefined,
        from: filters.from || undefined,
        to: filters.to || undefined,
      },
      { signal },
    ),
  );
  const s = stats.data;
  return (
    <Page title="Report analytics">
      <FilterBar
        label="Filter analytics"
        values={filters}
        onApply={(form) => setFilters(formValues(form))}
        onClear={() => setFilters({ ...DEFAULTS })}
      >
        <SelectField
          label="Department"
          name="department_id"
          defaultValue={filters.department_id}
          options={[
            { value: '', label: 'All departments' },
            ...(departments.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name })),
          ]}
        />
        <TextField label="Filed from" name="from" type="date" defaultValue={filters.from} />
        <TextField label="Filed before" name="to" type="date" defaultValue={filters.to} />
      </FilterBar>
      <ErrorAlert error={stats.error} />
      {!s && stats.loading && <Spinner label="Loading analytics" />}
      {s && (
        <>
          <Section title="Service levels">
            <dl className="facts">
              <dt>Reports</dt>
              <dd>{s.total.toLocaleString()}</dd>
              <dt>SLA compliance</dt>
              <dd>
                {s.sla.compliance_rate === null
                  ? '—'
                  : `${Math.round(s.sla.compliance_rate * 100)}% (${s.sla.met} met, ${s.sla.breached} breached)`}
              </dd>
              <dt>Open and overdue</dt>
              <dd>{s.sla.open_overdue.toLocaleString()}</dd>
              <dt>Median time to acknowledge</dt>
              <dd>{hours(s.median_hours_to_acknowledge)}</dd>
              <dt>Median time to resolve</dt>
              <dd>{hours(s.median_hours_to_resolve)}</dd>
            </dl>
            <BarChart
              title="SLA outcome"
              bars={[
                { label: 'Met', value: s.sla.met },
                { label: 'Breached', value: s.sla.breached },
                { label: 'Open, overdue', value: s.sla.open_overdue },
              ]}
            />
            <BarChart
              title="Median hours"
              unit=" h"
              bars={[
                { label: 'To acknowledge', value: s.median_hours_to_acknowledge ?? 0 },
                { label: 'To resolve', value: s.median_hours_to_resolve ?? 0 },
              ]}
            />
          </Section>
          <Section title="By status">
            <BarChart title="Reports by status" bars={bars(s.by_status)} />
          </Section>
          <Section title="By severity">
            <BarChart title="Reports by severity" bars={bars(s.by_severity)} />
          </Section>
          <Section title="By category">
            <BarChart title="Reports by category" bars={bars(s.by_category)} />
          </Section>
          <Section title="By department">
            <BarChart
              title="Reports by department"
              bars={s.by_department.map((c) => ({ label: c.key === 'none' ? 'Unassigned' : c.key, value: c.count }))}
            />
          </Section>
        </>
      )}
    </Page>
  );
}
