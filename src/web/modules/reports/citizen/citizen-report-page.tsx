// /reports/mine/:id: one of the citizen's reports as its reporter sees it (GET /api/v1/reports/:id answers its
// reporter): where it is, its status and progress, its photos and appeals. The staff page with the workflow
// actions is /reports/:id.
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Marker } from 'react-leaflet';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page, Section } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { label, type ReportDetail } from '../reports-types.ts';
import { StatusBadge } from '../status-badge.tsx';
import { BaseMap } from './base-map.tsx';
import { pinIcon } from './map-config.ts';
import { ReportPhoto } from './report-photo.tsx';
import { useCategories } from './use-categories.ts';

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children ?? '—'}</dd>
    </>
  );
}

export function CitizenReportPage() {
  const { id } = useParams();
  const categories = useCategories();
  const detail = useQuery(['citizen-report', id], (signal) =>
    api.get<ReportDetail>(`/api/v1/reports/${id}`, undefined, { signal }),
  );
  if (detail.loading && !detail.data) return <Spinner label="Loading the report" />;
  if (!detail.data) {
    return (
      <Page title="Report" actions={<Link to="/reports/mine">Back to my reports</Link>}>
        <ErrorAlert error={detail.error} title="The report could not be loaded" />
      </Page>
    );
  }
  const { report, status_history, media, appeals } = detail.data;
  const photos = media.filter((m) => m.file_type === 'IMAGE');
  const position = { lat: report.latitude, lng: report.longitude };
  const category = categories.data?.find((c) => c.code === report.category)?.name ?? label(report.category);

  return (
    <Page
      title={report.title}
      actions={<Link to="/reports/mine">Back to my reports</Link>}
      intro={
        <p>
          Report <strong>{report.report_number ?? `#${report.id}`}</strong> · <StatusBadge status={report.status} />
        </p>
      }
    >
      <Section title="Status">
        <dl className="details-grid">
          <Fact name="Status">
            <StatusBadge status={report.status} />
          </Fact>
          <Fact name="Filed">{formatDateTime(report.created_at)}</Fact>
          <Fact name="Last change">{formatDateTime(report.status_updated_at)}</Fact>
          <Fact name="Category">{category}</Fact>
          <Fact name="Handled by">{report.department_name ?? 'Not assigned yet'}</Fact>
          <Fact name="Expected by">{formatDateTime(report.sla_due_at)}</Fact>
          <Fact name="Resolved">{formatDateTime(report.resolved_at)}</Fact>
          <Fact name="Public">{report.is_public ? 'Shown on the public map' : 'Private'}</Fact>
          {report.rejection_reason && <Fact name="Why it was rejected">{report.rejection_reason}</Fact>}
          {report.hold_reason && <Fact name="Why it is on hold">{report.hold_reason}</Fact>}
        </dl>
      </Section>
      <Section title="What and where">
        <p className="pre-line">{report.description}</p>
        <p className="muted">
          {report.address ? `${report.address} · ` : ''}
          {report.latitude.toFixed(5)}, {report.longitude.toFixed(5)}
        </p>
        <BaseMap label="Map: where the issue is" center={position} zoom={16}>
          <Marker position={position} icon={pinIcon} title={report.title} />
        </BaseMap>
      </Section>
      <Section title="Photos">
        {photos.length === 0 ? (
          <p className="muted">No photos.</p>
        ) : (
          <ul className="photo-grid">
            {photos.map((m, i) => (
              <li key={m.id}>
                <ReportPhoto reportId={report.id} mediaId={m.id} alt={m.caption ?? `Photo ${i + 1} of the issue`} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Progress">
        <ol className="timeline">
          {status_history.map((h) => (
            <li key={h.id}>
              <span className="nowrap">{formatDateTime(h.changed_at)}</span> <StatusBadge status={h.new_status} />
              {h.notes && <span className="muted"> {h.notes}</span>}
            </li>
          ))}
        </ol>
      </Section>
      {appeals.length > 0 && (
        <Section title="Appeals">
          <ul className="link-list">
            {appeals.map((a) => (
              <li key={a.id}>
                {label(a.appeal_type)}: {label(a.status)} ({formatDateTime(a.created_at)})
                {a.review_notes && <span className="muted"> {a.review_notes}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}
