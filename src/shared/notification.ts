// A reporter's notification as the API answers it (src/modules/reports/notifications.ts) and the web app shows
// it (src/web/modules/reports/citizen/notifications-page.tsx).
export interface Notification {
  id: number;
  report_id: number | null;
  kind: 'status_changed' | 'progress_update';
  title: string;
  body: string;
  read_at: string | null;
  created_at: string;
}
