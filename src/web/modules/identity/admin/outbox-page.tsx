// /admin/outbox: every email and SMS Caucus sent or kept (without SMTP, mail stays here to be read).
import { api } from '../../../api/client.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../../ui/filter-bar.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import type { OutboxMessage } from '../identity-types.ts';

const DEFAULTS = { channel: '', status: '', to: '', page: '1' };
const PER_PAGE = 25;
const statuses = ['queued', 'sending', 'sent', 'kept', 'failed', 'suppressed'];

const statusClass = (s: string) =>
  s === 'sent'
    ? 'badge badge-success'
    : s === 'failed'
      ? 'badge badge-danger'
      : s === 'kept'
        ? 'badge'
        : 'badge badge-warning';

export function OutboxPage() {
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const page = Math.max(1, Number(filters.page) || 1);
  const outbox = useQuery(['outbox', filters], (signal) =>
    api.get<{ messages: OutboxMessage[]; total: number }>(
      '/api/v1/mail/outbox',
      { channel: filters.channel, status: filters.status, to: filters.to, page, per_page: PER_PAGE },
      { signal },
    ),
  );

  return (
    <Page
      title="Mail outbox"
      intro={<p>Emails and text messages, newest first. Without an SMTP server, messages are kept here.</p>}
      actions={null}
    >
      <FilterBar
        label="Filter messages"
        values={filters}
        onApply={(form) => setFilters(formValues(form))}
        onClear={() => setFilters({ channel: '', status: '', to: '' })}
      >
        <SelectField
          label="Channel"
          name="channel"
          defaultValue={filters.channel}
          options={[
            { value: '', label: 'Email and SMS' },
            { value: 'email', label: 'Email' },
            { value: 'sms', label: 'SMS' },
          ]}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status}
          options={[{ value: '', label: 'Any status' }, ...statuses]}
        />
        <TextField label="Recipient (exact)" name="to" defaultValue={filters.to} maxLength={320} />
      </FilterBar>
      <DataTable
        caption="Messages"
        captionHidden
        rows={outbox.data?.messages}
        loading={outbox.loading}
        error={outbox.error}
        rowKey={(m) => m.id}
        emptyTitle="No messages"
        pagination={
          outbox.data && {
            page,
            perPage: PER_PAGE,
            total: outbox.data.total,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          { key: 'time', header: 'Created', className: 'nowrap', render: (m) => formatDateTime(m.created_at) },
          { key: 'channel', header: 'Channel', render: (m) => (m.channel === 'sms' ? 'SMS' : 'Email') },
          { key: 'to', header: 'To', render: (m) => m.to_address },
          {
            key: 'message',
            header: 'Message',
            className: 'text',
            render: (m) => (
              <details>
                <summary>
                  {m.subject ?? (m.text_body.length > 60 ? `${m.text_body.slice(0, 60)}…` : m.text_body)}
                </summary>
                <pre className="mail-body">{m.text_body}</pre>
                {m.error && <p className="field-error">Error: {m.error}</p>}
              </details>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            render: (m) => (
              <>
                <span className={statusClass(m.status)}>{m.status}</span>
                {m.sent_at && <div className="muted">{formatDateTime(m.sent_at)}</div>}
              </>
            ),
          },
        ]}
      />
    </Page>
  );
}
