// The form behind one workflow action: the fields the action needs, sent to POST /api/v1/reports/:id/<action>.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { useAction } from '../../ui/use-query.ts';
import { type AvailableAction, type Candidate, categories, label, type Report, severities } from './reports-types.ts';
import { officerName, useDepartmentOfficers, useDepartments } from './use-departments.ts';

interface Props {
  report: Report;
  action: AvailableAction | null;
  candidates: Candidate[];
  /** The original preselected when marking a duplicate from the candidates list. */
  duplicateOf?: number | null;
  onClose(): void;
  onDone(report: Report): void;
}

const titles: Record<string, string> = {
  classify: 'Classify',
  'assign-department': 'Assign a department',
  'assign-officer': 'Assign an officer',
  acknowledge: 'Acknowledge',
  'start-work': 'Start work',
  'submit-for-verification': 'Submit for verification',
  'on-hold': 'Put on hold',
  'approve-resolution': 'Approve the resolution',
  'reject-resolution': 'Send the work back',
  reject: 'Reject the report',
  'mark-duplicate': 'Mark as duplicate',
  reopen: 'Reopen',
  'reject-assignment': 'Reject the assignment',
  status: 'Change status',
  'add-update': 'Add a progress update',
};

/** Actions a screen opens without a status move of the table (to_status ''). */
const sideTitles: Record<string, string> = {
  classify: 'Override the classification',
  'assign-officer': 'Reassign the officer',
};

export function actionTitle(action: AvailableAction): string {
  if (action.to_status === '' && sideTitles[action.action]) return sideTitles[action.action];
  return action.action === 'status'
    ? `Move to ${label(action.to_status).toLowerCase()}`
    : (titles[action.action] ?? label(action.action));
}

/** An action that is not a move of the table, as the report screen opens it. */
export function sideAction(action: string): AvailableAction {
  return { action, to_status: '', enabled: true, disabled_reason: null, disabled_code: null };
}

function OfficerSelect({ departmentId }: { departmentId: number | null }) {
  const officers = useDepartmentOfficers(departmentId);
  const list = (officers.data?.officers ?? []).filter((o) => o.role === 'nodal_officer' && o.is_active);
  return (
    <SelectField
      label="Officer"
      name="officer_id"
      required
      options={[
        { value: '', label: list.length ? 'Choose an officer' : 'No officers in this department' },
        ...list.map((o) => ({ value: String(o.id), label: officerName(o) })),
      ]}
    />
  );
}

/** The body each action sends, read from the form. */
function bodyFor(action: AvailableAction, form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = String(form.get(name) ?? '').trim();
    return v === '' ? undefined : v;
  };
  const num = (name: string) => (text(name) === undefined ? undefined : Number(text(name)));
  switch (action.action) {
    case 'classify':
      return {
        manual_category: text('manual_category'),
        manual_severity: text('manual_severity'),
        classification_notes: text('classification_notes'),
      };
    case 'assign-department':
      return { department_id: num('department_id'), notes: text('notes') };
    case 'assign-officer':
      return { officer_id: num('officer_id'), priority: num('priority'), notes: text('notes') };
    case 'submit-for-verification':
      return { resolution_notes: text('resolution_notes'), notes: text('notes') };
    case 'on-hold':
      return {
        hold_reason: text('reason'),
        estimated_resume_date: text('estimated_resume_date'),
        notes: text('notes'),
      };
    case 'reject':
      return { rejection_reason: text('reason'), notes: text('notes') };
    case 'reject-resolution':
    case 'reject-assignment':
    case 'reopen':
      return { reason: text('reason'), ...(action.action === 'reject-assignment' ? {} : { notes: text('notes') }) };
    case 'mark-duplicate':
      return {
        duplicate_of_report_id: num('duplicate_of_id_typed') ?? num('duplicate_of_report_id'),
        notes: text('notes'),
      };
    case 'status':
      return { status: action.to_status, notes: text('notes') };
    case 'add-update':
      return { notes: text('notes') };
    default:
      return { notes: text('notes') };
  }
}

export function ActionDialog({ report, action, candidates, duplicateOf, onClose, onDone }: Props) {
  const departments = useDepartments();
  const [formId] = useState(() => `action-${Math.random().toString(36).slice(2)}`);
  const send = useAction((body: Record<string, unknown>) =>
    action!.action === 'classify'
      ? api.put<Report>(`/api/v1/reports/${report.id}/classify`, body)
      : api.post<Report>(`/api/v1/reports/${report.id}/${action!.action}`, body),
  );
  if (!action) return null;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const done = await send.run(bodyFor(action, new FormData(event.currentTarget)));
    if (done) onDone(done);
  };
  const needsReason = ['on-hold', 'reject', 'reject-resolution', 'reject-assignment'].includes(action.action);
  return (
    <Dialog
      open
      title={actionTitle(action)}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} disabled={send.busy}>
            {send.busy ? 'Saving…' : actionTitle(action)}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="form-grid">
        <ErrorAlert error={send.error} />
        {action.action === 'classify' && (
          <>
            <SelectField
              label="Category"
              name="manual_category"
              defaultValue={report.manual_category ?? report.category ?? ''}
              options={[{ value: '', label: 'Keep' }, ...categories.map((c) => ({ value: c, label: label(c) }))]}
            />
            <SelectField
              label="Severity"
              name="manual_severity"
              defaultValue={report.manual_severity ?? report.severity}
              options={severities.map((s) => ({ value: s, label: label(s) }))}
            />
            <TextAreaField
              label="Classification notes"
              name="classification_notes"
              defaultValue={report.classification_notes ?? ''}
              maxLength={5000}
            />
          </>
        )}
        {action.action === 'assign-department' && (
          <SelectField
            label="Department"
            name="department_id"
            required
            defaultValue={report.department_id ? String(report.department_id) : ''}
            options={[
              { value: '', label: 'Choose a department' },
              ...(departments.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name })),
            ]}
          />
        )}
        {action.action === 'assign-officer' && (
          <>
            <OfficerSelect departmentId={report.department_id} />
            <TextField label="Priority (1–10)" name="priority" type="number" min={1} max={10} defaultValue="5" />
          </>
        )}
        {action.action === 'submit-for-verification' && (
          <TextAreaField label="Resolution notes" name="resolution_notes" maxLength={5000} />
        )}
        {needsReason && <TextAreaField label="Reason" name="reason" required maxLength={2000} />}
        {action.action === 'reopen' && <TextAreaField label="Reason" name="reason" maxLength={2000} />}
        {action.action === 'on-hold' && (
          <TextField label="Expected to resume" name="estimated_resume_date" type="date" />
        )}
        {action.action === 'mark-duplicate' && (
          <>
            <SelectField
              label="Original report"
              name="duplicate_of_report_id"
              hint="Candidates nearby with similar text; or type the original's id below."
              defaultValue={duplicateOf ? String(duplicateOf) : ''}
              options={[
                { value: '', label: candidates.length ? 'Choose the original' : 'No candidates found' },
                ...candidates.map((c) => ({
                  value: String(c.id),
                  label: `${c.report_number ?? c.id} — ${c.title} (${Math.round(c.distance_m)} m)`,
                })),
              ]}
            />
            <TextField label="Original report id" name="duplicate_of_id_typed" type="number" min={1} />
          </>
        )}
        {action.action !== 'reject-assignment' && action.action !== 'classify' && (
          <TextAreaField
            label={action.action === 'add-update' ? 'Update' : 'Notes'}
            name="notes"
            required={action.action === 'add-update'}
            maxLength={5000}
          />
        )}
      </form>
    </Dialog>
  );
}
