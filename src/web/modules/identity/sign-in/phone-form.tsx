// Sign in (or sign up, for citizens) with a code sent by SMS: request-otp, then verify-otp.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { LoginAnswer } from '../../../api/types.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { useAction } from '../../../ui/use-query.ts';

export function PhoneForm({ onAnswer }: { onAnswer(answer: LoginAnswer): void }) {
  const [phone, setPhone] = useState('');
  const [otp, setOtp] = useState('');
  const [fullName, setFullName] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  const request = useAction((p: string) => api.post<{ message: string }>('/api/v1/auth/request-otp', { phone: p }));
  const verify = useAction((body: { phone: string; otp: string; full_name?: string }) =>
    api.post<LoginAnswer>('/api/v1/auth/verify-otp', body),
  );

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await request.run(phone.trim());
    if (answer) setSent(answer.message);
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await verify.run({
      phone: phone.trim(),
      otp: otp.trim(),
      ...(fullName.trim() ? { full_name: fullName.trim() } : {}),
    });
    if (answer) onAnswer(answer);
  };

  if (sent === null) {
    return (
      <form onSubmit={send} noValidate aria-label="Request a sign-in code">
        <ErrorAlert error={request.error} />
        <TextField
          label="Mobile phone number"
          name="phone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          required
          maxLength={32}
          hint="We send a one-time code by SMS. New numbers get a citizen account."
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={request.busy} disabled={!phone.trim()}>
            Send code
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={check} noValidate aria-label="Enter the code">
      <Alert kind="info">
        <p>{sent}</p>
      </Alert>
      <ErrorAlert error={verify.error} />
      <TextField
        label="Code from the SMS"
        name="otp"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        maxLength={10}
        value={otp}
        onChange={(e) => setOtp(e.target.value)}
      />
      <TextField
        label="Your name"
        name="full_name"
        autoComplete="name"
        maxLength={200}
        hint="Only needed the first time, to create your account."
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={verify.busy} disabled={!otp.trim()}>
          Sign in
        </Button>
        <Button
          variant="link"
          onClick={() => {
            setSent(null);
            setOtp('');
            verify.reset();
          }}
        >
          Use another number
        </Button>
      </div>
    </form>
  );
}
