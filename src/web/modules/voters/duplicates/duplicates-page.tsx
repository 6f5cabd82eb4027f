// The review queue: pending pairs, best score first, and a button to scan every voter again.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { SelectField } from '../../../ui/form-field.tsx';
import { Page } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import { type Candidate, reasonText } from './duplicate-types.ts';

const DEFAULTS = { status: 'pending', page: '1' };
const name = (p: Candidate['a']) => `${p.first_name ?? ''} ${p.last_name ?? ''}`.trim();

export function DuplicatesPage() {
  const [search, setSearch] = useSearchState(DEFAULTS);
  const page = Number(search.page) || 1;
  const toast = useToast();
  const q = useQuery(['duplicates', search.status, page], (signal) =>
    api.get<{ duplicates: Candidate[]; total: number }>(
      '/api/v1/duplicates',
      { status: search.status, page, per_page: 20 },
      { signal },
    ),
  );
  // The scan is a background job: look again every few seconds for a minute, until new pairs show up.
  const [scanningSince, setScanningSince] = useState<{ at: number; total: number } | null>(null);
  const scan = useAction(async () => {
    await api.post('/api/v1/duplicates/scan', {});
    toast.show('Scan started; new pairs appear here as it finds them');
    setScanningSince({ at: Date.now(), total: q.data?.total ?? 0 });
  });
  const reload = q.reload;
  useEffect(() => {
    if (!scanningSince) return;
    const timer = setInterval(() => {
      if (Date.now() - scanningSince.at > 60_000) setScanningSince(null);
      else reload();
    }, 3000);
    return () => clearInterval(timer);
  }, [scanningSince, reload]);
  const total = q.data?.total;
  useEffect(() => {
    if (scanningSince && total !== undefined && total !== scanningSince.total) setScanningSince(null);
  }, [scanningSince, total]);
  return (
    <Page
      title="Possible duplicates"
      actions={
        <Button onClick={() => void scan.run()} busy={scan.busy || scanningSince !== null}>
          {scanningSince ? 'Scanning…' : 'Scan all voters'}
        </Button>
      }
    >
      <ErrorAlert error={scan.error} />
      <SelectField
        label="Show"
        value={search.status}
        options={[
          { value: 'pending', label: 'To review' },
          { value: 'not_duplicate', label: 'Not duplicates' },
          { value: 'merged', label: 'Merged' },
        ]}
        onChange={(e) => setSearch({ status: e.target.value, page: '1' })}
      />
      <DataTable
        caption="Pairs by score"
        rows={q.data?.duplicates}
        loading={q.loading}
        error={q.error}
        rowKey={(r) => r.candidate_id}
        emptyTitle="No pairs to review"
        pagination={{ page, perPage: 20, total: q.data?.total ?? 0, onPage: (p) => setSearch({ page: String(p) }) }}
        columns={[
          { key: 'score', header: 'Score', className: 'num', render: (r) => r.score.toFixed(2) },
          {
            key: 'a',
            header: 'Person A',
            render: (r) => <Link to={`/voters/duplicates/${r.candidate_id}`}>{name(r.a)}</Link>,
          },
          { key: 'b', header: 'Person B', render: (r) => name(r.b) },
          { key: 'why', header: 'Why', render: (r) => reasonText(r.reasons) },
        ]}
      />
    </Page>
  );
}
