// The second step when two-factor authentication is on: a code from the authenticator app or a recovery code.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Tokens } from '../../../api/types.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { useAction } from '../../../ui/use-query.ts';

export function TwoFactorForm({
  challengeToken,
  onTokens,
  onCancel,
}: {
  challengeToken: string;
  onTokens(tokens: Tokens): void;
  onCancel(): void;
}) {
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const verify = useAction((c: string) =>
    api.post<Tokens>('/api/v1/auth/2fa/verify', { challenge_token: challengeToken, code: c }),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the code field when the step or kind changes
  useEffect(() => {
    input.current?.focus();
  }, [useRecovery]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await verify.run(code.replace(/\s+/g, ''));
    if (answer) onTokens(answer);
    else setCode('');
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Two-factor authentication">
      <h2>Two-factor authentication</h2>
      <p className="muted">
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <ErrorAlert error={verify.error} />
      <TextField
        ref={input}
        label={useRecovery ? 'Recovery code' : 'Authentication code'}
        name="code"
        autoComplete="one-time-code"
        inputMode={useRecovery ? 'text' : 'numeric'}
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={64}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={verify.busy} disabled={!code.trim()}>
          Verify
        </Button>
        <Button variant="link" onClick={() => setUseRecovery((r) => !r)}>
          {useRecovery ? 'Use the authenticator app' : 'Use a recovery code'}
        </Button>
        <Button variant="link" onClick={onCancel}>
          Start again
        </Button>
      </div>
    </form>
  );
}
