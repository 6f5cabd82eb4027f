// /verify-email?token=…: confirms the address as soon as the page opens.
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useAction } from '../../../ui/use-query.ts';

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const auth = useAuth();
  const verify = useAction((t: string) => api.post('/api/v1/auth/verify-email', { token: t }).then(() => true));
  const started = useRef(false);
  const [done, setDone] = useState(false);
  const { run } = verify;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the token is used once (it is single-use)
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    run(token).then((ok) => {
      setDone(true);
      if (ok && auth.status === 'signed_in') void auth.reload();
    });
  }, [token]);

  return (
    <Page title="Verify your email" narrow>
      <div className="card auth-card">
        {!token ? (
          <Alert kind="error" title="This link is incomplete">
            <p>Open the link from the email again.</p>
          </Alert>
        ) : !done ? (
          <Spinner label="Checking the link" />
        ) : verify.error ? (
          <>
            <ErrorAlert error={verify.error} title="The address could not be verified" />
            <p>
              You can ask for a new link under <Link to="/account">My account</Link>.
            </p>
          </>
        ) : (
          <Alert kind="success" title="Email verified">
            <p>
              Thank you. <Link to={auth.status === 'signed_in' ? '/account' : '/login'}>Continue</Link>
            </p>
          </Alert>
        )}
      </div>
    </Page>
  );
}
