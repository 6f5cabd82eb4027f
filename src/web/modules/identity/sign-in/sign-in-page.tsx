// /login: password or phone code, then the two-factor step when the account has it on.
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isChallenge, type LoginAnswer, type Tokens } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { Tabs } from '../../../ui/tabs.tsx';
import { nextPath } from './next-path.ts';
import { PasswordForm } from './password-form.tsx';
import { PhoneForm } from './phone-form.tsx';
import { TwoFactorForm } from './two-factor-form.tsx';

const tabs = [
  { id: 'password', label: 'Password' },
  { id: 'phone', label: 'Code by phone' },
];

export function SignInPage() {
  const auth = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [tab, setTab] = useState('password');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const next = nextPath(location.search);

  if (auth.status === 'signed_in' && !finishing) return <Navigate to={next} replace />;

  const finish = async (tokens: Tokens) => {
    setFinishing(true);
    await auth.signIn(tokens);
    navigate(next, { replace: true });
  };
  const onAnswer = (answer: LoginAnswer) => {
    if (isChallenge(answer)) setChallenge(answer.challenge_token);
    else void finish(answer);
  };

  return (
    <Page title="Sign in to Caucus" narrow>
      {next !== '/' && !challenge && (
        <Alert kind="info">
          <p>Sign in to continue to the page you opened.</p>
        </Alert>
      )}
      <div className="card auth-card">
        {finishing ? (
          <Spinner label="Signing you in" />
        ) : challenge ? (
          <TwoFactorForm challengeToken={challenge} onTokens={finish} onCancel={() => setChallenge(null)} />
        ) : (
          <Tabs label="How to sign in" tabs={tabs} selected={tab} onSelect={setTab}>
            {tab === 'password' ? <PasswordForm onAnswer={onAnswer} /> : <PhoneForm onAnswer={onAnswer} />}
          </Tabs>
        )}
      </div>
    </Page>
  );
}
