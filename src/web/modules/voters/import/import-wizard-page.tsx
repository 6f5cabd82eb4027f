// The import wizard: upload (with progress), choose the NC layout or map the columns of a CSV, both with a preview
// of the first rows, run a dry run and read its counts, then import with live progress and download the rejected rows.
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { FormField, SelectField } from '../../../ui/form-field.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { ProgressBar } from '../../../ui/progress-bar.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import type { Campaign } from '../voter-types.ts';
import { ColumnMapper } from './column-mapper.tsx';
import { ImportProgress, ImportStatus, useImport } from './import-progress.tsx';
import type { ColumnMapping, UploadPreview } from './import-types.ts';
import { NcPreview } from './nc-preview.tsx';

type Layout = 'nc' | 'csv';

export function ImportWizardPage() {
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [layout, setLayout] = useState<Layout>('nc');
  const [mapping, setMapping] = useState<ColumnMapping>({
    delimiter: ',',
    encoding: 'utf8',
    header: true,
    columns: {},
  });
  const [campaignId, setCampaignId] = useState('');
  const [dryRunId, setDryRunId] = useState<number | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const dry = useImport(dryRunId);
  const campaigns = useQuery(['campaigns-all'], (signal) =>
    api.get<{ campaigns: Campaign[] }>('/api/v1/campaigns', { per_page: 200 }, { signal }),
  );

  // The server reads the head of the upload again with the chosen layout (NC files are Latin-1) or mapping.
  const readAs = async (uploadId: string, fileName: string, nextLayout: Layout, nextMapping: ColumnMapping) => {
    const p = await api.post<UploadPreview>(`/api/v1/imports/uploads/${uploadId}/preview`, {
      layout: nextLayout,
      mapping: nextLayout === 'csv' ? nextMapping : undefined,
    });
    setPreview({ ...p, upload_id: uploadId, file_name: fileName });
  };
  const uploadFile = useAction(async (file: File) => {
    setPreview(null);
    setDryRunId(null);
    setRunId(null);
    setUploaded(0);
    const form = new FormData();
    form.append('file', file);
    const p = await api.upload<UploadPreview>('/api/v1/imports/uploads', form, setUploaded);
    const nc = /^ncvoter/i.test(file.name) || Boolean(p.header?.some((h) => h.trim().toLowerCase() === 'ncid'));
    const tab = p.header?.length === 1 && p.header[0].includes('\t');
    const nextMapping: ColumnMapping = { ...mapping, delimiter: tab ? '\t' : mapping.delimiter, columns: {} };
    setLayout(nc ? 'nc' : 'csv');
    setMapping(nextMapping);
    if (nc || tab) await readAs(p.upload_id, file.name, nc ? 'nc' : 'csv', nextMapping);
    else setPreview({ ...p, file_name: file.name });
  });
  const reread = useAction((nextLayout: Layout, next: ColumnMapping) =>
    readAs(preview!.upload_id, preview!.file_name, nextLayout, next),
  );
  // A dry run answers for the layout and mapping it ran with: a change asks for a new one.
  const forgetDryRun = () => {
    if (!runId) setDryRunId(null);
  };
  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    forgetDryRun();
    void reread.run('csv', next);
  };
  const start = useAction(async (dryRun: boolean) => {
    const body = {
      upload_id: preview!.upload_id,
      file_name: preview!.file_name,
      layout,
      mapping: layout === 'csv' ? mapping : undefined,
      campaign_id: campaignId ? Number(campaignId) : undefined,
      dry_run: dryRun,
    };
    const res = await api.post<{ import_id: number }>('/api/v1/imports/start', body);
    if (dryRun) {
      setRunId(null);
      setDryRunId(res.import_id);
    } else setRunId(res.import_id);
  });
  const dryDone = dry.imp?.status === 'done';

  return (
    <Page
      title="Import voters"
      intro="A North Carolina voter file (the .zip or ncvoter.txt) or any CSV with a column mapping."
    >
      <Section title="1. Upload the file">
        <FormField label="Voter file" hint=".zip, .txt, .csv or .tsv">
          <input
            type="file"
            accept=".zip,.txt,.csv,.tsv"
            onChange={(e) => e.target.files?.[0] && void uploadFile.run(e.target.files[0])}
          />
        </FormField>
        {uploadFile.busy && (
          <ProgressBar label="Uploading" value={uploaded === null ? undefined : Math.round(uploaded * 100)} />
        )}
        <ErrorAlert error={uploadFile.error} />
      </Section>
      {preview && (
        <Section title="2. Layout and columns">
          <SelectField
            label="Layout"
            value={layout}
            options={[
              { value: 'nc', label: 'North Carolina State Board of Elections (ncvoter)' },
              { value: 'csv', label: 'Other CSV / TSV: map the columns' },
            ]}
            onChange={(e) => {
              const next = e.target.value as Layout;
              setLayout(next);
              forgetDryRun();
              void reread.run(next, mapping);
            }}
          />
          {layout === 'nc' && preview.header && <NcPreview header={preview.header} rows={preview.rows} />}
          {layout === 'csv' && (
            <>
              <SelectField
                label="Delimiter"
                value={mapping.delimiter}
                options={[
                  { value: ',', label: 'Comma' },
                  { value: '\t', label: 'Tab' },
                  { value: ';', label: 'Semicolon' },
                  { value: '|', label: 'Pipe' },
                ]}
                onChange={(e) =>
                  changeMapping({ ...mapping, delimiter: e.target.value as ColumnMapping['delimiter'], columns: {} })
                }
              />
              <SelectField
                label="Encoding"
                value={mapping.encoding}
                options={['utf8', 'latin1', 'windows-1252']}
                onChange={(e) => changeMapping({ ...mapping, encoding: e.target.value as ColumnMapping['encoding'] })}
              />
              {preview.header && (
                <ColumnMapper
                  header={preview.header}
                  rows={preview.rows}
                  mapping={mapping}
                  onChange={(next) => {
                    setMapping(next);
                    forgetDryRun();
                  }}
                />
              )}
            </>
          )}
          <ErrorAlert error={reread.error} />
          <SelectField
            label="Add everyone to a campaign (optional)"
            value={campaignId}
            onChange={(e) => {
              setCampaignId(e.target.value);
              forgetDryRun();
            }}
            options={[
              { value: '', label: 'No campaign' },
              ...(campaigns.data?.campaigns ?? []).map((c) => ({
                value: String(c.campaign_id),
                label: c.campaign_name,
              })),
            ]}
          />
          <p>
            <Button onClick={() => void start.run(true)} busy={start.busy} disabled={reread.busy}>
              Dry run
            </Button>
          </p>
          <ErrorAlert error={start.error} />
        </Section>
      )}
      {dryRunId && (
        <Section title="3. Dry run">
          <ImportStatus imp={dry.imp} onResumed={dry.restart} />
          <ErrorAlert error={dry.error} />
          {dryDone && !runId && (
            <p>
              Nothing has been saved yet.{' '}
              <Button variant="primary" onClick={() => void start.run(false)} busy={start.busy}>
                Import for real
              </Button>
            </p>
          )}
        </Section>
      )}
      {runId && (
        <Section title="4. Import">
          <ImportProgress importId={runId} />
        </Section>
      )}
    </Page>
  );
}
