// Edit a user's details (PATCH /api/v1/users/:id); only changed fields are sent, emptied ones as null.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { useAction } from '../../../ui/use-query.ts';

const keys = [
  'full_name',
  'first_name',
  'last_name',
  'username',
  'email',
  'phone',
  'employee_id',
  'primary_address',
] as const;
type Key = (typeof keys)[number];
const labels: Record<Key, string> = {
  full_name: 'Full name',
  first_name: 'First name',
  last_name: 'Last name',
  username: 'Username',
  email: 'Email',
  phone: 'Phone',
  employee_id: 'Employee ID',
  primary_address: 'Address',
};
const limits: Record<Key, number> = {
  full_name: 255,
  first_name: 100,
  last_name: 100,
  username: 100,
  email: 255,
  phone: 16,
  employee_id: 50,
  primary_address: 500,
};

const initial = (user: User) => Object.fromEntries(keys.map((k) => [k, user[k] ?? ''])) as Record<Key, string>;

export function EditUserDialog({
  user,
  open,
  onClose,
  onSaved,
}: {
  user: User;
  open: boolean;
  onClose(): void;
  onSaved(user: User): void;
}) {
  const [form, setForm] = useState(() => initial(user));
  const save = useAction((body: Record<string, unknown>) =>
    api.patch<{ user: User }>(`/api/v1/users/${user.id}`, body),
  );
  const changes: Record<string, string | null> = {};
  for (const k of keys) {
    const v = form[k].trim();
    if (v !== (user[k] ?? '')) changes[k] = v === '' ? null : v;
  }

  const close = () => {
    setForm(initial(user));
    save.reset();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await save.run(changes);
    if (answer) onSaved(answer.user);
  };

  return (
    <Dialog
      open={open}
      title="Edit user"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            form="edit-user"
            variant="primary"
            busy={save.busy}
            disabled={Object.keys(changes).length === 0}
          >
            Save
          </Button>
        </>
      }
    >
      <form id="edit-user" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        {keys.map((k) => (
          <TextField
            key={k}
            label={labels[k]}
            name={k}
            type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
            autoComplete="off"
            maxLength={limits[k]}
            error={(save.error as any)?.fieldError?.(k)}
            value={form[k]}
            onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
          />
        ))}
      </form>
    </Dialog>
  );
}
