// The import wizard: upload (with progress), choose the NC layout or map the columns of a CSV with a preview,
// run a dry run and read its counts, then import with live progress and download the rejected rows.
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { CheckboxField, FormField, SelectField, TextField } from '../../../ui/form-field.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { ProgressBar } from '../../../ui/progress-bar.tsx';
import { useAction } from '../../../ui/use-query.ts';
import { ColumnMapper } from './column-mapper.tsx';
import { ImportCountsList, ImportProgress, useImport } from './import-progress.tsx';
import type { ColumnMapping, UploadPreview } from './import-types.ts';

export function ImportWizardPage() {
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [layout, setLayout] = useState<'nc' | 'csv'>('nc');
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

  const uploadFile = useAction(async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    const p = await api.upload<UploadPreview>('/api/v1/imports/uploads', form, setUploaded);
    setPreview({ ...p, file_name: file.name });
    const nc = /^ncvoter|\.zip$/i.test(file.name) || Boolean(p.header?.includes('ncid'));
    setLayout(nc ? 'nc' : 'csv');
    setMapping((m) => ({
      ...m,
      delimiter: p.header && p.header.length === 1 && /\t/.test(p.header[0]) ? '\t' : m.delimiter,
    }));
    return p;
  });
  const reread = useAction(async (next: ColumnMapping) => {
    const p = await api.post<UploadPreview>(`/api/v1/imports/uploads/${preview!.upload_id}/preview`, {
      layout: 'csv',
      mapping: next,
    });
    setPreview({ ...p, file_name: preview!.file_name });
  });
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
    if (dryRun) setDryRunId(res.import_id);
    else setRunId(res.import_id);
  });

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
        {uploaded !== null && !preview && <ProgressBar label="Uploading" value={Math.round(uploaded * 100)} />}
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
            onChange={(e) => setLayout(e.target.value as 'nc' | 'csv')}
          />
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
                onChange={(e) => {
                  const next = { ...mapping, delimiter: e.target.value as ColumnMapping['delimiter'], columns: {} };
                  setMapping(next);
                  void reread.run(next);
                }}
              />
              <SelectField
                label="Encoding"
                value={mapping.encoding}
                options={['utf8', 'latin1', 'windows-1252']}
                onChange={(e) => setMapping({ ...mapping, encoding: e.target.value as ColumnMapping['encoding'] })}
              />
              <ErrorAlert error={reread.error} />
              {preview.header && (
                <ColumnMapper header={preview.header} rows={preview.rows} mapping={mapping} onChange={setMapping} />
              )}
            </>
          )}
          <TextField
            label="Campaign id (optional)"
            inputMode="numeric"
            value={campaignId}
            onChange={(e) => setCampaignId(e.target.value)}
          />
          <p>
            <Button onClick={() => void start.run(true)} disabled={start.busy}>
              Dry run
            </Button>
          </p>
          <ErrorAlert error={start.error} />
        </Section>
      )}
      {dryRunId && (
        <Section title="3. Dry run">
          {dry.imp?.status === 'done' ? <ImportCountsList imp={dry.imp} /> : <ImportProgress importId={dryRunId} />}
          <ErrorAlert error={dry.error} />
          {dry.imp?.status === 'done' && !runId && (
            <CheckboxField
              label="I have read the counts; import for real"
              onChange={(e) => e.target.checked && void start.run(false)}
            />
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
