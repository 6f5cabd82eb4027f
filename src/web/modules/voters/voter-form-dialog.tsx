// Create or edit a voter: the fields people fill in by hand (imports bring the rest).
import { type FormEvent, useId } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/form-field.tsx';
import { useAction } from '../../ui/use-query.ts';
import type { Voter } from './voter-types.ts';

const text = [
  'first_name',
  'middle_name',
  'last_name',
  'email_address',
  'phone_number',
  'street_address',
  'city',
  'state',
  'zip_code',
  'county',
  'precinct',
  'party_affiliation',
  'employer',
  'occupation',
  'date_of_birth',
] as const;
const consent = ['contact_email', 'contact_phone', 'contact_mail', 'contact_sms'] as const;

export function VoterFormDialog({
  open,
  voter,
  onClose,
  onSaved,
}: {
  open: boolean;
  voter?: Voter;
  onClose(): void;
  onSaved(voter: Voter): void;
}) {
  const formId = useId();
  const save = useAction((body: Record<string, unknown>) =>
    voter
      ? api.put<{ voter: Voter }>(`/api/v1/voters/${voter.voter_id}`, body)
      : api.post<{ voter: Voter }>('/api/v1/voters', body),
  );
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = {};
    for (const name of text) {
      const value = String(form.get(name) ?? '').trim();
      if (value || voter) body[name] = value || null;
    }
    for (const name of ['registration_status', 'preferred_contact_method']) {
      const value = String(form.get(name) ?? '');
      if (value || voter) body[name] = value || null;
    }
    for (const name of consent) body[name] = form.get(name) === 'on';
    const saved = await save.run(body);
    if (saved) onSaved(saved.voter);
  };
  const field = (name: (typeof text)[number], label: string, extra: Record<string, unknown> = {}) => (
    <TextField label={label} name={name} defaultValue={(voter?.[name] as string | null) ?? ''} {...extra} />
  );
  return (
    <Dialog
      open={open}
      title={voter ? 'Edit voter' : 'New voter'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} busy={save.busy}>
            {voter ? 'Save changes' : 'Add voter'}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="form-grid">
        {save.error ? <ErrorAlert error={save.error} /> : null}
        {field('first_name', 'First name', { required: true, maxLength: 100 })}
        {field('middle_name', 'Middle name', { maxLength: 100 })}
        {field('last_name', 'Last name', { required: true, maxLength: 100 })}
        {field('email_address', 'Email', { type: 'email', required: !voter, maxLength: 255 })}
        {field('phone_number', 'Phone', { type: 'tel', maxLength: 40 })}
        {field('date_of_birth', 'Date of birth', { type: 'date' })}
        {field('street_address', 'Street address', { maxLength: 255 })}
        {field('city', 'City', { maxLength: 100 })}
        {field('state', 'State', { maxLength: 50 })}
        {field('zip_code', 'ZIP code', { maxLength: 20 })}
        {field('county', 'County', { maxLength: 100 })}
        {field('precinct', 'Precinct', { maxLength: 100 })}
        {field('party_affiliation', 'Party', { maxLength: 100 })}
        {field('employer', 'Employer', { maxLength: 255 })}
        {field('occupation', 'Occupation', { maxLength: 255 })}
        <SelectField
          label="Registration status"
          name="registration_status"
          defaultValue={voter?.registration_status ?? ''}
          options={[{ value: '', label: 'Unknown' }, 'Registered', 'Not Registered', 'Pending']}
        />
        <SelectField
          label="Preferred contact"
          name="preferred_contact_method"
          defaultValue={voter?.preferred_contact_method ?? ''}
          options={[{ value: '', label: 'No preference' }, 'Email', 'Phone', 'SMS']}
        />
        {consent.map((c) => (
          <CheckboxField
            key={c}
            name={c}
            label={`OK to contact by ${c.slice(8)}`}
            defaultChecked={voter?.[c] ?? false}
          />
        ))}
      </form>
    </Dialog>
  );
}
