// Change a user's role with a reason (POST /api/v1/users/:id/role); it lands in the role history and the audit log.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextAreaField } from '../../../ui/form-field.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { roleLabel } from '../identity-types.ts';
import { grantableRoles, useRoles } from '../use-roles.ts';

export function ChangeRoleDialog({
  user,
  open,
  onClose,
  onChanged,
}: {
  user: User;
  open: boolean;
  onClose(): void;
  onChanged(user: User): void;
}) {
  const auth = useAuth();
  const roles = useRoles();
  const [role, setRole] = useState('');
  const [reason, setReason] = useState('');
  const change = useAction((body: { role: string; reason: string }) =>
    api.post<{ user: User }>(`/api/v1/users/${user.id}/role`, body),
  );
  const options = grantableRoles(roles.data, auth.user?.role)
    .filter((r) => r.name !== user.role)
    .map((r) => ({ value: r.name, label: `${roleLabel(r.name)} (level ${r.level})` }));

  const close = () => {
    setRole('');
    setReason('');
    change.reset();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await change.run({ role, reason: reason.trim() });
    if (answer) {
      setRole('');
      setReason('');
      onChanged(answer.user);
    }
  };

  return (
    <Dialog
      open={open}
      title="Change role"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            form="change-role"
            variant="primary"
            busy={change.busy}
            disabled={!role || !reason.trim()}
          >
            Change role
          </Button>
        </>
      }
    >
      <form id="change-role" onSubmit={submit} noValidate>
        <p>
          Current role: <strong>{roleLabel(user.role)}</strong>
        </p>
        <ErrorAlert error={change.error} />
        <SelectField
          label="New role"
          name="role"
          required
          value={role}
          onChange={(e) => setRole(e.target.value)}
          options={[{ value: '', label: roles.loading ? 'Loading roles…' : 'Choose a role' }, ...options]}
        />
        <TextAreaField
          label="Reason"
          name="reason"
          required
          maxLength={500}
          rows={3}
          hint="Kept in the role history and the audit log."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
