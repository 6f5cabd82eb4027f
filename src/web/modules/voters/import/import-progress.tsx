// Live progress of one import: polls GET /api/v1/imports/:id every second until it is done or failed.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { formatNumber } from '../../../ui/format.ts';
import { ProgressBar } from '../../../ui/progress-bar.tsx';
import type { VoterImport } from './import-types.ts';

export function useImport(importId: number | null) {
  const [imp, setImp] = useState<VoterImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!importId) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await api.get<{ import: VoterImport }>(`/api/v1/imports/${importId}`);
        if (stop) return;
        setImp(res.import);
        if (res.import.status !== 'done' && res.import.status !== 'failed') timer = setTimeout(poll, 1000);
      } catch (err) {
        if (!stop) setError(err);
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [importId]);
  return { imp, error };
}

export function ImportCountsList({ imp }: { imp: VoterImport }) {
  const c = imp.counts;
  const rows: [string, number][] = [
    ['Rows read', imp.rows_read],
    [imp.dry_run ? 'Would be inserted' : 'Inserted', c.inserted],
    [imp.dry_run ? 'Would be updated' : 'Updated', c.updated],
    ['Unchanged', c.unchanged],
    ['Rejected', c.rejected],
    ['Warnings', c.warnings],
  ];
  return (
    <dl className="details-grid">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function downloadRejected(importId: number, warnings = false) {
  const { blob, filename } = await api.download(
    `/api/v1/imports/${importId}/errors.csv${warnings ? '?include=warnings' : ''}`,
  );
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

export function ImportProgress({ importId }: { importId: number }) {
  const { imp, error } = useImport(importId);
  if (error) return <ErrorAlert error={error} />;
  return <ImportStatus imp={imp} />;
}

/** An import's progress bar; once it is done, its counts and the rejected rows to download. */
export function ImportStatus({ imp }: { imp: VoterImport | null }) {
  if (!imp) return <ProgressBar label="Starting the import" />;
  const phase = {
    queued: 'Waiting to start',
    staging: 'Reading the file',
    normalizing: 'Cleaning values',
    merging: 'Saving voters',
    done: 'Done',
    failed: 'Failed',
  }[imp.status];
  return (
    <div>
      <ProgressBar
        label={`${imp.dry_run ? 'Dry run' : 'Import'} ${imp.import_id}: ${phase}`}
        value={Math.round(imp.progress * 1000)}
        max={1000}
        valueText={
          imp.status === 'merging'
            ? `${formatNumber(imp.last_merged_line)} of ${formatNumber(imp.last_line)} lines`
            : undefined
        }
      />
      {imp.status === 'failed' && (
        <Alert kind="error" title="The import stopped">
          {imp.error} Running it again resumes where it stopped.
        </Alert>
      )}
      {imp.status === 'done' && (
        <>
          <ImportCountsList imp={imp} />
          {imp.counts.rejected + imp.counts.warnings > 0 && (
            <p>
              <Button variant="secondary" onClick={() => void downloadRejected(imp.import_id)}>
                Download rejected rows (CSV)
              </Button>{' '}
              <Button variant="link" onClick={() => void downloadRejected(imp.import_id, true)}>
                With warnings
              </Button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
