// /admin/audit-log: search the audit trail by user, action, status, resource and time range.
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../../ui/filter-bar.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import { type AuditLogEntry, roleLabel } from '../identity-types.ts';

const DEFAULTS = {
  user_id: '',
  action: '',
  status: '',
  resource_type: '',
  resource_id: '',
  from: '',
  to: '',
  page: '1',
};
const PER_PAGE = 50;

/** Actions the identity module records; other modules add theirs (the field accepts any text). */
const knownActions = [
  'login_success',
  'login_failure',
  'logout',
  'logout_all',
  'token_refresh',
  'token_reuse_detected',
  'password_change',
  'password_reset_request',
  'password_reset_complete',
  'session_created',
  'session_revoked',
  'account_locked',
  'account_unlocked',
  'two_fa_enabled',
  'two_fa_disabled',
  'email_verified',
  'phone_verified',
  'user_created',
  'user_updated',
  'user_role_changed',
  'user_deactivated',
  'api_key_created',
  'api_key_revoked',
];

/** datetime-local (local time) → ISO for the API; '' stays ''. */
const toIso = (local: string) => {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
};

const statusBadge = (status: string) =>
  status === 'success' ? 'badge badge-success' : status === 'failure' ? 'badge badge-danger' : 'badge badge-warning';

export function AuditLogPage() {
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const page = Math.max(1, Number(filters.page) || 1);
  const logs = useQuery(['audit', filters], (signal) =>
    api.get<{ audit_logs: AuditLogEntry[]; total: number }>(
      '/api/v1/audit-logs',
      {
        user_id: /^\d+$/.test(filters.user_id) ? filters.user_id : undefined,
        action: filters.action,
        status: filters.status,
        resource_type: filters.resource_type,
        resource_id: filters.resource_id,
        from: toIso(filters.from),
        to: toIso(filters.to),
        page,
        per_page: PER_PAGE,
      },
      { signal },
    ),
  );

  return (
    <Page title="Audit log" intro={<p>Every privileged action, newest first. Records cannot be changed or deleted.</p>}>
      <FilterBar
        label="Filter the audit log"
        values={filters}
        onApply={(form) => setFilters(formValues(form))}
        onClear={() => setFilters({ ...DEFAULTS })}
      >
        <TextField label="Action" name="action" list="audit-actions" defaultValue={filters.action} maxLength={100} />
        <datalist id="audit-actions">
          {knownActions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status}
          options={[
            { value: '', label: 'Any status' },
            { value: 'success', label: 'Success' },
            { value: 'failure', label: 'Failure' },
            { value: 'warning', label: 'Warning' },
          ]}
        />
        <TextField
          label="User ID"
          name="user_id"
          inputMode="numeric"
          pattern="[0-9]*"
          defaultValue={filters.user_id}
          maxLength={10}
        />
        <TextField label="Resource type" name="resource_type" defaultValue={filters.resource_type} maxLength={50} />
        <TextField label="Resource ID" name="resource_id" defaultValue={filters.resource_id} maxLength={100} />
        <TextField label="From" name="from" type="datetime-local" defaultValue={filters.from} />
        <TextField label="Until" name="to" type="datetime-local" defaultValue={filters.to} />
      </FilterBar>
      <DataTable
        caption="Audit records"
        captionHidden
        rows={logs.data?.audit_logs}
        loading={logs.loading}
        error={logs.error}
        rowKey={(r) => r.id}
        emptyTitle="No audit records match these filters"
        pagination={
          logs.data && {
            page,
            perPage: PER_PAGE,
            total: logs.data.total,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          { key: 'time', header: 'Time', className: 'nowrap', render: (r) => formatDateTime(r.timestamp) },
          { key: 'action', header: 'Action', render: (r) => <code>{r.action}</code> },
          { key: 'status', header: 'Status', render: (r) => <span className={statusBadge(r.status)}>{r.status}</span> },
          {
            key: 'user',
            header: 'User',
            render: (r) =>
              r.user_id ? (
                <>
                  <Link to={`/admin/users/${r.user_id}`}>#{r.user_id}</Link>
                  {r.user_role && <span className="muted"> {roleLabel(r.user_role)}</span>}
                </>
              ) : (
                <span className="muted">system</span>
              ),
          },
          {
            key: 'resource',
            header: 'Resource',
            render: (r) => (r.resource_type ? `${r.resource_type}${r.resource_id ? ` #${r.resource_id}` : ''}` : '—'),
          },
          {
            key: 'description',
            header: 'Description',
            className: 'text',
            render: (r) => (
              <>
                {r.description ?? '—'}
                {(r.extra_data != null || r.ip_address || r.request_id) && (
                  <details>
                    <summary>Details</summary>
                    <dl className="details-grid">
                      <dt>IP</dt>
                      <dd>{r.ip_address ?? '—'}</dd>
                      <dt>Request</dt>
                      <dd className="mono">{r.request_id ?? '—'}</dd>
                      {r.user_agent && (
                        <>
                          <dt>Agent</dt>
                          <dd>{r.user_agent}</dd>
                        </>
                      )}
                    </dl>
                    {r.extra_data != null && <pre>{JSON.stringify(r.extra_data, null, 2)}</pre>}
                  </details>
                )}
              </>
            ),
          },
        ]}
      />
    </Page>
  );
}
