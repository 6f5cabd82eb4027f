// The tags, lists, campaigns or survey question a segment condition names, picked by name (the definition
// stores their ids).
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { CheckboxField, SelectField } from '../../ui/form-field.tsx';
import { useQuery } from '../../ui/use-query.ts';
import type { Question } from './voter-types.ts';

type Kind = 'tag' | 'list' | 'campaign';

const sources: Record<Kind, { url: string; legend: string; empty: string }> = {
  tag: { url: '/api/v1/tags', legend: 'Tags', empty: 'No tags yet.' },
  list: { url: '/api/v1/lists', legend: 'Lists', empty: 'No lists yet.' },
  campaign: { url: '/api/v1/campaigns', legend: 'Campaigns', empty: 'No campaigns yet.' },
};

interface Choice {
  id: number;
  name: string;
}

async function loadChoices(kind: Kind, signal: AbortSignal): Promise<Choice[]> {
  const r = await api.get<Record<string, Record<string, unknown>[]>>(sources[kind].url, { per_page: 200 }, { signal });
  if (kind === 'tag') return r.tags.map((t) => ({ id: t.tag_id as number, name: t.name as string }));
  if (kind === 'list') return r.lists.map((l) => ({ id: l.list_id as number, name: l.name as string }));
  return r.campaigns.map((c) => ({ id: c.campaign_id as number, name: c.campaign_name as string }));
}

export function SegmentIdPicker({ kind, ids, onChange }: { kind: Kind; ids: number[]; onChange(ids: number[]): void }) {
  const choices = useQuery(['segment-choices', kind], (signal) => loadChoices(kind, signal));
  const known = new Set((choices.data ?? []).map((c) => c.id));
  // Ids the definition names that no longer exist (deleted) stay visible so they can be removed.
  const missing = ids.filter((id) => choices.data && !known.has(id)).map((id) => ({ id, name: `#${id} (deleted)` }));
  const toggle = (id: number, on: boolean) => onChange(on ? [...ids, id] : ids.filter((x) => x !== id));
  return (
    <fieldset>
      <legend>{sources[kind].legend}</legend>
      {choices.error ? <ErrorAlert error={choices.error} /> : null}
      {choices.data?.length === 0 && missing.length === 0 && <p className="muted">{sources[kind].empty}</p>}
      {[...(choices.data ?? []), ...missing].map((c) => (
        <CheckboxField
          key={c.id}
          label={c.name}
          checked={ids.includes(c.id)}
          onChange={(e) => toggle(c.id, e.target.checked)}
        />
      ))}
    </fieldset>
  );
}

/** The survey question of a "survey answer" condition, by its text and campaign. */
export function SegmentQuestionPicker({ value, onChange }: { value: number; onChange(id: number): void }) {
  const questions = useQuery(['segment-questions'], async (signal) => {
    const [{ questions: all }, campaigns] = await Promise.all([
      api.get<{ questions: Question[] }>('/api/v1/survey-questions', { per_page: 200 }, { signal }),
      loadChoices('campaign', signal),
    ]);
    const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
    return all.map((q) => ({
      value: String(q.question_id),
      label: q.campaign_id
        ? `${q.question_text} (${campaignName.get(q.campaign_id) ?? q.campaign_id})`
        : q.question_text,
    }));
  });
  return (
    <>
      {questions.error ? <ErrorAlert error={questions.error} /> : null}
      <SelectField
        label="Question"
        value={value ? String(value) : ''}
        onChange={(e) => onChange(Number(e.target.value))}
        options={[{ value: '', label: 'Choose a question' }, ...(questions.data ?? [])]}
      />
    </>
  );
}
