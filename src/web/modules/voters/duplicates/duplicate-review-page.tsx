// One pair side by side: choose who survives and, field by field, which value to keep; merge, undo the merge,
// or say they are not the same person (the pair is then never proposed again).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import { type Candidate, mergeFields, reasonText } from './duplicate-types.ts';

export function DuplicateReviewPage() {
  const id = Number(useParams().id);
  const q = useQuery(['duplicate', id], (signal) =>
    api.get<{ duplicate: Candidate }>(`/api/v1/duplicates/${id}`, undefined, { signal }),
  );
  const [survivor, setSurvivor] = useState<'a' | 'b'>('a');
  const [picks, setPicks] = useState<Record<string, 'a' | 'b'>>({});
  const [mergeId, setMergeId] = useState<number | null>(null);
  const c = q.data?.duplicate;
  // A field keeps the survivor's value unless picked otherwise, or unless only the other person has one:
  // a merge should not drop a phone number or an address that one of the two records holds.
  const pick = (field: string): 'a' | 'b' => {
    if (picks[field]) return picks[field];
    const other = survivor === 'a' ? 'b' : 'a';
    const empty = (side: 'a' | 'b') => (c![side][field] ?? '') === '';
    return empty(survivor) && !empty(other) ? other : survivor;
  };
  const merge = useAction(async () => {
    const survivorId = survivor === 'a' ? c!.voter_id_a : c!.voter_id_b;
    const fromLoser = Object.fromEntries(
      mergeFields.filter((field) => pick(field) !== survivor).map((field) => [field, 'loser']),
    );
    const res = await api.post<{ merge_id: number }>(`/api/v1/duplicates/${id}/merge`, {
      survivor_voter_id: survivorId,
      picks: fromLoser,
    });
    setMergeId(res.merge_id);
    setPicks({});
    q.reload();
  });
  const undo = useAction(async (m: number) => {
    await api.post(`/api/v1/merges/${m}/undo`, {});
    setMergeId(null);
    setPicks({});
    q.reload();
  });
  const notDuplicate = useAction(async () => {
    await api.post(`/api/v1/duplicates/${id}/not-duplicate`, {});
    q.reload();
  });
  if (q.loading && !c) return <Spinner label="Loading the pair" />;
  if (!c) return <ErrorAlert error={q.error} />;
  const currentMerge = mergeId ?? c.merge_id;
  const pending = c.status === 'pending';
  return (
    <Page title={`Possible duplicate (score ${c.score.toFixed(2)})`} intro={reasonText(c.reasons)}>
      {c.status === 'merged' && currentMerge && (
        <Alert kind="success" title="Merged">
          <Button variant="secondary" onClick={() => void undo.run(currentMerge)} disabled={undo.busy}>
            Undo the merge
          </Button>
        </Alert>
      )}
      {c.status === 'not_duplicate' && <Alert kind="info">Marked as not the same person.</Alert>}
      <ErrorAlert error={merge.error ?? undo.error ?? notDuplicate.error} />
      <Section title="Side by side">
        <div className="table-scroll">
          <table className="data-table">
            <caption>{pending ? 'Pick the value to keep in each row' : 'The two records now'}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                {(['a', 'b'] as const).map((side) => (
                  <th key={side} scope="col">
                    {pending ? (
                      <label>
                        <input
                          type="radio"
                          name="survivor"
                          checked={survivor === side}
                          onChange={() => setSurvivor(side)}
                        />{' '}
                        Keep person {side.toUpperCase()} (#{c[side].voter_id})
                      </label>
                    ) : (
                      <>Person {side.toUpperCase()} </>
                    )}{' '}
                    <Link to={`/voters/${c[side].voter_id}`}>
                      Open <span className="visually-hidden">person {side.toUpperCase()}</span>
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {mergeFields.map((field) => (
                <tr key={field}>
                  <th scope="row">{field.replace(/_/g, ' ')}</th>
                  {(['a', 'b'] as const).map((side) => (
                    <td key={side}>
                      {pending ? (
                        <label>
                          <input
                            type="radio"
                            name={field}
                            checked={pick(field) === side}
                            onChange={() => setPicks({ ...picks, [field]: side })}
                          />{' '}
                          {String(c[side][field] ?? '—')}
                        </label>
                      ) : (
                        String(c[side][field] ?? '—')
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pending && (
          <p>
            <Button onClick={() => void merge.run()} disabled={merge.busy}>
              Merge into person {survivor.toUpperCase()}
            </Button>{' '}
            <Button variant="secondary" onClick={() => void notDuplicate.run()} disabled={notDuplicate.busy}>
              Not the same person
            </Button>
          </p>
        )}
      </Section>
    </Page>
  );
}
