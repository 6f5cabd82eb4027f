// Change my password (POST /api/v1/auth/change-password); the server signs out the other sessions.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { Section } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { newPasswordError, passwordHint, passwordProblems } from '../password/password-rules.ts';

export function ChangePasswordForm({ onChanged }: { onChanged?(): void }) {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const change = useAction((body: { current_password: string; new_password: string }) =>
    api.post('/api/v1/auth/change-password', body).then(() => true),
  );
  const errors = newPasswordError(next, confirm);
  const ready = current.length > 0 && passwordProblems(next).length === 0 && next === confirm;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    if (await change.run({ current_password: current, new_password: next })) {
      setCurrent('');
      setNext('');
      setConfirm('');
      toast.show('Password changed. Your other sessions were signed out.');
      onChanged?.();
    }
  };

  return (
    <Section title="Password">
      <form onSubmit={submit} noValidate className="narrow-form">
        <ErrorAlert error={change.error} />
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        <TextField
          label="Current password"
          type="password"
          name="current_password"
          autoComplete="current-password"
          required
          maxLength={1024}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <div className="form-grid">
          <TextField
            label="New password"
            type="password"
            name="new_password"
            autoComplete="new-password"
            required
            maxLength={128}
            hint={passwordHint}
            error={errors.password}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <TextField
            label="New password again"
            type="password"
            name="confirm_password"
            autoComplete="new-password"
            required
            maxLength={128}
            error={errors.confirm}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={change.busy} disabled={!ready}>
            Change password
          </Button>
        </div>
      </form>
    </Section>
  );
}
