// /reports/map (anyone, no sign-in): the public issue map and list: public reports with their status, filtered
// by status and category, a page at a time (GET /api/v1/reports/public, which carries no personal data).
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { CircleMarker, Popup, useMap } from 'react-leaflet';
import { api } from '../../../api/client.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../../ui/filter-bar.tsx';
import { SelectField } from '../../../ui/form-field.tsx';
import { formatDate } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { label, statuses } from '../reports-types.ts';
import { StatusBadge } from '../status-badge.tsx';
import { BaseMap } from './base-map.tsx';
import { ConfirmIssueButton } from './confirm-issue-button.tsx';
import type { PublicReport, PublicReportList } from './citizen-types.ts';
import { defaultCenter, statusColour } from './map-config.ts';
import { useCategories } from './use-categories.ts';

const DEFAULTS = { status: '', category: '', page: '1' };
const PER_PAGE = 50;

type Located = PublicReport & { latitude: number; longitude: number };

/** Shows every marker of the page (the map opens on the default centre before any arrive). */
function FitToReports({ reports }: { reports: Located[] }) {
  const map = useMap();
  useEffect(() => {
    if (reports.length === 0) return;
    const lats = reports.map((r) => r.latitude);
    const lngs = reports.map((r) => r.longitude);
    map.fitBounds(
      [
        [Math.min(...lats), Math.min(...lngs)],
        [Math.max(...lats), Math.max(...lngs)],
      ],
      { padding: [24, 24], maxZoom: 15, animate: false },
    );
  }, [map, reports]);
  return null;
}

function ReportMarker({ report }: { report: Located }) {
  const colour = statusColour(report.status);
  return (
    <CircleMarker
      center={[report.latitude, report.longitude]}
      radius={9}
      pathOptions={{ color: '#ffffff', weight: 2, fillColor: colour, fillOpacity: 0.9 }}
    >
      <Popup>
        <strong>{report.title}</strong>
        <br />
        {report.report_number} · {label(report.status)}
        {report.photo_ids.length > 0 && (
          <img
            className="popup-photo"
            src={`/api/v1/reports/${report.id}/media/${report.photo_ids[0]}/file`}
            alt={`Photo of ${report.title}`}
          />
        )}
      </Popup>
    </CircleMarker>
  );
}

export function PublicMapPage() {
  const auth = useAuth();
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const page = Math.max(1, Number(filters.page) || 1);
  const categories = useCategories();
  const reports = useQuery(['public-reports', filters], (signal) =>
    api.get<PublicReportList>(
      '/api/v1/reports/public',
      { status: filters.status || undefined, category: filters.category || undefined, page, per_page: PER_PAGE },
      { signal },
    ),
  );
  const located = useMemo(
    () => (reports.data?.reports ?? []).filter((r): r is Located => r.latitude !== null && r.longitude !== null),
    [reports.data],
  );

  return (
    <Page
      title="Public issue map"
      intro="Issues people reported in public places and where each one stands. Reporters' names are never shown."
      actions={auth.status === 'signed_in' && <Link to="/reports/new">Report an issue</Link>}
    >
      <FilterBar
        label="Filter public reports"
        values={filters}
        onApply={(form) => setFilters(formValues(form))}
        onClear={() => setFilters({ status: '', category: '' })}
      >
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status}
          options={[{ value: '', label: 'Any status' }, ...statuses.map((s) => ({ value: s, label: label(s) }))]}
        />
        <SelectField
          label="Category"
          name="category"
          defaultValue={filters.category}
          options={[
            { value: '', label: 'Any category' },
            ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
      </FilterBar>
      <BaseMap label="Map of public reports" center={defaultCenter} zoom={12}>
        <FitToReports reports={located} />
        {located.map((r) => (
          <ReportMarker key={r.id} report={r} />
        ))}
      </BaseMap>
      <p className="map-legend muted">
        Markers: <span className="legend-dot legend-open" /> open · <span className="legend-dot legend-working" /> being
        worked on · <span className="legend-dot legend-done" /> resolved · <span className="legend-dot legend-closed" />{' '}
        rejected or duplicate. The map shows this page of the list.
      </p>
      <DataTable
        caption="Public reports"
        captionHidden
        rows={reports.data?.reports}
        loading={reports.loading}
        error={reports.error}
        rowKey={(r) => r.id}
        emptyTitle="No public reports match these filters"
        pagination={
          reports.data && {
            page,
            perPage: PER_PAGE,
            total: reports.data.total,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          { key: 'number', header: 'Number', className: 'nowrap', render: (r) => r.report_number },
          {
            key: 'title',
            header: 'Issue',
            render: (r) => (
              <>
                {r.title}
                {r.address && <span className="muted"> · {r.address}</span>}
              </>
            ),
          },
          { key: 'status', header: 'Status', render: (r) => <StatusBadge status={r.status} /> },
          { key: 'category', header: 'Category', render: (r) => r.category_name ?? label(r.category) },
          { key: 'filed', header: 'Reported', className: 'nowrap', render: (r) => formatDate(r.created_at) },
          ...(auth.can('reports:validate')
            ? [
                {
                  key: 'confirm',
                  header: 'Seen it too?',
                  render: (r: PublicReport) => <ConfirmIssueButton reportId={r.id} title={r.title} />,
                },
              ]
            : []),
        ]}
      />
    </Page>
  );
}
