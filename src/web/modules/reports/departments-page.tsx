// /reports/departments: departments (name, routing keywords, contacts) with their report counts; admins edit.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ConfirmDialog, Dialog } from '../../ui/dialog.tsx';
import { TextAreaField, TextField } from '../../ui/form-field.tsx';
import { Page } from '../../ui/page.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import type { Department } from './reports-types.ts';
import { useDepartments } from './use-departments.ts';

interface Stats {
  department_id: number;
  total_reports: number;
  open_reports: number;
  overdue_reports: number;
  officers: number;
  avg_resolution_hours: number | null;
}

export function DepartmentsPage() {
  const auth = useAuth();
  const toast = useToast();
  const departments = useDepartments();
  const stats = useQuery(['department-stats'], (signal) =>
    api.get<{ stats: Stats[] }>('/api/v1/reports/departments/stats/all', undefined, { signal }),
  );
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const save = useAction((body: Record<string, unknown>) =>
    editing === 'new'
      ? api.post('/api/v1/reports/departments', body)
      : api.put(`/api/v1/reports/departments/${(editing as Department).id}`, body),
  );
  // A delete answers 204 with no body: resolve true so success is told apart from failure (undefined).
  const remove = useAction(async (id: number) => {
    await api.del(`/api/v1/reports/departments/${id}`);
    return true;
  });
  const byId = new Map((stats.data?.stats ?? []).map((s) => [s.department_id, s]));
  const manage = auth.can('departments:manage');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const v = (n: string) => String(form.get(n) ?? '').trim() || null;
    const done = await save.run({
      name: v('name'),
      description: v('description'),
      keywords: v('keywords'),
      contact_email: v('contact_email'),
      contact_phone: v('contact_phone'),
    });
    if (done) {
      setEditing(null);
      toast.show('Department saved');
      departments.reload();
      stats.reload();
    }
  };
  const current = editing && editing !== 'new' ? editing : null;

  return (
    <Page
      title="Departments"
      actions={
        manage && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            New department
          </Button>
        )
      }
    >
      <ErrorAlert error={remove.error} />
      <DataTable
        caption="Departments"
        captionHidden
        rows={departments.data?.departments}
        loading={departments.loading}
        error={departments.error}
        rowKey={(d) => d.id}
        emptyTitle="No departments yet"
        columns={[
          { key: 'name', header: 'Name', render: (d) => d.name },
          { key: 'keywords', header: 'Routing keywords', render: (d) => d.keywords ?? '—' },
          { key: 'contact', header: 'Contact', render: (d) => d.contact_email ?? d.contact_phone ?? '—' },
          { key: 'open', header: 'Open', className: 'num', render: (d) => byId.get(d.id)?.open_reports ?? 0 },
          { key: 'overdue', header: 'Overdue', className: 'num', render: (d) => byId.get(d.id)?.overdue_reports ?? 0 },
          { key: 'officers', header: 'Officers', className: 'num', render: (d) => byId.get(d.id)?.officers ?? 0 },
          {
            key: 'act',
            header: 'Actions',
            render: (d) =>
              manage && (
                <span className="button-row">
                  <Button onClick={() => setEditing(d)}>Edit</Button>
                  <Button variant="danger" onClick={() => setDeleting(d)}>
                    Delete
                  </Button>
                </span>
              ),
          },
        ]}
      />
      <Dialog
        open={editing !== null}
        title={current ? `Edit ${current.name}` : 'New department'}
        onClose={() => setEditing(null)}
        footer={
          <Button variant="primary" type="submit" form="department-form" disabled={save.busy}>
            Save
          </Button>
        }
      >
        <form id="department-form" key={current?.id ?? 'new'} className="form-grid" onSubmit={submit}>
          <ErrorAlert error={save.error} />
          <TextField
            label="Name"
            name="name"
            required
            minLength={2}
            maxLength={255}
            defaultValue={current?.name ?? ''}
          />
          <TextAreaField
            label="Description"
            name="description"
            maxLength={5000}
            defaultValue={current?.description ?? ''}
          />
          <TextField
            label="Routing keywords"
            name="keywords"
            maxLength={5000}
            defaultValue={current?.keywords ?? ''}
            hint="Comma-separated words; reports mentioning them are classified to this department's category."
          />
          <TextField
            label="Contact email"
            name="contact_email"
            type="email"
            maxLength={255}
            defaultValue={current?.contact_email ?? ''}
          />
          <TextField
            label="Contact phone"
            name="contact_phone"
            maxLength={20}
            defaultValue={current?.contact_phone ?? ''}
          />
        </form>
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        danger
        confirmLabel="Delete"
        busy={remove.busy}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (deleting && (await remove.run(deleting.id)) !== undefined) {
            toast.show('Department deleted');
            departments.reload();
          }
          setDeleting(null);
        }}
      >
        Its staff become unassigned. A department that still has reports past intake cannot be deleted.
      </ConfirmDialog>
    </Page>
  );
}
