// Record a voter's answers to a campaign's survey (saved as one "Survey" interaction on their timeline).
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { SelectField, TextField } from '../../ui/form-field.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import type { Campaign, Question } from './voter-types.ts';

export function SurveyEntryDialog({
  open,
  voterId,
  campaigns,
  onClose,
  onSaved,
}: {
  open: boolean;
  voterId: number;
  campaigns: { campaign_id: number; campaign_name: string }[];
  onClose(): void;
  onSaved(): void;
}) {
  const formId = useId();
  const [campaignId, setCampaignId] = useState('');
  const all = useQuery(['campaigns-all'], (signal) =>
    api.get<{ campaigns: Campaign[] }>('/api/v1/campaigns', { per_page: 200 }, { signal }),
  );
  const questions = useQuery(['survey', campaignId], (signal) =>
    campaignId
      ? api.get<{ questions: Question[] }>(
          '/api/v1/survey-questions',
          { campaign_id: campaignId, per_page: 200 },
          { signal },
        )
      : Promise.resolve({ questions: [] as Question[] }),
  );
  const save = useAction((body: unknown) => api.post('/api/v1/survey-responses', body));
  const choices = campaigns.length > 0 ? campaigns : (all.data?.campaigns ?? []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const answers = (questions.data?.questions ?? [])
      .map((q) => ({ question_id: q.question_id, response_value: String(f.get(`q${q.question_id}`) ?? '').trim() }))
      .filter((a) => a.response_value !== '');
    if (answers.length === 0) return;
    if (await save.run({ voter_id: voterId, answers })) onSaved();
  };

  return (
    <Dialog
      open={open}
      title="Record survey answers"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} busy={save.busy}>
            Save answers
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="stack">
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <SelectField
          label="Campaign"
          value={campaignId}
          onChange={(e) => setCampaignId(e.target.value)}
          options={[
            { value: '', label: 'Choose a campaign' },
            ...choices.map((c) => ({ value: String(c.campaign_id), label: c.campaign_name })),
          ]}
        />
        {campaignId && questions.data?.questions.length === 0 && (
          <p className="muted">This campaign has no survey questions.</p>
        )}
        {(questions.data?.questions ?? []).map((q) => {
          const name = `q${q.question_id}`;
          if (q.question_type === 'Multiple Choice') {
            // The answer's text is stored, so answers read the same on the profile, in exports and in segments.
            const options = Object.values(q.possible_answers ?? {}).map(String);
            return (
              <SelectField
                key={q.question_id}
                label={q.question_text}
                name={name}
                options={[{ value: '', label: 'No answer' }, ...options]}
              />
            );
          }
          if (q.question_type === 'Rating Scale') {
            const { min = 1, max = 5 } = (q.possible_answers ?? {}) as { min?: number; max?: number };
            return (
              <TextField
                key={q.question_id}
                label={`${q.question_text} (${min}–${max})`}
                name={name}
                type="number"
                min={min}
                max={max}
              />
            );
          }
          return <TextField key={q.question_id} label={q.question_text} name={name} maxLength={5000} />;
        })}
      </form>
    </Dialog>
  );
}
