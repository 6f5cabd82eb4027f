// A voter's timeline (every module's interactions, newest first) and the "log an interaction" form.
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/page.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import type { Interaction, Paged } from './voter-types.ts';

const PER_PAGE = 20;
const TYPES = ['Phone Call', 'Email Sent', 'Door Knock', 'Survey', 'Event Attendance', 'Text Message', 'Meeting'];
const OUTCOMES = ['', 'Interested', 'Not Home', 'Wrong Number', 'Pledged Support', 'Refused', 'Volunteered', 'Donated'];

export function VoterTimeline({ voterId, onLogged }: { voterId: number; onLogged(): void }) {
  const auth = useAuth();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const formId = useId();
  const timeline = useQuery(['timeline', voterId, page], (signal) =>
    api.get<Paged & { interactions: Interaction[] }>(
      `/api/v1/voters/${voterId}/timeline`,
      { page, per_page: PER_PAGE },
      { signal },
    ),
  );
  const log = useAction((body: Record<string, unknown>) => api.post('/api/v1/interactions', body));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const minutes = String(f.get('duration_minutes') ?? '');
    const done = await log.run({
      voter_id: voterId,
      interaction_type: String(f.get('interaction_type')),
      outcome: String(f.get('outcome') ?? '') || null,
      notes: String(f.get('notes') ?? '') || null,
      duration_minutes: minutes ? Number(minutes) : null,
    });
    if (done) {
      setAdding(false);
      setPage(1);
      timeline.reload();
      onLogged();
    }
  };

  return (
    <Section
      title="Timeline"
      actions={auth.can('interactions:write') && <Button onClick={() => setAdding(true)}>Log an interaction</Button>}
    >
      <DataTable
        caption="Interactions"
        captionHidden
        rows={timeline.data?.interactions}
        loading={timeline.loading}
        error={timeline.error}
        rowKey={(i) => i.interaction_id}
        emptyTitle="No interactions yet"
        pagination={timeline.data && { page, perPage: PER_PAGE, total: timeline.data.total, onPage: setPage }}
        columns={[
          { key: 'date', header: 'When', className: 'nowrap', render: (i) => formatDateTime(i.interaction_date) },
          { key: 'type', header: 'What', render: (i) => i.interaction_type },
          { key: 'outcome', header: 'Outcome', render: (i) => i.outcome ?? '—' },
          { key: 'campaign', header: 'Campaign', render: (i) => i.campaign_name ?? '—' },
          { key: 'module', header: 'From', render: (i) => i.source_module },
          { key: 'notes', header: 'Notes', render: (i) => i.notes ?? '' },
        ]}
      />
      <Dialog
        open={adding}
        title="Log an interaction"
        onClose={() => setAdding(false)}
        footer={
          <>
            <Button onClick={() => setAdding(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form={formId} busy={log.busy}>
              Log it
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} className="stack">
          {log.error ? <ErrorAlert error={log.error} /> : null}
          <SelectField label="Type" name="interaction_type" options={TYPES} required />
          <SelectField
            label="Outcome"
            name="outcome"
            options={OUTCOMES.map((o) => ({ value: o, label: o || 'None' }))}
          />
          <TextField label="Minutes" name="duration_minutes" type="number" min={0} max={100000} />
          <TextAreaField label="Notes" name="notes" maxLength={10000} rows={3} />
        </form>
      </Dialog>
    </Section>
  );
}
