// Add people to a campaign: find them by name (the fuzzy search of the voters list) and add them one by one.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/form-field.tsx';
import { useQuery } from '../../ui/use-query.ts';
import { fullName, type VoterList } from './voter-types.ts';

export function CampaignAddVoters({
  memberIds,
  busy,
  onAdd,
}: {
  /** Members on the page shown, so they are not offered again. */
  memberIds: Set<number>;
  busy: boolean;
  onAdd(voterId: number): void;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery(q ? ['campaign-add', q] : null, (signal) =>
    api.get<VoterList>('/api/v1/voters', { q, per_page: 8 }, { signal }),
  );
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <div className="stack">
      <form className="row" onSubmit={search}>
        <TextField
          label="Find voters to add"
          type="search"
          hint="A name; misspellings are found too"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
        />
        <Button type="submit">Find</Button>
      </form>
      {q && found.data?.voters.length === 0 && <p className="muted">Nobody is called “{q}”.</p>}
      {found.data && found.data.voters.length > 0 && (
        <ul className="link-list" aria-label="Voters found">
          {found.data.voters.map((v) => (
            <li key={v.voter_id}>
              {fullName(v)} <span className="muted">{v.email_address ?? v.phone_number ?? ''}</span>{' '}
              {memberIds.has(v.voter_id) ? (
                <span className="muted">(in this campaign)</span>
              ) : (
                <Button variant="link" busy={busy} onClick={() => onAdd(v.voter_id)}>
                  Add <span className="visually-hidden">{fullName(v)}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
