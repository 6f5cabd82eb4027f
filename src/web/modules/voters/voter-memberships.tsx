// A voter's tags, lists and campaigns, each with an add control for those allowed to change them.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/form-field.tsx';
import { Section } from '../../ui/page.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import type { Campaign, ListSummary, VoterProfile } from './voter-types.ts';

export function VoterMemberships({ profile, onChange }: { profile: VoterProfile; onChange(): void }) {
  const auth = useAuth();
  const id = profile.voter.voter_id;
  const [tagName, setTagName] = useState('');
  const lists = useQuery(['lists-all'], (signal) =>
    api.get<{ lists: ListSummary[] }>('/api/v1/lists', { per_page: 200 }, { signal }),
  );
  const campaigns = useQuery(['campaigns-all'], (signal) =>
    api.get<{ campaigns: Campaign[] }>('/api/v1/campaigns', { per_page: 200 }, { signal }),
  );
  const change = useAction(async (fn: () => Promise<unknown>) => {
    await fn();
    onChange();
    return true;
  });
  const addTag = async (event: FormEvent) => {
    event.preventDefault();
    if (!tagName.trim()) return;
    if (await change.run(() => api.post(`/api/v1/voters/${id}/tags`, { name: tagName.trim() }))) setTagName('');
  };
  const addTo = (kind: 'lists' | 'campaigns') => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = new FormData(event.currentTarget).get('target');
    if (!target) return;
    const url = kind === 'lists' ? `/api/v1/lists/${target}/items` : `/api/v1/campaigns/${target}/voters`;
    await change.run(() => api.post(url, { voter_ids: [id] }));
  };

  return (
    <Section title="Tags, lists and campaigns">
      {change.error ? <ErrorAlert error={change.error} /> : null}
      <h3>Tags</h3>
      <ul className="row" aria-label="Tags">
        {profile.tags.length === 0 && <li className="muted">No tags</li>}
        {profile.tags.map((t) => (
          <li key={t.tag_id} className="badge">
            {t.name}{' '}
            {auth.can('tags:write') && (
              <Button
                variant="link"
                aria-label={`Remove tag ${t.name}`}
                onClick={() => change.run(() => api.del(`/api/v1/voters/${id}/tags/${t.tag_id}`))}
              >
                ×
              </Button>
            )}
          </li>
        ))}
      </ul>
      {auth.can('tags:write') && (
        <form className="row" onSubmit={addTag}>
          <TextField label="Add a tag" value={tagName} onChange={(e) => setTagName(e.target.value)} maxLength={100} />
          <Button type="submit" busy={change.busy}>
            Add tag
          </Button>
        </form>
      )}
      <h3>Lists</h3>
      <ul className="link-list" aria-label="Lists">
        {profile.lists.length === 0 && <li className="muted">On no list</li>}
        {profile.lists.map((l) => (
          <li key={l.list_id}>{l.name}</li>
        ))}
      </ul>
      {auth.can('lists:write') && (
        <form className="row" onSubmit={addTo('lists')}>
          <SelectField
            label="Add to a list"
            name="target"
            options={[
              { value: '', label: 'Choose a list' },
              ...(lists.data?.lists ?? []).map((l) => ({ value: String(l.list_id), label: l.name })),
            ]}
          />
          <Button type="submit" busy={change.busy}>
            Add to list
          </Button>
        </form>
      )}
      <h3>Campaigns</h3>
      <ul className="link-list" aria-label="Campaigns">
        {profile.campaigns.length === 0 && <li className="muted">In no campaign</li>}
        {profile.campaigns.map((c) => (
          <li key={c.campaign_id}>
            <Link to={`/campaigns/${c.campaign_id}`}>{c.campaign_name}</Link>
          </li>
        ))}
      </ul>
      {auth.can('campaigns:write') && (
        <form className="row" onSubmit={addTo('campaigns')}>
          <SelectField
            label="Add to a campaign"
            name="target"
            options={[
              { value: '', label: 'Choose a campaign' },
              ...(campaigns.data?.campaigns ?? []).map((c) => ({
                value: String(c.campaign_id),
                label: c.campaign_name,
              })),
            ]}
          />
          <Button type="submit" busy={change.busy}>
            Add to campaign
          </Button>
        </form>
      )}
    </Section>
  );
}
