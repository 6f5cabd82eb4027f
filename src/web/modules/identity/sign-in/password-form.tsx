// Sign in with a username (or email or phone) and a password.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import type { LoginAnswer } from '../../../api/types.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useAction } from '../../../ui/use-query.ts';

export function PasswordForm({ onAnswer }: { onAnswer(answer: LoginAnswer): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const login = useAction((body: { username: string; password: string }) =>
    api.post<LoginAnswer>('/api/v1/auth/login', body),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = {
      username: username.trim() ? undefined : 'Enter your username, email or phone number.',
      password: password ? undefined : 'Enter your password.',
    };
    setMissing(empty);
    if (empty.username || empty.password) {
      document.getElementById(empty.username ? 'sign-in-username' : 'sign-in-password')?.focus();
      return;
    }
    const answer = await login.run({ username: username.trim(), password });
    if (answer) onAnswer(answer);
  };

  const locked =
    isApiError(login.error) &&
    login.error.code === 'account_locked' &&
    typeof login.error.body.locked_until === 'string'
      ? formatDateTime(login.error.body.locked_until)
      : null;

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in with password">
      <ErrorAlert error={login.error} title={locked ? `Locked until ${locked}` : undefined} />
      <TextField
        label="Username, email or phone"
        id="sign-in-username"
        error={missing.username}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={320}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        label="Password"
        id="sign-in-password"
        error={missing.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={login.busy}>
          Sign in
        </Button>
        <Link to="/forgot-password" className="btn btn-link">
          Forgot your password?
        </Link>
      </div>
    </form>
  );
}
