// /admin/api-keys: keys for the OSDI and Open311 interfaces. A new key is shown once.
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { Alert, ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { ConfirmDialog, Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';
import type { ApiKeyInfo } from '../identity-types.ts';

const toIso = (date: string) => (date ? new Date(`${date}T23:59:59`).toISOString() : undefined);

export function ApiKeysPage() {
  const toast = useToast();
  const keys = useQuery('api-keys', (signal) =>
    api.get<{ api_keys: ApiKeyInfo[] }>('/api/v1/api-keys', undefined, { signal }).then((r) => r.api_keys),
  );
  const [creating, setCreating] = useState(false);
  const [form, setForm] = useState({ name: '', scope: 'osdi', expires: '' });
  const [shown, setShown] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyInfo | null>(null);
  const create = useAction((body: { name: string; scope: string; expires_at?: string }) =>
    api.post<{ api_key: ApiKeyInfo; key: string }>('/api/v1/api-keys', body),
  );
  const revoke = useAction((id: number) => api.del(`/api/v1/api-keys/${id}`).then(() => true));

  const close = () => {
    setCreating(false);
    setShown(null);
    setForm({ name: '', scope: 'osdi', expires: '' });
    create.reset();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await create.run({ name: form.name.trim(), scope: form.scope, expires_at: toIso(form.expires) });
    if (answer) {
      setShown(answer.key);
      keys.reload();
    }
  };

  return (
    <Page
      title="API keys"
      intro={<p>Keys let other systems use the OSDI (organizing data) and Open311 (issue reporting) interfaces.</p>}
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          New API key
        </Button>
      }
    >
      <ErrorAlert error={revoke.error} />
      <DataTable
        caption="API keys"
        captionHidden
        rows={keys.data}
        loading={keys.loading}
        error={keys.error}
        rowKey={(k) => k.id}
        emptyTitle="No API keys yet"
        columns={[
          { key: 'name', header: 'Name', render: (k) => k.name },
          { key: 'scope', header: 'Interface', render: (k) => (k.scope === 'osdi' ? 'OSDI' : 'Open311') },
          { key: 'prefix', header: 'Starts with', render: (k) => <code>{k.key_prefix}…</code> },
          { key: 'created', header: 'Created', className: 'nowrap', render: (k) => formatDateTime(k.created_at) },
          { key: 'used', header: 'Last used', className: 'nowrap', render: (k) => formatDateTime(k.last_used_at) },
          {
            key: 'state',
            header: 'State',
            render: (k) =>
              k.revoked_at ? (
                <span className="badge badge-danger">revoked</span>
              ) : k.expires_at && new Date(k.expires_at) < new Date() ? (
                <span className="badge badge-warning">expired</span>
              ) : (
                <span className="badge badge-success">
                  active{k.expires_at ? ` until ${formatDateTime(k.expires_at)}` : ''}
                </span>
              ),
          },
          {
            key: 'actions',
            header: <span className="visually-hidden">Actions</span>,
            className: 'actions',
            render: (k) =>
              !k.revoked_at && (
                <Button aria-label={`Revoke ${k.name}`} onClick={() => setRevoking(k)}>
                  Revoke
                </Button>
              ),
          },
        ]}
      />

      <Dialog
        open={creating}
        title={shown ? 'Your new API key' : 'New API key'}
        onClose={close}
        footer={
          shown ? (
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          ) : (
            <>
              <Button onClick={close}>Cancel</Button>
              <Button
                type="submit"
                form="new-api-key"
                variant="primary"
                busy={create.busy}
                disabled={!form.name.trim()}
              >
                Create key
              </Button>
            </>
          )
        }
      >
        {shown ? (
          <div className="stack">
            <Alert kind="warning" title="Copy the key now">
              <p>It is shown only this once. Caucus keeps only a fingerprint of it.</p>
            </Alert>
            <p>
              <code className="secret" data-testid="new-api-key">
                {shown}
              </code>
            </p>
            <Button
              onClick={async () => {
                await navigator.clipboard.writeText(shown).catch(() => undefined);
                toast.show('Key copied');
              }}
            >
              Copy key
            </Button>
          </div>
        ) : (
          <form id="new-api-key" onSubmit={submit} noValidate>
            <ErrorAlert error={create.error} />
            <TextField
              label="Name"
              name="name"
              required
              maxLength={100}
              hint="Who or what uses it, e.g. “County 311 app”."
              value={form.name}
              onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
            />
            <SelectField
              label="Interface"
              name="scope"
              value={form.scope}
              onChange={(e) => setForm((f) => ({ ...f, scope: e.target.value }))}
              options={[
                { value: 'osdi', label: 'OSDI' },
                { value: 'open311', label: 'Open311' },
              ]}
            />
            <TextField
              label="Expires on"
              name="expires"
              type="date"
              hint="Leave empty for a key that does not expire."
              value={form.expires}
              onChange={(e) => setForm((f) => ({ ...f, expires: e.target.value }))}
            />
          </form>
        )}
      </Dialog>

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        danger
        busy={revoke.busy}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          const key = revoking!;
          const ok = await revoke.run(key.id);
          setRevoking(null);
          if (ok) {
            toast.show(`Key “${key.name}” revoked`);
            keys.reload();
          }
        }}
      >
        <p>Systems using this key stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </Page>
  );
}
