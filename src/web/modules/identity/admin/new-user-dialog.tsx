// Create a user (POST /api/v1/users): a way to sign in (username, email or phone), a role, names.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { roleLabel } from '../identity-types.ts';
import { passwordHint } from '../password/password-rules.ts';
import { grantableRoles, useRoles } from '../use-roles.ts';

const empty = { username: '', email: '', phone: '', password: '', role: '', full_name: '', employee_id: '' };

export function NewUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(user: User): void;
}) {
  const auth = useAuth();
  const roles = useRoles();
  const [form, setForm] = useState(empty);
  const create = useAction((body: Record<string, string>) => api.post<{ user: User }>('/api/v1/users', body));
  const options = grantableRoles(roles.data, auth.user?.role).map((r) => ({
    value: r.name,
    label: `${roleLabel(r.name)} (level ${r.level})`,
  }));
  const identifier = form.username.trim() || form.email.trim() || form.phone.trim();

  const close = () => {
    setForm(empty);
    create.reset();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) if (v.trim()) body[k] = k === 'password' ? v : v.trim();
    const answer = await create.run(body);
    if (answer) {
      setForm(empty);
      onCreated(answer.user);
    }
  };
  const field = (key: keyof typeof empty) => ({
    name: key,
    value: form[key],
    error: create.error && (create.error as any).fieldError?.(key),
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <Dialog
      open={open}
      title="New user"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            form="new-user"
            variant="primary"
            busy={create.busy}
            disabled={!identifier || !form.role}
          >
            Create user
          </Button>
        </>
      }
    >
      <form id="new-user" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <TextField label="Full name" autoComplete="off" maxLength={255} {...field('full_name')} />
        <SelectField
          label="Role"
          required
          options={[{ value: '', label: roles.loading ? 'Loading roles…' : 'Choose a role' }, ...options]}
          {...field('role')}
        />
        <p className="muted">At least one of username, email or phone, to sign in with.</p>
        <TextField label="Username" autoComplete="off" autoCapitalize="none" maxLength={100} {...field('username')} />
        <TextField label="Email" type="email" autoComplete="off" maxLength={255} {...field('email')} />
        <TextField
          label="Phone"
          type="tel"
          hint="International form, e.g. +15555550123"
          maxLength={16}
          {...field('phone')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          hint={`${passwordHint} Leave empty for an account that signs in by phone code or resets its password.`}
          {...field('password')}
        />
        <TextField label="Employee ID" autoComplete="off" maxLength={50} {...field('employee_id')} />
      </form>
    </Dialog>
  );
}
