// /reset-password?token=…: choose a new password with the emailed token. Every session ends afterwards.
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { tokens } from '../../../api/tokens.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { Page } from '../../../ui/page.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { newPasswordError, passwordHint, passwordProblems } from './password-rules.ts';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const reset = useAction((body: { token: string; new_password: string }) =>
    api.post('/api/v1/auth/reset-password', body).then(() => true),
  );
  const errors = newPasswordError(password, confirm);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passwordProblems(password).length > 0 || password !== confirm) return;
    if (await reset.run({ token, new_password: password })) {
      // The server ended every session of the account, this browser's included.
      tokens.clear();
      setDone(true);
    }
  };

  return (
    <Page title="Choose a new password" narrow>
      <div className="card auth-card">
        {!token ? (
          <Alert kind="error" title="This link is incomplete">
            <p>
              Open the link from the email again, or <Link to="/forgot-password">ask for a new one</Link>.
            </p>
          </Alert>
        ) : done ? (
          <Alert kind="success" title="Password changed">
            <p>
              You can now <Link to="/login">sign in</Link> with the new password. You were signed out everywhere else.
            </p>
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <ErrorAlert error={reset.error} />
            <TextField
              label="New password"
              name="new_password"
              type="password"
              autoComplete="new-password"
              required
              maxLength={128}
              hint={passwordHint}
              error={errors.password}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <TextField
              label="New password again"
              name="confirm_password"
              type="password"
              autoComplete="new-password"
              required
              maxLength={128}
              error={errors.confirm}
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
            <div className="form-actions">
              <Button
                type="submit"
                variant="primary"
                busy={reset.busy}
                disabled={passwordProblems(password).length > 0 || password !== confirm}
              >
                Change password
              </Button>
            </div>
          </form>
        )}
      </div>
    </Page>
  );
}
