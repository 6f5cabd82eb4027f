// The offline report queue as React state: this user's queued reports, online/offline and whether a sync runs.
import { useEffect, useSyncExternalStore } from 'react';
import { useAuth } from '../../../auth/auth-context.tsx';
import { getSnapshot, type QueueSnapshot, setQueueUser, subscribe } from './report-queue.ts';

export function useReportQueue(): QueueSnapshot {
  const { user } = useAuth();
  const userId = user?.id ?? null;
  useEffect(() => setQueueUser(userId), [userId]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
