// Turning two-factor authentication on: scan the QR code (or type the key), confirm with a code, save the
// recovery codes.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { useAction } from '../../../ui/use-query.ts';

interface Setup {
  secret: string;
  otpauth_url: string;
  qr_svg: string;
}

/** The secret in groups of four, easier to type. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function TwoFactorSetup({ onEnabled, onCancel }: { onEnabled(codes: string[]): void; onCancel(): void }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const start = useAction(() => api.post<Setup>('/api/v1/auth/2fa/setup'));
  const enable = useAction((c: string) =>
    api.post<{ recovery_codes: string[] }>('/api/v1/auth/2fa/enable', { code: c }),
  );

  // A new secret each time the set-up opens (the previous, unconfirmed one is replaced on the server).
  const begun = useRef(false);
  const { run: begin } = start;
  useEffect(() => {
    if (begun.current) return;
    begun.current = true;
    begin().then((answer) => answer && setSetup(answer));
  }, [begin]);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await enable.run(code.replace(/\s+/g, ''));
    if (answer) onEnabled(answer.recovery_codes);
  };

  if (!setup) {
    return (
      <div className="stack">
        {start.error ? (
          <>
            <ErrorAlert error={start.error} />
            <div className="row">
              <Button onClick={onCancel}>Back</Button>
            </div>
          </>
        ) : (
          <Spinner label="Preparing the key" />
        )}
      </div>
    );
  }

  // An <img> of the SVG: the markup from the server is never inserted into the page.
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}`;
  return (
    <form onSubmit={confirm} noValidate className="stack">
      <ol className="steps">
        <li>
          <p>Scan this QR code with your authenticator app:</p>
          <img className="qr" src={qr} alt="QR code to add Caucus to an authenticator app" />
        </li>
        <li>
          <p>
            Or enter this key in the app by hand:{' '}
            <code className="secret" data-testid="totp-secret">
              {grouped(setup.secret)}
            </code>
          </p>
        </li>
        <li>
          <p>Type the 6-digit code the app shows to confirm:</p>
          <ErrorAlert error={enable.error} />
          <TextField
            label="Code from the app"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            maxLength={10}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </li>
      </ol>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={enable.busy} disabled={!code.trim()}>
          Turn on two-factor authentication
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
