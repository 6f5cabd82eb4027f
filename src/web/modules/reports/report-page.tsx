// /reports/:id: one report — its facts, the workflow actions the transition table allows from its status for the
// signed-in role (disabled with the reason when a prerequisite is missing), status history, task, duplicate
// candidates, media, appeals and escalations.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useQuery } from '../../ui/use-query.ts';
import { ActionDialog, actionTitle } from './action-dialog.tsx';
import { AppealsSection } from './appeals-section.tsx';
import { EscalationsSection } from './escalations-section.tsx';
import { type AvailableAction, label, type ReportDetail } from './reports-types.ts';
import { OverdueBadge, SeverityBadge, StatusBadge } from './status-badge.tsx';

const addUpdate: AvailableAction = {
  action: 'add-update',
  to_status: '',
  enabled: true,
  disabled_reason: null,
  disabled_code: null,
};

export function ReportPage() {
  const { id } = useParams();
  const auth = useAuth();
  const toast = useToast();
  const detail = useQuery(['report', id], (signal) =>
    api.get<ReportDetail>(`/api/v1/reports/${id}`, undefined, { signal }),
  );
  const [acting, setActing] = useState<AvailableAction | null>(null);

  if (detail.loading && !detail.data) return <Spinner label="Loading the report" />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const { report, status_history, task, duplicate_candidates, media, available_actions } = detail.data;
  const fact = (name: string, value: React.ReactNode) => (
    <>
      <dt>{name}</dt>
      <dd>{value ?? '—'}</dd>
    </>
  );

  return (
    <Page
      title={`${report.report_number ?? `Report ${report.id}`}: ${report.title}`}
      actions={<Link to="/reports/queue">Back to the queue</Link>}
    >
      <Section title="Report">
        <dl className="facts">
          {fact('Status', <StatusBadge status={report.status} />)}
          {fact('Severity', <SeverityBadge severity={report.severity} />)}
          {fact(
            'Category',
            `${label(report.category)}${report.ai_category ? ` (rules suggested ${label(report.ai_category)}, ${Math.round((report.ai_confidence ?? 0) * 100)}%)` : ''}`,
          )}
          {fact('Department', report.department_name)}
          {fact(
            'SLA due',
            <>
              {formatDateTime(report.sla_due_at)} <OverdueBadge overdue={report.is_overdue} />
            </>,
          )}
          {fact(
            'Location',
            `${report.address ?? ''} ${report.landmark ? `(${report.landmark})` : ''} ${report.latitude.toFixed(5)}, ${report.longitude.toFixed(5)}`,
          )}
          {fact('Ward / district', `${report.ward_number ?? '—'} / ${report.district ?? '—'}`)}
          {fact('Filed', formatDateTime(report.created_at))}
          {report.hold_reason && fact('Hold reason', report.hold_reason)}
          {report.rejection_reason && fact('Rejection reason', report.rejection_reason)}
          {report.assignment_rejection_reason && fact('Assignment rejected', report.assignment_rejection_reason)}
          {report.duplicate_of_report_id &&
            fact(
              'Duplicate of',
              <Link to={`/reports/${report.duplicate_of_report_id}`}>Report {report.duplicate_of_report_id}</Link>,
            )}
        </dl>
        <p className="prewrap">{report.description}</p>
      </Section>

      <Section title="Actions">
        {available_actions.length === 0 && (
          <p>No workflow action is open to your role from {label(report.status).toLowerCase()}.</p>
        )}
        <ul className="action-list">
          {available_actions.map((a) => (
            <li key={`${a.action}-${a.to_status}`}>
              <Button
                variant={a.enabled ? 'primary' : 'secondary'}
                disabled={!a.enabled}
                aria-describedby={a.enabled ? undefined : `why-${a.to_status}`}
                onClick={() => setActing(a)}
              >
                {actionTitle(a)}
              </Button>
              {!a.enabled && (
                <span id={`why-${a.to_status}`} className="field-hint">
                  {a.disabled_reason}
                </span>
              )}
            </li>
          ))}
          {auth.can('reports:update_status') && (
            <li>
              <Button onClick={() => setActing(addUpdate)}>Add a progress update</Button>
            </li>
          )}
          {auth.can('reports:assign') &&
            report.department_id &&
            ['assigned_to_department', 'on_hold', 'assignment_rejected'].includes(report.status) && (
              <li>
                <Button
                  onClick={async () => {
                    try {
                      await api.post(`/api/v1/reports/${report.id}/auto-assign-officer`, {});
                      toast.show('Assigned to the least-loaded officer');
                      detail.reload();
                    } catch (err) {
                      toast.show((err as Error).message);
                    }
                  }}
                >
                  Auto-assign an officer
                </Button>
              </li>
            )}
        </ul>
      </Section>

      <Section title="Status history">
        <DataTable
          caption="Status history"
          captionHidden
          rows={status_history}
          rowKey={(h) => h.id}
          columns={[
            { key: 'when', header: 'When', className: 'nowrap', render: (h) => formatDateTime(h.changed_at) },
            {
              key: 'change',
              header: 'Change',
              render: (h) =>
                h.old_status === h.new_status ? 'Update' : `${label(h.old_status)} → ${label(h.new_status)}`,
            },
            {
              key: 'by',
              header: 'By',
              render: (h) => (h.changed_by_user_id ? `User ${h.changed_by_user_id}` : 'System'),
            },
            { key: 'notes', header: 'Notes', render: (h) => h.notes ?? '' },
          ]}
        />
      </Section>

      <Section title="Task">
        {task ? (
          <dl className="facts">
            {fact('Officer', `User ${task.assigned_to}`)}
            {fact('Task status', label(task.status))}
            {fact('Priority', task.priority)}
            {fact(
              'SLA deadline',
              `${formatDateTime(task.sla_deadline)}${task.sla_violated === 2 ? ' (violated)' : task.sla_violated === 1 ? ' (at risk)' : ''}`,
            )}
            {fact('Acknowledged', formatDateTime(task.acknowledged_at))}
            {fact('Started', formatDateTime(task.started_at))}
            {fact('Resolved', formatDateTime(task.resolved_at))}
            {task.notes && fact('Notes', task.notes)}
            {task.resolution_notes && fact('Resolution notes', task.resolution_notes)}
          </dl>
        ) : (
          <p>No officer is assigned yet.</p>
        )}
      </Section>

      <Section title="Possible duplicates">
        <DataTable
          caption="Possible duplicates"
          captionHidden
          rows={duplicate_candidates}
          rowKey={(c) => c.id}
          emptyTitle="No open report of this category nearby has similar text"
          columns={[
            {
              key: 'n',
              header: 'Report',
              render: (c) => <Link to={`/reports/${c.id}`}>{c.report_number ?? c.id}</Link>,
            },
            { key: 't', header: 'Title', render: (c) => c.title },
            { key: 's', header: 'Status', render: (c) => <StatusBadge status={c.status} /> },
            { key: 'd', header: 'Distance', className: 'num', render: (c) => `${Math.round(c.distance_m)} m` },
            {
              key: 'sim',
              header: 'Text similarity',
              className: 'num',
              render: (c) => `${Math.round(c.text_similarity * 100)}%`,
            },
          ]}
        />
      </Section>

      {media.length > 0 && (
        <Section title="Media">
          <ul>
            {media.map((m) => (
              <li key={m.id}>
                <a href={m.file_url}>{m.caption ?? `${label(m.file_type.toLowerCase())} ${m.id}`}</a>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <AppealsSection report={report} appeals={detail.data.appeals} onChange={detail.reload} />
      <EscalationsSection report={report} escalations={detail.data.escalations} onChange={detail.reload} />

      <ActionDialog
        report={report}
        action={acting}
        candidates={duplicate_candidates}
        onClose={() => setActing(null)}
        onDone={(updated) => {
          setActing(null);
          toast.show(`Report is now ${label(updated.status).toLowerCase()}`);
          detail.reload();
        }}
      />
    </Page>
  );
}
