// The report queue: every report filed on this device, online or not, waits in IndexedDB with its photos and goes
// to POST /api/v1/reports/sync/upload (at once when online, else when the browser is back online or on "Sync now").
// Each keeps the client_id it was queued with, and the server does a client_id once, so a retry after a lost
// answer never files twice. Photos follow once the server has the report. Screens read it through useReportQueue().
import { errorMessage, isApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';
import { tokens } from '../../../api/tokens.ts';
import type { QueuedPhoto, QueuedReport, ReportInput, UploadAnswer } from './citizen-types.ts';
import { offlineStore } from './offline-db.ts';

const queue = offlineStore<QueuedReport>('report_queue');
const maxActionsPerUpload = 100;
/** While reports wait and the browser says it is online (the server may still be unreachable), retry this often. */
const retryEveryMs = 60_000;
/**
 * A stalled connection (a captive portal, a dead mobile link) must not keep the queue "syncing" for ever and
 * every later sync waiting behind it: an upload of report data (no photos) that has no answer by then counts as
 * "server unreachable" and the reports wait for the next sync. The server does a client_id once, so a late
 * success is never filed twice.
 */
const uploadTimeoutMs = 30_000;

export interface QueueSnapshot {
  /** This user's queued reports, newest first. */
  items: QueuedReport[];
  online: boolean;
  syncing: boolean;
  /** Why the last sync stopped (offline, or the server's answer), null after a clean one. */
  lastError: string | null;
  /** The photo being uploaded: whose (client_id), how many of the report's photos are done (fractional), of how many. */
  uploading: { client_id: string; done: number; total: number } | null;
}

let snapshot: QueueSnapshot = {
  items: [],
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  lastError: null,
  uploading: null,
};
const listeners = new Set<() => void>();
let userId: number | null = null;
let running: Promise<void> | null = null;
/** A sync asked for while one runs: it starts when that one ends (which may not have seen the newest reports). */
let next: Promise<void> | null = null;
// Other tabs of this browser share the queue; they say when it changed.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('caucus-report-queue');

function emit(patch: Partial<QueueSnapshot>) {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

async function refresh() {
  if (userId === null) return emit({ items: [] });
  const all = await queue.all();
  const mine = all.filter((i) => i.user_id === userId).sort((a, b) => b.queued_at.localeCompare(a.queued_at));
  emit({ items: mine });
}

async function save(item: QueuedReport) {
  await queue.put(item);
  channel?.postMessage('changed');
  await refresh();
}

const onOnline = () => {
  emit({ online: true });
  void syncReports();
};
const onOffline = () => emit({ online: false });
/** refresh() for event handlers: a storage failure is shown, never an unhandled rejection. */
const refreshQuietly = () => refresh().catch((error) => emit({ lastError: errorMessage(error) }));
const onMessage = () => void refreshQuietly();

/** Reports still needing the server: not sent yet, retryable failures, or photos not uploaded. */
export function waitingItems(items: QueuedReport[]) {
  return items.filter(
    (i) =>
      i.state === 'queued' ||
      i.state === 'syncing' ||
      (i.state === 'failed' && i.can_retry) ||
      (i.report_id !== null && i.photos.length > 0),
  );
}

let listening = false;

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Once subscribed (the app frame's indicator does it for anyone who may file reports), coming back online
  // syncs whatever page the user is on.
  if (!listening) {
    listening = true;
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    channel?.addEventListener('message', onMessage);
    // Failed reports wait for "Sync now" or the next `online` event instead of a retry every minute.
    setInterval(() => {
      const unsent = snapshot.items.some((i) => i.state === 'queued' || (i.report_id !== null && i.photos.length > 0));
      if (navigator.onLine && !running && unsent) void syncReports();
    }, retryEveryMs);
  }
  if (snapshot.online !== navigator.onLine) emit({ online: navigator.onLine });
  return () => {
    listeners.delete(listener);
  };
}

export const getSnapshot = () => snapshot;

/** Whose queue to show and sync (each user syncs only their own reports); syncs at once when online. */
export function setQueueUser(id: number | null) {
  if (id === userId) return;
  userId = id;
  void refreshQuietly().then(() => {
    if (id !== null && navigator.onLine) void syncReports();
  });
}

/** One id per browser, sent as device_id so the server keeps this device's sync state. */
function deviceId(): string {
  const key = 'caucus.device_id';
  let id = localStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(key, id);
  }
  return id;
}

function newItem(data: ReportInput, photos: File[]): QueuedReport {
  return {
    client_id: crypto.randomUUID(),
    user_id: userId!,
    queued_at: new Date().toISOString(),
    data,
    photos: photos.map((f) => ({ name: f.name, type: f.type, blob: f })),
    state: 'queued',
    error: null,
    can_retry: true,
    report_id: null,
    report_number: null,
    photos_uploaded: 0,
    photo_errors: [],
  };
}

/** Keeps a report (and its photos) for the next sync. */
export async function enqueueReport(data: ReportInput, photos: File[]): Promise<QueuedReport> {
  if (userId === null) throw new Error('Sign in to file a report');
  const item = newItem(data, photos);
  await save(item);
  return item;
}

/** The queued report with this client_id, as stored now. */
export function queuedReport(clientId: string): Promise<QueuedReport | undefined> {
  return queue.get(clientId);
}

/** Forgets a queued report on this device (a synced one, or a failed one the user gives up on). */
export async function dismissQueued(clientId: string) {
  await queue.delete(clientId);
  channel?.postMessage('changed');
  await refresh();
}

/** Uploads one photo to a report (field "file"); `onProgress` gets 0..1. */
function uploadPhoto(reportId: number, photo: Blob, name: string, onProgress?: (fraction: number) => void) {
  const form = new FormData();
  form.append('file', photo, name);
  return api.upload<{ media: { id: number }[] }>(`/api/v1/reports/${reportId}/media`, form, onProgress);
}

/** Errors worth trying again later (no connection or no answer, server trouble, expired session), not giving up. */
export function isTransient(error: unknown): boolean {
  return (
    (isApiError(error) &&
      (error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500)) ||
    (error instanceof DOMException && error.name === 'TimeoutError')
  );
}

/**
 * Sends what is queued, then the photos of synced reports. One sync at a time, across this browser's tabs; the
 * promise settles after a sync that started after the call, so a report queued just before has been tried.
 */
export function syncReports(): Promise<void> {
  if (!running) {
    running = runSync().finally(() => {
      running = null;
    });
    return running;
  }
  next ??= running.then(() => {
    next = null;
    return syncReports();
  });
  return next;
}

async function runSync() {
  if (userId === null || !tokens.access()) return;
  emit({ syncing: true, lastError: null });
  try {
    const locks = navigator.locks;
    if (locks) await locks.request('caucus-report-sync', () => syncOnce());
    else await syncOnce();
  } catch (error) {
    emit({ lastError: errorMessage(error) });
  } finally {
    await refreshQuietly();
    emit({ syncing: false, online: navigator.onLine, uploading: null });
  }
}

async function syncOnce() {
  if (await uploadReports()) await uploadPhotos();
}

/** The create_report actions of queued reports; false when the server could not be reached. */
async function uploadReports(): Promise<boolean> {
  const pending = (await queue.all())
    .filter((i) => i.user_id === userId && i.report_id === null && (i.state !== 'failed' || i.can_retry))
    .sort((a, b) => a.queued_at.localeCompare(b.queued_at))
    .slice(0, maxActionsPerUpload);
  if (pending.length === 0) return true;
  for (const item of pending) await save({ ...item, state: 'syncing', error: null });

  let answer: UploadAnswer;
  try {
    answer = await api.post<UploadAnswer>(
      '/api/v1/reports/sync/upload',
      {
        device_id: deviceId(),
        device_info: { platform: 'web', user_agent: navigator.userAgent.slice(0, 300) },
        actions: pending.map((item) => ({
          client_id: item.client_id,
          action_type: 'create_report',
          entity_type: 'report',
          timestamp: item.queued_at,
          data: item.data,
        })),
      },
      { signal: AbortSignal.timeout(uploadTimeoutMs) },
    );
  } catch (error) {
    const transient = isTransient(error);
    for (const item of pending) {
      await save({ ...item, state: transient ? 'queued' : 'failed', error: transient ? null : errorMessage(error) });
    }
    emit({ lastError: errorMessage(error) });
    return false;
  }
  for (const result of answer.results) {
    const item = pending.find((i) => i.client_id === result.client_id);
    if (!item) continue;
    if (result.status === 'success') {
      await save({
        ...item,
        state: item.photos.length > 0 ? 'syncing' : 'synced',
        error: null,
        report_id: result.entity_id ?? result.result?.report_id ?? null,
        report_number: result.result?.report_number ?? null,
      });
    } else {
      const reason = result.message ?? 'The server did not accept this report';
      await save({ ...item, state: 'failed', error: reason, can_retry: result.can_retry });
    }
  }
  return true;
}

/** Photos of reports the server has; each leaves the queue as soon as it is uploaded. */
async function uploadPhotos() {
  const waiting = (await queue.all()).filter((i) => i.user_id === userId && i.report_id !== null);
  for (let item of waiting) {
    while (item.photos.length > 0) {
      const [photo, ...rest]: QueuedPhoto[] = item.photos;
      const done = item.photos_uploaded + item.photo_errors.length;
      const total = done + item.photos.length;
      const clientId = item.client_id;
      const progress = (fraction: number) => emit({ uploading: { client_id: clientId, done: done + fraction, total } });
      progress(0);
      try {
        await uploadPhoto(item.report_id!, photo.blob, photo.name, progress);
        item = { ...item, photos: rest, photos_uploaded: item.photos_uploaded + 1 };
      } catch (error) {
        if (isTransient(error)) {
          await save({ ...item, state: 'synced', error: `Photos wait for the next sync: ${errorMessage(error)}` });
          emit({ lastError: errorMessage(error) });
          return;
        }
        item = { ...item, photos: rest, photo_errors: [...item.photo_errors, `${photo.name}: ${errorMessage(error)}`] };
      }
      await save(item);
    }
    if (item.state !== 'synced' || item.error) await save({ ...item, state: 'synced', error: null });
  }
}
