// /reports/:id: one report — its facts, the workflow actions the transition table allows from its status for the
// signed-in role (from the API's available_actions, disabled with the reason when a prerequisite is missing),
// classification, status history, task, duplicate candidates, media, appeals and escalations.
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
import { ActionDialog, actionTitle, sideAction } from './action-dialog.tsx';
import { HoldApprovalSection } from './hold-approval-section.tsx';
import { AppealsSection } from './appeals-section.tsx';
import { ClassificationSection } from './classification-section.tsx';
import { DuplicatesSection } from './duplicates-section.tsx';
import { EscalationsSection } from './escalations-section.tsx';
import { type AvailableAction, label, type Report, type ReportDetail } from './reports-types.ts';
import { OverdueBadge, SeverityBadge, StatusBadge } from './status-badge.tsx';
import { TaskSection } from './task-section.tsx';

export function ReportPage() {
  const { id } = useParams();
  const auth = useAuth();
  const toast = useToast();
  const detail = useQuery(['report', id], (signal) =>
    api.get<ReportDetail>(`/api/v1/reports/${id}`, undefined, { signal }),
  );
  const [acting, setActing] = useState<{ action: AvailableAction; duplicateOf?: number } | null>(null);
  const [opened, setOpened] = useState(0);
  const open = (action: AvailableAction, duplicateOf?: number) => {
    setOpened((n) => n + 1);
    setActing({ action, duplicateOf });
  };

  if (detail.loading && !detail.data) return <Spinner label="Loading the report" />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const { report, status_history, task, duplicate_candidates, media, available_actions } = detail.data;
  const markDuplicate = available_actions.find((a) => a.action === 'mark-duplicate' && a.enabled);
  const fact = (name: string, value: React.ReactNode) => (
    <>
      <dt>{name}</dt>
      <dd>{value ?? '—'}</dd>
    </>
  );
  const done = (updated: Report, message = `Report is now ${label(updated.status).toLowerCase()}`) => {
    setActing(null);
    toast.show(message);
    detail.reload();
  };
  const autoAssign = async () => {
    try {
      const updated = await api.post<Report>(`/api/v1/reports/${report.id}/auto-assign-officer`, {});
      done(updated, 'Assigned to the least-loaded officer');
    } catch (err) {
      toast.show((err as Error).message);
    }
  };

  return (
    <Page
      title={`${report.report_number ?? `Report ${report.id}`}: ${report.title}`}
      actions={<Link to="/reports/queue">Back to the queue</Link>}
    >
      <Section title="Report">
        <dl className="facts">
          {fact('Status', <StatusBadge status={report.status} />)}
          {fact('Severity', <SeverityBadge severity={report.severity} />)}
          {fact('Category', label(report.category))}
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
                data-to-status={a.to_status}
                aria-describedby={a.enabled ? undefined : `why-${a.to_status}`}
                onClick={() => open(a)}
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
              <Button onClick={() => open(sideAction('add-update'))}>Add a progress update</Button>
            </li>
          )}
        </ul>
      </Section>

      <HoldApprovalSection report={report} task={task} onDone={detail.reload} />

      <ClassificationSection report={report} onOverride={() => open(sideAction('classify'))} />

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
                h.old_status === h.new_status
                  ? 'Update'
                  : h.old_status === null
                    ? `Filed: ${label(h.new_status)}`
                    : `${label(h.old_status)} → ${label(h.new_status)}`,
            },
            {
              key: 'by',
              header: 'By',
              render: (h) => (h.changed_by_user_id ? (h.changed_by_name ?? `User ${h.changed_by_user_id}`) : 'System'),
            },
            { key: 'notes', header: 'Notes', render: (h) => h.notes ?? '' },
          ]}
        />
      </Section>

      <TaskSection
        report={report}
        task={task}
        onReassign={() => open(sideAction('assign-officer'))}
        onAutoAssign={autoAssign}
      />

      <DuplicatesSection
        candidates={duplicate_candidates}
        onMarkDuplicate={markDuplicate ? (original) => open(markDuplicate, original) : undefined}
      />

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
        key={opened}
        report={report}
        action={acting?.action ?? null}
        duplicateOf={acting?.duplicateOf}
        candidates={duplicate_candidates}
        onClose={() => setActing(null)}
        onDone={(updated) => done(updated)}
      />
    </Page>
  );
}
