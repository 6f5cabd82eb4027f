// /campaigns/:id: the campaign, its members (find by name and add, remove) and its survey.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { formatDate } from '../../ui/format.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import { CampaignAddVoters } from './campaign-add-voters.tsx';
import { SurveyBuilder } from './survey-builder.tsx';
import { type Campaign, fullName, type VoterList } from './voter-types.ts';

const PER_PAGE = 25;

export function CampaignPage() {
  const id = Number(useParams().id);
  const auth = useAuth();
  const [page, setPage] = useState(1);
  const campaign = useQuery(['campaign', id], (signal) =>
    api.get<{ campaign: Campaign }>(`/api/v1/campaigns/${id}`, undefined, { signal }),
  );
  const members = useQuery(['campaign-members', id, page], (signal) =>
    api.get<VoterList>(`/api/v1/campaigns/${id}/voters`, { page, per_page: PER_PAGE }, { signal }),
  );
  const change = useAction(async (fn: () => Promise<unknown>) => {
    await fn();
    members.reload();
    campaign.reload();
    return true;
  });
  if (campaign.error) return <ErrorAlert error={campaign.error} title="Could not load the campaign" />;
  if (!campaign.data) return <Spinner label="Loading the campaign" />;
  const c = campaign.data.campaign;
  return (
    <Page title={c.campaign_name} intro={c.description}>
      <p className="muted">
        {formatDate(c.start_date)} – {formatDate(c.end_date)} · {c.voter_count}{' '}
        {c.voter_count === 1 ? 'voter' : 'voters'} · public signup form:{' '}
        <Link to={`/signup/${c.campaign_id}`}>/signup/{c.campaign_id}</Link>
      </p>
      <Section title="Voters">
        {change.error ? <ErrorAlert error={change.error} /> : null}
        {auth.can('campaigns:write') && (
          <CampaignAddVoters
            memberIds={new Set((members.data?.voters ?? []).map((v) => v.voter_id))}
            busy={change.busy}
            onAdd={(voterId) => change.run(() => api.post(`/api/v1/campaigns/${id}/voters`, { voter_ids: [voterId] }))}
          />
        )}
        <DataTable
          caption="Campaign voters"
          captionHidden
          rows={members.data?.voters}
          loading={members.loading}
          error={members.error}
          rowKey={(v) => v.voter_id}
          emptyTitle="No voters in this campaign yet"
          pagination={
            members.data && { page, perPage: PER_PAGE, total: members.data.total_voters ?? 0, onPage: setPage }
          }
          columns={[
            { key: 'name', header: 'Name', render: (v) => <Link to={`/voters/${v.voter_id}`}>{fullName(v)}</Link> },
            { key: 'contact', header: 'Email / phone', render: (v) => v.email_address ?? v.phone_number ?? '—' },
            { key: 'score', header: 'Engagement', className: 'num', render: (v) => v.engagement_score },
            {
              key: 'remove',
              header: <span className="visually-hidden">Remove</span>,
              render: (v) =>
                auth.can('campaigns:write') && (
                  <Button
                    variant="link"
                    onClick={() => change.run(() => api.del(`/api/v1/campaigns/${id}/voters/${v.voter_id}`))}
                  >
                    Remove <span className="visually-hidden">{fullName(v)}</span>
                  </Button>
                ),
            },
          ]}
        />
      </Section>
      <SurveyBuilder campaignId={id} />
    </Page>
  );
}
