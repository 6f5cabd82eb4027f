// /forgot-password: ask for a reset link by email (the answer is the same whether or not the address is known).
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { Page } from '../../../ui/page.tsx';
import { useAction } from '../../../ui/use-query.ts';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const request = useAction((address: string) =>
    api.post<{ message?: string }>('/api/v1/auth/request-password-reset', { email: address }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await request.run(email.trim());
    if (answer) setSent(answer.message ?? 'If an account uses this address, we sent it a link to reset the password.');
  };
  return (
    <Page title="Reset your password" narrow>
      <div className="card auth-card">
        {sent ? (
          <>
            <Alert kind="success" title="Check your email">
              <p>{sent}</p>
              <p>The link works once, for one hour.</p>
            </Alert>
            <Link to="/login">Back to sign in</Link>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <p className="muted">
              Enter the email address of your account and we will send you a link to choose a new password.
            </p>
            <ErrorAlert error={request.error} />
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={255}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={request.busy} disabled={!email.trim()}>
                Send reset link
              </Button>
              <Link to="/login" className="btn btn-link">
                Back to sign in
              </Link>
            </div>
          </form>
        )}
      </div>
    </Page>
  );
}
