// My profile (PATCH /api/v1/auth/me): names, email, address, language, notifications. Sends only what changed.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/form-field.tsx';
import { Section } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction } from '../../../ui/use-query.ts';

const textFields = ['full_name', 'first_name', 'last_name', 'email', 'primary_address', 'bio'] as const;
const flags = ['email_notifications', 'sms_notifications', 'push_notifications'] as const;
type TextKey = (typeof textFields)[number];
type FlagKey = (typeof flags)[number];

const languages = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
  { value: 'fr', label: 'Français' },
  { value: 'hi', label: 'हिन्दी' },
];

function initial(user: User) {
  const text = Object.fromEntries(textFields.map((k) => [k, user[k] ?? ''])) as Record<TextKey, string>;
  const flag = Object.fromEntries(flags.map((k) => [k, user[k]])) as Record<FlagKey, boolean>;
  return { text, flag, language: user.preferred_language || 'en' };
}

export function ProfileForm() {
  const auth = useAuth();
  const toast = useToast();
  const user = auth.user!;
  const [form, setForm] = useState(() => initial(user));
  const save = useAction((changes: Record<string, unknown>) => api.patch<{ user: User }>('/api/v1/auth/me', changes));

  const changes: Record<string, unknown> = {};
  for (const k of textFields) {
    const v = form.text[k].trim();
    if (v !== (user[k] ?? '')) changes[k] = v === '' ? null : v;
  }
  for (const k of flags) if (form.flag[k] !== user[k]) changes[k] = form.flag[k];
  if (form.language !== user.preferred_language) changes.preferred_language = form.language;
  const dirty = Object.keys(changes).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    const answer = await save.run(changes);
    if (answer) {
      auth.setUser(answer.user);
      setForm(initial(answer.user));
      toast.show('Profile saved');
    }
  };

  const text = (key: TextKey) => ({
    name: key,
    value: form.text[key],
    error: save.error && 'fieldError' in (save.error as object) ? (save.error as any).fieldError(key) : undefined,
    onChange: (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, text: { ...f.text, [key]: e.target.value } })),
  });

  return (
    <Section title="Profile">
      <p className="muted">
        Profile: <strong>{user.profile_completion}</strong>. A full name, an email and an address make it complete.
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <TextField label="Full name" autoComplete="name" maxLength={255} {...text('full_name')} />
          <TextField label="First name" autoComplete="given-name" maxLength={100} {...text('first_name')} />
          <TextField label="Last name" autoComplete="family-name" maxLength={100} {...text('last_name')} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            maxLength={255}
            hint={form.text.email !== (user.email ?? '') ? 'You will need to verify the new address.' : undefined}
            {...text('email')}
          />
          <SelectField
            label="Language"
            name="preferred_language"
            options={languages.some((l) => l.value === form.language) ? languages : [...languages, form.language]}
            value={form.language}
            onChange={(e) => setForm((f) => ({ ...f, language: e.target.value }))}
          />
        </div>
        <TextField label="Address" autoComplete="street-address" maxLength={500} {...text('primary_address')} />
        <TextAreaField label="About you" maxLength={2000} rows={3} {...text('bio')} />
        <fieldset>
          <legend>Notifications</legend>
          <CheckboxField
            label="By email"
            checked={form.flag.email_notifications}
            onChange={(e) => setForm((f) => ({ ...f, flag: { ...f.flag, email_notifications: e.target.checked } }))}
          />
          <CheckboxField
            label="By SMS"
            checked={form.flag.sms_notifications}
            onChange={(e) => setForm((f) => ({ ...f, flag: { ...f.flag, sms_notifications: e.target.checked } }))}
          />
          <CheckboxField
            label="Push notifications"
            checked={form.flag.push_notifications}
            onChange={(e) => setForm((f) => ({ ...f, flag: { ...f.flag, push_notifications: e.target.checked } }))}
          />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.busy} disabled={!dirty}>
            Save profile
          </Button>
          {dirty && <Button onClick={() => setForm(initial(user))}>Undo changes</Button>}
        </div>
      </form>
    </Section>
  );
}
