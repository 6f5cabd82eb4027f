// Live progress of one import: polls GET /api/v1/imports/:id every second until it is done or failed.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { formatNumber } from '../../../ui/format.ts';
import { ProgressBar } from '../../../ui/progress-bar.tsx';
import { useAction } from '../../../ui/use-query.ts';
import type { VoterImport } from './import-types.ts';

export function useImport(importId: number | null) {
  const [imp, setImp] = useState<VoterImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation polls again (after a resume)
  useEffect(() => {
    setImp((current) => (current?.import_id === importId ? current : null));
    if (!importId) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await api.get<{ import: VoterImport }>(`/api/v1/imports/${importId}`);
        if (stop) return;
        setImp(res.import);
        setError(null);
        if (res.import.status !== 'done' && res.import.status !== 'failed') timer = setTimeout(poll, 1000);
      } catch (err) {
        // A lost answer is shown and asked again; the import goes on at the server either way.
        if (stop) return;
        setError(err);
        timer = setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [importId, generation]);
  const restart = useCallback(() => setGeneration((g) => g + 1), []);
  return { imp, error, restart };
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
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </Fragment>
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
  const { imp, error, restart } = useImport(importId);
  return (
    <>
      <ErrorAlert error={error} />
      <ImportStatus imp={imp} onResumed={restart} />
    </>
  );
}

/** An import's progress bar; once it is done, its counts and the rejected rows to download. */
export function ImportStatus({ imp, onResumed }: { imp: VoterImport | null; onResumed(): void }) {
  const resume = useAction(async (importId: number) => {
    await api.post(`/api/v1/imports/${importId}/resume`, {});
    onResumed();
  });
  const download = useAction((importId: number, warnings: boolean) => downloadRejected(importId, warnings));
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
          <p>{imp.error}</p>
          <Button onClick={() => void resume.run(imp.import_id)} busy={resume.busy}>
            Resume where it stopped
          </Button>
          <ErrorAlert error={resume.error} />
        </Alert>
      )}
      {imp.status === 'done' && (
        <>
          <ImportCountsList imp={imp} />
          {imp.counts.rejected + imp.counts.warnings > 0 && (
            <p>
              <Button variant="secondary" onClick={() => void download.run(imp.import_id, false)}>
                Download rejected rows (CSV)
              </Button>{' '}
              <Button variant="link" onClick={() => void download.run(imp.import_id, true)}>
                With warnings
              </Button>
            </p>
          )}
          <ErrorAlert error={download.error} />
        </>
      )}
    </div>
  );
}
