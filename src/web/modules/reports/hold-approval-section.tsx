// On a report on hold: whether the hold waits for an administrator's approval; the assigned officer may ask for
// it, an administrator approves it (optionally extending the resume date) or refuses it (work resumes).
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField, TextField } from '../../ui/form-field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/page.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAction } from '../../ui/use-query.ts';
import type { Report, Task } from './reports-types.ts';

type HeldReport = Report & {
  hold_approval_required?: boolean;
  hold_approved_by_user_id?: number | null;
  estimated_resume_date?: string | null;
};

export function HoldApprovalSection({
  report,
  task,
  onDone,
}: {
  report: HeldReport;
  task: Task | null;
  onDone(): void;
}) {
  const auth = useAuth();
  const toast = useToast();
  const [notes, setNotes] = useState('');
  const [days, setDays] = useState('');
  const ask = useAction(() => api.post(`/api/v1/reports/hold-approvals/${report.id}/request-approval`, {}));
  const decide = useAction((approved: boolean) =>
    api.post(`/api/v1/reports/hold-approvals/${report.id}/approve`, {
      approved,
      ...(notes.trim() ? { approval_notes: notes.trim() } : {}),
      ...(approved && days ? { extended_duration_days: Number(days) } : {}),
    }),
  );
  if (report.status !== 'on_hold' || !task) return null;
  const ownTask = auth.user?.id === task.assigned_to && auth.can('tasks:work');
  const admin = auth.can('tasks:manage');
  if (!ownTask && !admin) return null;
  const state = report.hold_approval_required
    ? 'Waiting for an administrator to approve this hold.'
    : report.hold_approved_by_user_id
      ? `Hold approved by user ${report.hold_approved_by_user_id}.`
      : 'No approval requested (a hold older than 7 days needs one).';

  const submit = (approved: boolean) => async (e?: FormEvent) => {
    e?.preventDefault();
    if (await decide.run(approved)) {
      toast.show(approved ? 'Hold approved' : 'Hold refused: work resumes');
      setNotes('');
      setDays('');
      onDone();
    }
  };

  return (
    <Section title="Hold approval">
      <p>{state}</p>
      {report.estimated_resume_date && <p>Expected to resume {formatDateTime(report.estimated_resume_date)}.</p>}
      {ask.error ? <ErrorAlert error={ask.error} /> : null}
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      {ownTask && !report.hold_approval_required && (
        <Button
          busy={ask.busy}
          onClick={async () => {
            if (await ask.run()) {
              toast.show('Approval requested');
              onDone();
            }
          }}
        >
          Ask an administrator to approve this hold
        </Button>
      )}
      {admin && (
        <form onSubmit={submit(true)}>
          <TextAreaField
            label="Approval notes"
            value={notes}
            maxLength={5000}
            onChange={(e) => setNotes(e.target.value)}
          />
          <TextField
            label="Extend the hold by (days)"
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={decide.busy}>
              Approve the hold
            </Button>
            <Button busy={decide.busy} onClick={() => submit(false)()}>
              Refuse the hold (work resumes)
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
