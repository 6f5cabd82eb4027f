// What the account signs in with, and email verification (POST /api/v1/auth/request-email-verification).
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { roleLabel } from '../identity-types.ts';

export function SignInDetails() {
  const { user } = useAuth();
  const [sent, setSent] = useState(false);
  const request = useAction(() => api.post('/api/v1/auth/request-email-verification').then(() => true));
  if (!user) return null;
  return (
    <Section title="Account">
      <dl className="details-grid">
        <dt>Username</dt>
        <dd>{user.username ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(user.role)}</dd>
        <dt>Email</dt>
        <dd>
          {user.email ?? '—'}{' '}
          {user.email &&
            (user.email_verified ? (
              <span className="badge badge-success">verified</span>
            ) : (
              <span className="badge badge-warning">not verified</span>
            ))}
        </dd>
        <dt>Phone</dt>
        <dd>
          {user.phone ?? '—'}{' '}
          {user.phone && user.phone_verified && <span className="badge badge-success">verified</span>}
        </dd>
        <dt>Last sign-in</dt>
        <dd>{formatDateTime(user.last_login)}</dd>
      </dl>
      {user.email && !user.email_verified && (
        <div className="stack" style={{ marginTop: '0.75rem' }}>
          <ErrorAlert error={request.error} />
          {sent ? (
            <Alert kind="success">
              <p>We sent a verification link to {user.email}. It works once, for 24 hours.</p>
            </Alert>
          ) : (
            <Button onClick={async () => setSent((await request.run()) === true)} busy={request.busy}>
              Send verification email
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}
