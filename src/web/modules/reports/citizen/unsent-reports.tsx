// The app frame's reminder that reports wait on this device: how many, a link to them and "Sync now". Shown on
// every screen of a user who may file reports, except the citizen screens that show the whole queue themselves.
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../../../auth/auth-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { syncReports, waitingItems } from './report-queue.ts';
import { useReportQueue } from './use-report-queue.ts';

/** Screens that already show the sync status with its own "Sync now". */
const queueScreens = new Set(['/reports/new', '/reports/mine']);

export function UnsentReportsIndicator() {
  const auth = useAuth();
  return auth.status === 'signed_in' && auth.can('reports:create') ? <UnsentReports /> : null;
}

function UnsentReports() {
  const queue = useReportQueue();
  const { pathname } = useLocation();
  const waiting = waitingItems(queue.items).length;
  if (waiting === 0 || queueScreens.has(pathname)) return null;
  return (
    <div className="unsent-reports">
      <p role="status" aria-label="Unsent reports">
        <Link to="/reports/mine">{waiting === 1 ? '1 unsent report' : `${waiting} unsent reports`}</Link>
        {queue.online ? '' : ' (offline)'}
      </p>
      <Button variant="secondary" onClick={() => void syncReports()} busy={queue.syncing} disabled={!queue.online}>
        Sync now
      </Button>
    </div>
  );
}
