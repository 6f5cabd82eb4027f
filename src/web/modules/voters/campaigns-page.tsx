// /campaigns: every campaign with its member count; create one.
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { FilterBar, formValues } from '../../ui/filter-bar.tsx';
import { TextAreaField, TextField } from '../../ui/form-field.tsx';
import { formatDate } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import { useSearchState } from '../../ui/use-search-state.ts';
import type { Campaign, Paged } from './voter-types.ts';

const DEFAULTS = { q: '', page: '1' };
const PER_PAGE = 25;

export function CampaignsPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const formId = useId();
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const [creating, setCreating] = useState(false);
  const page = Math.max(1, Number(filters.page) || 1);
  const campaigns = useQuery(['campaigns', filters], (signal) =>
    api.get<Paged & { campaigns: Campaign[] }>(
      '/api/v1/campaigns',
      { q: filters.q || undefined, page, per_page: PER_PAGE },
      { signal },
    ),
  );
  const create = useAction((body: unknown) => api.post<{ campaign: Campaign }>('/api/v1/campaigns', body));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const created = await create.run({
      campaign_name: String(f.get('campaign_name')).trim(),
      start_date: String(f.get('start_date') ?? '') || null,
      end_date: String(f.get('end_date') ?? '') || null,
      description: String(f.get('description') ?? '') || null,
    });
    if (created) navigate(`/campaigns/${created.campaign.campaign_id}`);
  };

  return (
    <Page
      title="Campaigns"
      actions={
        auth.can('campaigns:write') && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New campaign
          </Button>
        )
      }
    >
      <FilterBar
        label="Find campaigns"
        values={filters}
        onApply={(f) => setFilters({ ...formValues(f), page: '1' })}
        onClear={() => setFilters({ q: '', page: '1' })}
      >
        <TextField label="Name" name="q" type="search" defaultValue={filters.q} maxLength={200} />
      </FilterBar>
      <DataTable
        caption="Campaigns"
        captionHidden
        rows={campaigns.data?.campaigns}
        loading={campaigns.loading}
        error={campaigns.error}
        rowKey={(c) => c.campaign_id}
        emptyTitle="No campaigns yet"
        pagination={
          campaigns.data && {
            page,
            perPage: PER_PAGE,
            total: campaigns.data.total,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          {
            key: 'name',
            header: 'Campaign',
            render: (c) => <Link to={`/campaigns/${c.campaign_id}`}>{c.campaign_name}</Link>,
          },
          {
            key: 'dates',
            header: 'Runs',
            className: 'nowrap',
            render: (c) => `${formatDate(c.start_date)} – ${formatDate(c.end_date)}`,
          },
          { key: 'members', header: 'Voters', className: 'num', render: (c) => c.voter_count },
          {
            key: 'signup',
            header: 'Public signup form',
            render: (c) => <Link to={`/signup/${c.campaign_id}`}>/signup/{c.campaign_id}</Link>,
          },
        ]}
      />
      <Dialog
        open={creating}
        title="New campaign"
        onClose={() => setCreating(false)}
        footer={
          <>
            <Button onClick={() => setCreating(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form={formId} busy={create.busy}>
              Create
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} className="stack">
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <TextField label="Name" name="campaign_name" required maxLength={255} />
          <TextField label="Starts" name="start_date" type="date" />
          <TextField label="Ends" name="end_date" type="date" />
          <TextAreaField label="Description" name="description" maxLength={10000} rows={3} />
        </form>
      </Dialog>
    </Page>
  );
}
