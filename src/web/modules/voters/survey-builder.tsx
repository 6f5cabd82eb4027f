// A campaign's survey: its questions (type and possible answers), added and removed in place.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { Section } from '../../ui/page.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import type { Question, QuestionType } from './voter-types.ts';

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** "Housing\nTransit" → {"A": "Housing", "B": "Transit"} (the Cerberus shape). */
export function answersFromLines(text: string): Record<string, string> {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 26);
  return Object.fromEntries(lines.map((l, i) => [letters[i], l]));
}

/** "Housing · Transit" for a multiple choice (in key order), "from 1 to 10" for a rating scale. */
function describeAnswers(q: Question): string {
  const answers = q.possible_answers ?? {};
  if (q.question_type === 'Rating Scale') return `from ${answers.min ?? 1} to ${answers.max ?? 5}`;
  return Object.keys(answers)
    .sort()
    .map((key) => String(answers[key]))
    .join(' · ');
}

export function SurveyBuilder({ campaignId }: { campaignId: number }) {
  const auth = useAuth();
  const [type, setType] = useState<QuestionType>('Multiple Choice');
  const questions = useQuery(['survey', String(campaignId)], (signal) =>
    api.get<{ questions: Question[] }>(
      '/api/v1/survey-questions',
      { campaign_id: campaignId, per_page: 200 },
      { signal },
    ),
  );
  const change = useAction(async (fn: () => Promise<unknown>) => {
    await fn();
    questions.reload();
    return true;
  });
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const possible =
      type === 'Multiple Choice'
        ? answersFromLines(String(f.get('answers') ?? ''))
        : type === 'Rating Scale'
          ? { min: Number(f.get('min') || 1), max: Number(f.get('max') || 5) }
          : null;
    const body = {
      campaign_id: campaignId,
      question_text: String(f.get('question_text')).trim(),
      question_type: type,
      possible_answers: possible,
    };
    if (await change.run(() => api.post('/api/v1/survey-questions', body))) form.reset();
  };

  return (
    <Section title="Survey">
      {questions.error ? <ErrorAlert error={questions.error} /> : null}
      {change.error ? <ErrorAlert error={change.error} /> : null}
      <ol>
        {(questions.data?.questions ?? []).map((q) => (
          <li key={q.question_id}>
            <strong>{q.question_text}</strong> <span className="muted">({q.question_type})</span>
            {q.possible_answers && <span className="muted"> {describeAnswers(q)}</span>}{' '}
            {auth.can('surveys:write') && (
              <Button
                variant="link"
                onClick={() => change.run(() => api.del(`/api/v1/survey-questions/${q.question_id}`))}
              >
                Delete <span className="visually-hidden">question {q.question_text}</span>
              </Button>
            )}
          </li>
        ))}
      </ol>
      {questions.data?.questions.length === 0 && <p className="muted">No questions yet.</p>}
      {auth.can('surveys:write') && (
        <form className="stack" onSubmit={add} aria-label="Add a question">
          <TextField label="Question" name="question_text" required maxLength={5000} />
          <SelectField
            label="Type"
            value={type}
            onChange={(e) => setType(e.target.value as QuestionType)}
            options={['Multiple Choice', 'Open Text', 'Rating Scale']}
          />
          {type === 'Multiple Choice' && (
            <TextAreaField label="Possible answers" hint="One per line" name="answers" rows={4} required />
          )}
          {type === 'Rating Scale' && (
            <div className="row">
              <TextField label="From" name="min" type="number" defaultValue="1" />
              <TextField label="To" name="max" type="number" defaultValue="5" />
            </div>
          )}
          <Button type="submit" variant="primary" busy={change.busy}>
            Add question
          </Button>
        </form>
      )}
    </Section>
  );
}
