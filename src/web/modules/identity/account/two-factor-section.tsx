// Two-factor authentication on My account: set up, turn off (password + code), new recovery codes (password).
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { Section } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { RecoveryCodes } from './recovery-codes.tsx';
import { TwoFactorSetup } from './two-factor-setup.tsx';

type Mode = 'idle' | 'setup' | 'codes';

export function TwoFactorSection() {
  const auth = useAuth();
  const toast = useToast();
  const enabled = auth.user?.two_fa_enabled ?? false;
  const [mode, setMode] = useState<Mode>('idle');
  const [codes, setCodes] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'disable' | 'regenerate' | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const disable = useAction((body: { password: string; code: string }) =>
    api.post('/api/v1/auth/2fa/disable', body).then(() => true),
  );
  const regenerate = useAction((body: { password: string }) =>
    api.post<{ recovery_codes: string[] }>('/api/v1/auth/2fa/recovery-codes', body),
  );

  const closeDialog = () => {
    setDialog(null);
    setPassword('');
    setCode('');
    disable.reset();
    regenerate.reset();
  };

  const submitDisable = async (event: FormEvent) => {
    event.preventDefault();
    if (await disable.run({ password, code: code.replace(/\s+/g, '') })) {
      closeDialog();
      await auth.reload();
      toast.show('Two-factor authentication is off');
    }
  };
  const submitRegenerate = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await regenerate.run({ password });
    if (answer) {
      closeDialog();
      setCodes(answer.recovery_codes);
      setMode('codes');
    }
  };

  return (
    <Section title="Two-factor authentication" id="two-factor">
      {mode === 'codes' ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes([]);
            setMode('idle');
          }}
        />
      ) : !enabled && mode === 'setup' ? (
        <TwoFactorSetup
          onCancel={() => setMode('idle')}
          onEnabled={async (recovery) => {
            setCodes(recovery);
            setMode('codes');
            await auth.reload();
            toast.show('Two-factor authentication is on');
          }}
        />
      ) : !enabled ? (
        <div className="stack">
          <p>
            <span className="badge badge-warning">Off</span> Signing in needs only your password.
          </p>
          <p>
            A code from an authenticator app (such as Aegis, Google Authenticator or 1Password) each time you sign in
            keeps your account safe even if your password leaks.
          </p>
          <div className="row">
            <Button variant="primary" onClick={() => setMode('setup')}>
              Set up two-factor authentication
            </Button>
          </div>
        </div>
      ) : (
        <div className="stack">
          <p>
            <span className="badge badge-success">On</span> Signing in with a password also asks for a code from your
            authenticator app.
          </p>
          <div className="row">
            <Button onClick={() => setDialog('regenerate')}>New recovery codes</Button>
            <Button variant="danger" onClick={() => setDialog('disable')}>
              Turn off two-factor authentication
            </Button>
          </div>
        </div>
      )}

      <Dialog
        open={dialog === 'disable'}
        title="Turn off two-factor authentication"
        onClose={closeDialog}
        footer={
          <>
            <Button onClick={closeDialog}>Cancel</Button>
            <Button type="submit" form="disable-2fa" variant="danger" busy={disable.busy} disabled={!password || !code}>
              Turn off
            </Button>
          </>
        }
      >
        <form id="disable-2fa" onSubmit={submitDisable} noValidate>
          <p>Confirm it is you: your password and a code from the app (or a recovery code).</p>
          <ErrorAlert error={disable.error} />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label="Authentication or recovery code"
            autoComplete="one-time-code"
            required
            maxLength={64}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </form>
      </Dialog>

      <Dialog
        open={dialog === 'regenerate'}
        title="New recovery codes"
        onClose={closeDialog}
        footer={
          <>
            <Button onClick={closeDialog}>Cancel</Button>
            <Button type="submit" form="regenerate-codes" variant="primary" busy={regenerate.busy} disabled={!password}>
              Make new codes
            </Button>
          </>
        }
      >
        <form id="regenerate-codes" onSubmit={submitRegenerate} noValidate>
          <Alert kind="warning">
            <p>Your current recovery codes stop working.</p>
          </Alert>
          <ErrorAlert error={regenerate.error} />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </form>
      </Dialog>
    </Section>
  );
}
