// A report's escalations: escalate (level, reason, SLA hours) and acknowledge, resolve or de-escalate.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/page.tsx';
import { useAction } from '../../ui/use-query.ts';
import {
  type Escalation,
  escalationLevels,
  escalationReasons,
  label,
  levelLabels,
  type Report,
} from './reports-types.ts';

const open = ['escalated', 'acknowledged', 'under_review', 'action_taken'];

export function EscalationsSection({
  report,
  escalations,
  onChange,
}: {
  report: Report;
  escalations: Escalation[];
  onChange(): void;
}) {
  const auth = useAuth();
  const [creating, setCreating] = useState(false);
  const create = useAction((body: Record<string, unknown>) => api.post('/api/v1/reports/escalations', body));
  const change = useAction((id: number, what: string) => api.post(`/api/v1/reports/escalations/${id}/${what}`, {}));
  if (!auth.can('escalations:read')) return null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const hours = String(form.get('sla_hours') ?? '').trim();
    const done = await create.run({
      report_id: report.id,
      level: form.get('level'),
      reason: form.get('reason'),
      description: String(form.get('description') ?? '').trim(),
      ...(hours ? { sla_hours: Number(hours) } : {}),
    });
    if (done) {
      setCreating(false);
      onChange();
    }
  };
  const act = async (id: number, what: string) => {
    if (await change.run(id, what)) onChange();
  };

  return (
    <Section
      title="Escalations"
      actions={auth.can('escalations:create') && <Button onClick={() => setCreating(true)}>Escalate</Button>}
    >
      <ErrorAlert error={change.error} />
      <DataTable
        caption="Escalations"
        captionHidden
        rows={escalations}
        rowKey={(e) => e.id}
        emptyTitle="Not escalated"
        columns={[
          { key: 'level', header: 'Level', render: (e) => levelLabels[e.level] ?? e.level },
          { key: 'reason', header: 'Reason', render: (e) => label(e.reason) },
          { key: 'status', header: 'Status', render: (e) => label(e.status) },
          {
            key: 'sla',
            header: 'SLA deadline',
            className: 'nowrap',
            render: (e) => (
              <>
                {formatDateTime(e.sla_deadline)} {e.is_overdue && <span className="badge badge-overdue">Overdue</span>}
              </>
            ),
          },
          { key: 'desc', header: 'Description', render: (e) => e.description },
          {
            key: 'act',
            header: 'Actions',
            render: (e) =>
              open.includes(e.status) && (
                <span className="button-row">
                  {e.status === 'escalated' && <Button onClick={() => act(e.id, 'acknowledge')}>Acknowledge</Button>}
                  <Button onClick={() => act(e.id, 'resolve')}>Resolve</Button>
                  <Button onClick={() => act(e.id, 'de-escalate')}>De-escalate</Button>
                </span>
              ),
          },
        ]}
      />
      <Dialog
        open={creating}
        title="Escalate the report"
        onClose={() => setCreating(false)}
        footer={
          <Button variant="primary" type="submit" form="escalate" disabled={create.busy}>
            Escalate
          </Button>
        }
      >
        <form id="escalate" className="form-grid" onSubmit={submit}>
          <ErrorAlert error={create.error} />
          <SelectField
            label="Level"
            name="level"
            options={escalationLevels.map((l) => ({ value: l, label: levelLabels[l] }))}
          />
          <SelectField
            label="Reason"
            name="reason"
            options={escalationReasons.map((r) => ({ value: r, label: label(r) }))}
          />
          <TextAreaField label="Description" name="description" required minLength={3} maxLength={5000} />
          <TextField
            label="SLA hours"
            name="sla_hours"
            type="number"
            min={1}
            max={720}
            placeholder="24"
            hint="The escalation is overdue after this many hours (24 by default)."
          />
        </form>
      </Dialog>
    </Section>
  );
}
