// /voters: find people by name (fuzzy), contact, place and registration; or open a saved segment's members.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../ui/filter-bar.tsx';
import { SelectField, TextField } from '../../ui/form-field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useQuery } from '../../ui/use-query.ts';
import { useSearchState } from '../../ui/use-search-state.ts';
import { VoterFormDialog } from './voter-form-dialog.tsx';
import { fullName, type Segment, type VoterList } from './voter-types.ts';

const DEFAULTS = {
  q: '',
  email: '',
  phone: '',
  zip_code: '',
  county: '',
  precinct: '',
  party_affiliation: '',
  registration_status: '',
  segment: '',
  page: '1',
};
const PER_PAGE = 25;
const FILTERS = [
  'q',
  'email',
  'phone',
  'zip_code',
  'county',
  'precinct',
  'party_affiliation',
  'registration_status',
] as const;

export function VotersPage() {
  const auth = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const [creating, setCreating] = useState(false);
  const page = Math.max(1, Number(filters.page) || 1);
  const segments = useQuery(['segments'], (signal) =>
    api.get<{ segments: Segment[] }>('/api/v1/segments', { per_page: 200 }, { signal }),
  );
  const voters = useQuery(['voters', filters], (signal) =>
    filters.segment
      ? api.get<VoterList>(`/api/v1/segments/${filters.segment}/members`, { page, per_page: PER_PAGE }, { signal })
      : api.get<VoterList>(
          '/api/v1/voters',
          { ...Object.fromEntries(FILTERS.map((f) => [f, filters[f] || undefined])), page, per_page: PER_PAGE },
          { signal },
        ),
  );

  return (
    <Page
      title="Voters"
      actions={
        <>
          <Link className="btn" to="/voters/segments/new">
            Build a segment
          </Link>
          {auth.can('voters:write') && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New voter
            </Button>
          )}
        </>
      }
    >
      <FilterBar
        label="Filter voters"
        values={filters}
        onApply={(form) => setFilters({ ...formValues(form), page: '1' })}
        onClear={() => setFilters({ ...DEFAULTS })}
      >
        <SelectField
          label="Saved segment"
          name="segment"
          defaultValue={filters.segment}
          options={[
            { value: '', label: 'All voters (use the filters)' },
            ...(segments.data?.segments ?? []).map((s) => ({ value: String(s.segment_id), label: s.name })),
          ]}
        />
        <TextField
          label="Name"
          name="q"
          type="search"
          defaultValue={filters.q}
          maxLength={200}
          hint="Finds misspellings too"
        />
        <TextField label="Email" name="email" type="search" defaultValue={filters.email} maxLength={255} />
        <TextField label="Phone" name="phone" type="search" defaultValue={filters.phone} maxLength={40} />
        <TextField label="ZIP code starts with" name="zip_code" defaultValue={filters.zip_code} maxLength={20} />
        <TextField label="County" name="county" defaultValue={filters.county} maxLength={100} />
        <TextField label="Precinct" name="precinct" defaultValue={filters.precinct} maxLength={100} />
        <TextField label="Party" name="party_affiliation" defaultValue={filters.party_affiliation} maxLength={100} />
        <SelectField
          label="Registration"
          name="registration_status"
          defaultValue={filters.registration_status}
          options={[{ value: '', label: 'Any' }, 'Registered', 'Not Registered', 'Pending']}
        />
      </FilterBar>
      {filters.segment && (
        <p className="muted">
          Showing the members of a saved segment; the other filters do not apply.{' '}
          <Link to={`/voters/segments/${filters.segment}`}>Edit the segment</Link>
        </p>
      )}
      <DataTable
        caption="Voters"
        captionHidden
        rows={voters.data?.voters}
        loading={voters.loading}
        error={voters.error}
        rowKey={(v) => v.voter_id}
        emptyTitle="No voters match"
        pagination={
          voters.data && {
            page,
            perPage: PER_PAGE,
            total: voters.data.total_voters ?? 0,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          { key: 'name', header: 'Name', render: (v) => <Link to={`/voters/${v.voter_id}`}>{fullName(v)}</Link> },
          { key: 'contact', header: 'Email / phone', render: (v) => v.email_address ?? v.phone_number ?? '—' },
          {
            key: 'place',
            header: 'Place',
            render: (v) => [v.city, v.zip_code, v.county].filter(Boolean).join(', ') || '—',
          },
          { key: 'party', header: 'Party', render: (v) => v.party_affiliation ?? '—' },
          { key: 'score', header: 'Engagement', className: 'num', render: (v) => v.engagement_score },
          {
            key: 'contacted',
            header: 'Last contact',
            className: 'nowrap',
            render: (v) => formatDateTime(v.last_contacted_date),
          },
        ]}
      />
      <VoterFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(voter) => {
          setCreating(false);
          toast.show(`${fullName(voter)} added`);
          navigate(`/voters/${voter.voter_id}`);
        }}
      />
    </Page>
  );
}
