// A report's appeals: file one (the types the caller's role may file), and review (approve with reassignment
// or rework, reject) for reviewers.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { CheckboxField, SelectField, TextAreaField } from '../../ui/form-field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/page.tsx';
import { useAction } from '../../ui/use-query.ts';
import { type Appeal, appealTypes, label, type Report } from './reports-types.ts';
import { officerName, useDepartmentOfficers, useDepartments } from './use-departments.ts';

const text = (form: FormData, name: string) => {
  const v = String(form.get(name) ?? '').trim();
  return v === '' ? undefined : v;
};
const num = (form: FormData, name: string) => (text(form, name) ? Number(text(form, name)) : undefined);

/** An active nodal officer of the department, by name (optional). */
function OfficerPicker({
  label: text,
  name,
  departmentId,
}: {
  label: string;
  name: string;
  departmentId: number | null;
}) {
  const officers = useDepartmentOfficers(departmentId);
  const list = (officers.data?.officers ?? []).filter((o) => o.role === 'nodal_officer' && o.is_active);
  return (
    <SelectField
      label={text}
      name={name}
      options={[
        { value: '', label: list.length ? 'Nobody (keep as is)' : 'No officers in this department' },
        ...list.map((o) => ({ value: String(o.id), label: officerName(o) })),
      ]}
    />
  );
}

/** Approving an incorrect_assignment appeal: a new department and/or an officer of it. */
function ReassignFields({ report }: { report: Report }) {
  const departments = useDepartments();
  const [departmentId, setDepartmentId] = useState('');
  return (
    <>
      <SelectField
        label="Reassign to department"
        name="reassigned_to_department_id"
        value={departmentId}
        onChange={(event) => setDepartmentId(event.target.value)}
        options={[
          { value: '', label: 'Keep the department' },
          ...(departments.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name })),
        ]}
      />
      <OfficerPicker
        label="Reassign to officer"
        name="reassigned_to_user_id"
        departmentId={departmentId ? Number(departmentId) : report.department_id}
      />
    </>
  );
}

/** The appeal types the API lets this user file on this report (reporter, assigned officer, assigner). */
function typesFor(auth: ReturnType<typeof useAuth>, report: Report): string[] {
  const me = auth.user?.id;
  return [
    ...(me !== undefined && report.user_id === me ? appealTypes.citizen : []),
    ...(me !== undefined && report.assigned_officer_id === me ? appealTypes.officer : []),
    ...(auth.can('reports:assign') ? appealTypes.admin : []),
  ];
}

export function AppealsSection({ report, appeals, onChange }: { report: Report; appeals: Appeal[]; onChange(): void }) {
  const auth = useAuth();
  const types = auth.can('appeals:create') ? typesFor(auth, report) : [];
  const [filing, setFiling] = useState(false);
  const [reviewing, setReviewing] = useState<Appeal | null>(null);
  const file = useAction((body: Record<string, unknown>) => api.post('/api/v1/reports/appeals', body));
  const review = useAction((id: number, body: Record<string, unknown>) =>
    api.post(`/api/v1/reports/appeals/${id}/review`, body),
  );

  const submitFile = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await file.run({
      report_id: report.id,
      appeal_type: text(form, 'appeal_type'),
      reason: text(form, 'reason'),
      evidence: text(form, 'evidence'),
    });
    if (done) {
      setFiling(false);
      onChange();
    }
  };
  const submitReview = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await review.run(reviewing!.id, {
      status: text(form, 'status'),
      review_notes: text(form, 'review_notes'),
      reassigned_to_user_id: num(form, 'reassigned_to_user_id'),
      reassigned_to_department_id: num(form, 'reassigned_to_department_id'),
      requires_rework: form.get('requires_rework') === 'on' ? true : undefined,
      rework_assigned_to_user_id: num(form, 'rework_assigned_to_user_id'),
      rework_notes: text(form, 'rework_notes'),
    });
    if (done) {
      setReviewing(null);
      onChange();
    }
  };

  return (
    <Section
      title="Appeals"
      actions={types.length > 0 && <Button onClick={() => setFiling(true)}>File an appeal</Button>}
    >
      <DataTable
        caption="Appeals"
        captionHidden
        rows={appeals}
        rowKey={(a) => a.id}
        emptyTitle="No appeals"
        columns={[
          { key: 'type', header: 'Type', render: (a) => label(a.appeal_type) },
          {
            key: 'status',
            header: 'Status',
            render: (a) =>
              `${label(a.status)}${a.requires_rework ? (a.rework_completed ? ' (rework done)' : ' (rework required)') : ''}`,
          },
          { key: 'reason', header: 'Reason', render: (a) => a.reason },
          { key: 'filed', header: 'Filed', className: 'nowrap', render: (a) => formatDateTime(a.created_at) },
          {
            key: 'act',
            header: 'Review',
            render: (a) =>
              auth.can('appeals:review') && ['submitted', 'under_review'].includes(a.status) ? (
                <Button onClick={() => setReviewing(a)}>Review</Button>
              ) : null,
          },
        ]}
      />
      <Dialog
        open={filing}
        title="File an appeal"
        onClose={() => setFiling(false)}
        footer={
          <Button variant="primary" type="submit" form="appeal-file" disabled={file.busy}>
            File the appeal
          </Button>
        }
      >
        <form id="appeal-file" className="form-grid" onSubmit={submitFile}>
          <ErrorAlert error={file.error} />
          <SelectField
            label="Type"
            name="appeal_type"
            required
            options={types.map((t) => ({ value: t, label: label(t) }))}
          />
          <TextAreaField label="Reason" name="reason" required minLength={3} maxLength={5000} />
          <TextAreaField label="Evidence" name="evidence" maxLength={5000} />
        </form>
      </Dialog>
      <Dialog
        open={reviewing !== null}
        title="Review the appeal"
        onClose={() => setReviewing(null)}
        footer={
          <Button variant="primary" type="submit" form="appeal-review" disabled={review.busy}>
            Save the review
          </Button>
        }
      >
        <form id="appeal-review" className="form-grid" onSubmit={submitReview}>
          <ErrorAlert error={review.error} />
          <SelectField
            label="Decision"
            name="status"
            options={[
              { value: 'under_review', label: 'Under review' },
              { value: 'approved', label: 'Approve' },
              { value: 'rejected', label: 'Reject' },
            ]}
          />
          <TextAreaField label="Review notes" name="review_notes" maxLength={5000} />
          {reviewing?.appeal_type === 'incorrect_assignment' && <ReassignFields report={report} />}
          {reviewing?.appeal_type === 'resolution' && (
            <>
              <CheckboxField label="Requires rework (the report goes back to in progress)" name="requires_rework" />
              <OfficerPicker
                label="Rework by officer (optional)"
                name="rework_assigned_to_user_id"
                departmentId={report.department_id}
              />
              <TextAreaField label="Rework notes" name="rework_notes" maxLength={5000} />
            </>
          )}
        </form>
      </Dialog>
    </Section>
  );
}
