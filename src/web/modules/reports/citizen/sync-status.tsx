// The offline queue on screen: one line that says whether reports wait on this device (with "Sync now"), and
// each queued report with its state: queued, syncing, synced (with its report number) or failed (with why).
import { Link } from 'react-router-dom';
import { Button } from '../../../ui/button.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import type { QueuedReport } from './citizen-types.ts';
import { dismissQueued, type QueueSnapshot, syncReports, waitingItems } from './report-queue.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SyncIndicator({ queue }: { queue: QueueSnapshot }) {
  const waiting = waitingItems(queue.items).length;
  const failed = queue.items.filter((i) => i.state === 'failed').length;
  let kind = 'sync-ok';
  let text: string;
  if (!queue.online) {
    kind = 'sync-offline';
    text =
      waiting > 0
        ? `You are offline. ${plural(waiting, 'report waits', 'reports wait')} on this device and will be sent when you are back online.`
        : 'You are offline. Reports you file now wait on this device until you are back online.';
  } else if (queue.syncing) {
    kind = 'sync-busy';
    text = `Syncing ${plural(waiting, 'report', 'reports')}…`;
  } else if (failed > 0) {
    kind = 'sync-failed';
    text = `${plural(failed, 'report', 'reports')} could not be sent. See why below.`;
  } else if (waiting > 0) {
    kind = 'sync-waiting';
    text = `${plural(waiting, 'report waits', 'reports wait')} to be sent${queue.lastError ? `: ${queue.lastError}` : '.'}`;
  } else {
    text = queue.items.length > 0 ? 'Online. Every report from this device has been sent.' : 'Online.';
  }
  return (
    <div className={`sync-indicator ${kind}`}>
      <p role="status" aria-label="Sync status">
        {text}
      </p>
      <Button onClick={() => void syncReports()} busy={queue.syncing} disabled={!queue.online}>
        Sync now
      </Button>
    </div>
  );
}

const stateLabels: Record<QueuedReport['state'], string> = {
  queued: 'Queued',
  syncing: 'Syncing',
  synced: 'Synced',
  failed: 'Failed',
};

function QueuedItem({ item }: { item: QueuedReport }) {
  const photosLeft = item.photos.length;
  return (
    <li className={`queue-item queue-${item.state}`} aria-label={item.data.title}>
      <div className="queue-item-head">
        <strong>{item.data.title}</strong>
        <span className={`badge queue-badge-${item.state}`}>{stateLabels[item.state]}</span>
      </div>
      <p className="muted">Filed on this device {formatDateTime(item.queued_at)}</p>
      {item.state === 'synced' && item.report_id !== null && (
        <p>
          Sent as report{' '}
          <Link to={`/reports/mine/${item.report_id}`}>{item.report_number ?? `#${item.report_id}`}</Link>
        </p>
      )}
      {item.state === 'queued' && <p>Waits for a connection.</p>}
      {item.state === 'failed' && (
        <p className="field-error">
          {item.error}
          {item.can_retry ? ' It will be tried again at the next sync.' : ' It will not be tried again.'}
        </p>
      )}
      {item.state !== 'failed' && item.error && <p className="muted">{item.error}</p>}
      {(photosLeft > 0 || item.photos_uploaded > 0) && (
        <p className="muted">
          {photosLeft > 0 ? `${plural(photosLeft, 'photo', 'photos')} waiting to upload. ` : ''}
          {item.photos_uploaded > 0 ? `${plural(item.photos_uploaded, 'photo', 'photos')} uploaded.` : ''}
        </p>
      )}
      {item.photo_errors.map((e) => (
        <p key={e} className="field-error">
          Photo not accepted: {e}
        </p>
      ))}
      {(item.state === 'synced' ? photosLeft === 0 : item.state === 'failed' && !item.can_retry) && (
        <Button variant="link" onClick={() => void dismissQueued(item.client_id)}>
          {item.state === 'synced' ? 'Remove from this list' : 'Discard'}
        </Button>
      )}
    </li>
  );
}

/** The queued reports of this device, or nothing when there are none. */
export function QueuedReports({ queue }: { queue: QueueSnapshot }) {
  if (queue.items.length === 0) return null;
  return (
    <Section title="Reports on this device">
      <ul className="queue-list">
        {queue.items.map((item) => (
          <QueuedItem key={item.client_id} item={item} />
        ))}
      </ul>
    </Section>
  );
}
