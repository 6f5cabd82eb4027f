// /reports/new: a citizen files a civic issue: where (map pin), what (category, title, description), photos.
// Every report takes one path: it is queued on the device with a client_id and its photos and, when online,
// synced at once. The server files a client_id once, so an answer lost on the way never files a report twice;
// when the server is out of reach the report simply stays queued for the next sync.
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/api-error.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../ui/form-field.tsx';
import { Page } from '../../../ui/page.tsx';
import { ProgressBar } from '../../../ui/progress-bar.tsx';
import { useToast } from '../../../ui/toast.tsx';
import type { LatLng } from './base-map.tsx';
import type { ReportInput } from './citizen-types.ts';
import { LocationPicker } from './location-picker.tsx';
import { PhotoPicker } from './photo-picker.tsx';
import { dismissQueued, enqueueReport, queuedReport, syncReports } from './report-queue.ts';
import { QueuedReports, SyncIndicator } from './sync-status.tsx';
import { useCategories } from './use-categories.ts';
import { useReportQueue } from './use-report-queue.ts';

interface Draft {
  title: string;
  description: string;
  category: string;
  address: string;
  is_public: boolean;
}

const emptyDraft: Draft = { title: '', description: '', category: '', address: '', is_public: true };

export function ReportFormPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const queue = useReportQueue();
  const categories = useCategories();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [location, setLocation] = useState<LatLng | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [formKey, setFormKey] = useState(0);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The client_id of the report being sent now: its photos' upload progress shows under the form.
  const [sending, setSending] = useState<string | null>(null);
  const progress = sending && queue.uploading?.client_id === sending ? queue.uploading : null;

  const set = (field: keyof Draft) => (value: string | boolean) => setDraft((d) => ({ ...d, [field]: value }));
  const fieldError = (field: string) => checks[field] ?? (isApiError(error) ? (error.fieldError(field) ?? null) : null);

  const reset = () => {
    setDraft(emptyDraft);
    setLocation(null);
    setPhotos([]);
    setChecks({});
    setFormKey((k) => k + 1);
  };

  const keptOnDevice = (why: string) => {
    reset();
    toast.show(`${why} Your report is saved on this device and will be sent when you are back online.`, 'info');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.title.trim().length < 3) found.title = 'Give the report a title of at least 3 characters.';
    if (!draft.description.trim()) found.description = 'Describe the issue.';
    if (!location) found.location = 'Click the map to place the pin, or use your location.';
    setChecks(found);
    setError(null);
    if (Object.keys(found).length > 0 || !location) return;
    const data: ReportInput = {
      title: draft.title.trim(),
      description: draft.description.trim(),
      latitude: location.lat,
      longitude: location.lng,
      is_public: draft.is_public,
      ...(draft.category ? { category: draft.category } : {}),
      ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
    };
    setBusy(true);
    try {
      const item = await enqueueReport(data, photos);
      if (!navigator.onLine) return keptOnDevice('You are offline.');
      setSending(item.client_id);
      await syncReports();
      const sent = await queuedReport(item.client_id);
      if (sent?.report_id != null) {
        const notes = sent.photo_errors.map((e) => `Photo not accepted: ${e}.`);
        if (sent.photos.length > 0) {
          notes.push('The remaining photos are saved on this device and will be uploaded at the next sync.');
        } else await dismissQueued(sent.client_id); // fully sent: nothing of it is left on this device
        const number = sent.report_number ?? `#${sent.report_id}`;
        toast.show(`Report ${number} filed. ${notes.join(' ')}`.trim(), notes.length > 0 ? 'warning' : 'success');
        navigate(`/reports/mine/${sent.report_id}`);
      } else if (sent?.state === 'failed') {
        // The server refused it: the draft stays in the form to be fixed, and the queued copy goes.
        await dismissQueued(sent.client_id);
        setError(new Error(sent.error ?? 'The server did not accept this report'));
      } else keptOnDevice('The server cannot be reached.');
    } catch (err) {
      setError(err);
    } finally {
      setSending(null);
      setBusy(false);
    }
  };

  return (
    <Page
      title="Report an issue"
      intro="Tell the city about a pothole, a broken streetlight, a leak or anything else in a public place. It works offline too."
    >
      <SyncIndicator queue={queue} />
      <form className="card report-form" onSubmit={submit} noValidate key={formKey}>
        <ErrorAlert error={error} title="The report was not filed" />
        <LocationPicker value={location} onChange={setLocation} error={checks.location} />
        <SelectField
          label="Category"
          value={draft.category}
          onChange={(e) => set('category')(e.currentTarget.value)}
          hint={categories.error ? 'The categories could not be loaded; Caucus will choose one.' : undefined}
          options={[
            { value: '', label: 'Not sure: let Caucus choose' },
            ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
        <TextField
          label="Title"
          required
          maxLength={255}
          value={draft.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={fieldError('title')}
          hint="A few words, e.g. “Deep pothole outside the bus stop”."
        />
        <TextAreaField
          label="Description"
          required
          maxLength={10000}
          rows={4}
          value={draft.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={fieldError('description')}
        />
        <TextField
          label="Address or landmark"
          maxLength={500}
          value={draft.address}
          onChange={(e) => set('address')(e.currentTarget.value)}
          error={fieldError('address')}
          hint="Optional: helps the crew find the spot."
        />
        <PhotoPicker photos={photos} onChange={setPhotos} />
        <CheckboxField
          label="Show this report on the public map"
          checked={draft.is_public}
          onChange={(e) => set('is_public')(e.currentTarget.checked)}
          hint="Your name and contact details are never shown publicly."
        />
        {progress && (
          <ProgressBar
            label="Uploading photos"
            value={progress.done}
            max={progress.total}
            valueText={`${Math.floor(progress.done)} of ${progress.total}`}
          />
        )}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {queue.online ? 'File report' : 'Save report to send later'}
          </Button>
        </div>
      </form>
      <QueuedReports queue={queue} />
    </Page>
  );
}
