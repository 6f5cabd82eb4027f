// /notifications: news about the reports the signed-in person filed (status changes, progress notes), newest
// first; open one to see the report (which marks it read), or mark all read.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Notification } from '../../../../shared/notification.ts';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';

interface Inbox {
  notifications: Notification[];
  total: number;
  unread_count: number;
}

const PER_PAGE = 25;

export function NotificationsPage() {
  const [page, setPage] = useState(1);
  const inbox = useQuery(['notifications', page], (signal) =>
    api.get<Inbox>('/api/v1/notifications', { page, per_page: PER_PAGE }, { signal }),
  );
  const readOne = useAction((id: number) => api.post(`/api/v1/notifications/${id}/read`));
  const readAll = useAction(async () => {
    await api.post('/api/v1/notifications/read-all');
    inbox.reload();
    return true;
  });
  const unread = inbox.data?.unread_count ?? 0;
  return (
    <Page
      title="Notifications"
      intro={inbox.data && (unread === 0 ? 'Nothing unread.' : unread === 1 ? '1 unread' : `${unread} unread`)}
      actions={
        unread > 0 && (
          <Button onClick={() => void readAll.run()} busy={readAll.busy}>
            Mark all read
          </Button>
        )
      }
    >
      <ErrorAlert error={readAll.error ?? readOne.error} />
      <DataTable
        caption="Notifications"
        captionHidden
        rows={inbox.data?.notifications}
        loading={inbox.loading}
        error={inbox.error}
        rowKey={(n) => n.id}
        emptyTitle="No notifications yet"
        empty="When someone works on a report you filed, you will read it here."
        pagination={inbox.data && { page, perPage: PER_PAGE, total: inbox.data.total, onPage: setPage }}
        columns={[
          {
            key: 'title',
            header: 'Notification',
            render: (n) => (
              <div className={n.read_at ? undefined : 'notification-unread'}>
                {n.report_id ? (
                  <Link to={`/reports/mine/${n.report_id}`} onClick={() => void readOne.run(n.id)}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )}
                {n.read_at ? null : <span className="visually-hidden"> (unread)</span>}
                <p className="muted pre-line">{n.body}</p>
              </div>
            ),
          },
          { key: 'when', header: 'When', className: 'nowrap', render: (n) => formatDateTime(n.created_at) },
        ]}
      />
    </Page>
  );
}
