// The rules of offline sync, without a database: the order actions run in, when a failed action may be
// retried, when an update conflicts with the server, and how healthy a user's sync is.

export const actionTypes = ['create_report', 'update_profile', 'upload_media', 'update_task', 'submit_appeal'] as const;
export type ActionType = (typeof actionTypes)[number];

export const resolutions = ['server_wins', 'client_wins', 'merge', 'manual'] as const;
export type Resolution = (typeof resolutions)[number];

export interface OrderedAction {
  priority?: number;
  timestamp: string;
}

/** Higher priority first; equal priorities in the order the client did them (timestamp), then as sent. */
export function orderActions<T extends OrderedAction>(actions: readonly T[]): T[] {
  return actions
    .map((action, index) => ({ action, index }))
    .sort(
      (a, b) =>
        (b.action.priority ?? 0) - (a.action.priority ?? 0) ||
        Date.parse(a.action.timestamp) - Date.parse(b.action.timestamp) ||
        a.index - b.index,
    )
    .map((x) => x.action);
}

/** CiviLens can_retry(): not yet processed and fewer failures than allowed. */
export function canRetry(log: { processed: boolean; retry_count: number; max_retries: number }): boolean {
  return !log.processed && log.retry_count < log.max_retries;
}

/**
 * An update conflicts when the client based it on a version older than the server's: the server changed the
 * entity after the client last saw it. Without a base version the client's change simply applies.
 */
export function isConflict(clientBase: string | null | undefined, serverUpdatedAt: string | null | undefined): boolean {
  if (!clientBase || !serverUpdatedAt) return false;
  const base = Date.parse(clientBase);
  const server = Date.parse(serverUpdatedAt);
  if (Number.isNaN(base) || Number.isNaN(server)) return false;
  return server > base;
}

export function syncHealth(unresolvedConflicts: number): 'good' | 'conflicts_detected' {
  return unresolvedConflicts > 0 ? 'conflicts_detected' : 'good';
}

/** The default start of a download: the device's last download, else 30 days ago. */
export function downloadSince(
  given: string | undefined,
  lastDownload: string | null | undefined,
  now = new Date(),
): Date {
  if (given) return new Date(given);
  if (lastDownload) return new Date(lastDownload);
  return new Date(now.getTime() - 30 * 24 * 3600 * 1000);
}
