// /signup/:campaignId: the public signup form of a campaign (POST /api/v1/signups). Anyone may open it.
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { Alert, ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { Page } from '../../ui/page.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';

interface SignupCampaign {
  campaign_id: number;
  campaign_name: string;
  description: string | null;
}

export function SignupPage() {
  const campaignId = Number(useParams().campaignId);
  const [done, setDone] = useState(false);
  const valid = Number.isInteger(campaignId) && campaignId >= 1;
  const campaign = useQuery(['signup-campaign', campaignId], (signal) =>
    valid
      ? api.get<{ campaign: SignupCampaign }>(`/api/v1/signups/campaigns/${campaignId}`, undefined, { signal })
      : Promise.resolve(null),
  );
  const send = useAction((body: unknown) => api.post<{ message: string }>('/api/v1/signups', body));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim() || undefined;
    const sent = await send.run({
      campaign_id: campaignId,
      first_name: text('first_name'),
      last_name: text('last_name'),
      email_address: text('email_address'),
      phone_number: text('phone_number'),
      notes: text('notes'),
      interests: { wants_to_endorse: f.get('endorse') === 'on', wants_to_get_involved: f.get('involved') === 'on' },
      website: String(f.get('website') ?? ''),
    });
    if (sent) setDone(true);
  };

  if (!valid) return <Alert kind="error">This signup link is not valid.</Alert>;
  if (campaign.error) return <ErrorAlert error={campaign.error} title="This signup form is not available" />;
  if (!campaign.data) return <Spinner label="Loading the signup form" />;
  const c = campaign.data.campaign;
  return (
    <Page
      title={`Sign up: ${c.campaign_name}`}
      narrow
      intro={c.description ?? 'Leave your details and the campaign will be in touch.'}
    >
      {done ? (
        <Alert kind="success" title="Thank you">
          You are signed up.
        </Alert>
      ) : (
        <form className="stack narrow-form" onSubmit={submit}>
          {send.error ? <ErrorAlert error={send.error} /> : null}
          <TextField label="First name" name="first_name" required maxLength={100} autoComplete="given-name" />
          <TextField label="Last name" name="last_name" required maxLength={100} autoComplete="family-name" />
          <TextField label="Email" name="email_address" type="email" required maxLength={255} autoComplete="email" />
          <TextField label="Phone" name="phone_number" type="tel" maxLength={40} autoComplete="tel" />
          <TextAreaField label="Anything you want to tell us" name="notes" maxLength={5000} rows={3} />
          <CheckboxField label="I want to endorse" name="endorse" />
          <CheckboxField label="I want to get involved" name="involved" />
          {/* Honeypot: hidden from people and screen readers; bots that fill it are answered but not stored. */}
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="signup-website">Website</label>
            <input id="signup-website" name="website" className="visually-hidden" tabIndex={-1} autoComplete="off" />
          </div>
          <Button type="submit" variant="primary" busy={send.busy}>
            Sign up
          </Button>
        </form>
      )}
    </Page>
  );
}
