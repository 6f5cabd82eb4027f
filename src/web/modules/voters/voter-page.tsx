// /voters/:id: one person: details, tags, lists, campaigns, survey answers and the timeline across modules.
import { Fragment, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/dialog.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { Page, Section } from '../../ui/page.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { ErrorAlert } from '../../ui/alert.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import { SurveyEntryDialog } from './survey-entry-dialog.tsx';
import { VoterFormDialog } from './voter-form-dialog.tsx';
import { VoterMemberships } from './voter-memberships.tsx';
import { VoterTimeline } from './voter-timeline.tsx';
import { fullName, type VoterProfile } from './voter-types.ts';

export function VoterPage() {
  const id = Number(useParams().id);
  const auth = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [surveying, setSurveying] = useState(false);
  const [timelineKey, setTimelineKey] = useState(0);
  const profile = useQuery(['voter', id], (signal) =>
    api.get<VoterProfile>(`/api/v1/voters/${id}`, undefined, { signal }),
  );
  const remove = useAction(async () => {
    await api.del(`/api/v1/voters/${id}`);
    return true;
  });

  if (profile.error) return <ErrorAlert error={profile.error} title="Could not load this voter" />;
  if (!profile.data) return <Spinner label="Loading the voter" />;
  const { voter } = profile.data;
  const refresh = () => {
    profile.reload();
    setTimelineKey((k) => k + 1);
  };
  const details: [string, string | number | null][] = [
    ['Email', voter.email_address],
    ['Phone', voter.phone_number],
    ['Address', [voter.street_address, voter.city, voter.state, voter.zip_code].filter(Boolean).join(', ') || null],
    ['County / precinct', [voter.county, voter.precinct].filter(Boolean).join(' / ') || null],
    ['Date of birth', voter.date_of_birth ? formatDate(voter.date_of_birth) : voter.birth_year],
    ['Registration', [voter.registration_status, voter.voter_registration_id].filter(Boolean).join(' · ') || null],
    ['Party', voter.party_affiliation],
    ['Employer / occupation', [voter.employer, voter.occupation].filter(Boolean).join(' / ') || null],
    ['Preferred contact', voter.preferred_contact_method],
    ['Engagement score', voter.engagement_score],
    ['Last contacted', formatDateTime(voter.last_contacted_date)],
  ];

  return (
    <Page
      title={fullName(voter)}
      actions={
        <>
          {auth.can('surveys:write') && <Button onClick={() => setSurveying(true)}>Record survey answers</Button>}
          {auth.can('voters:write') && <Button onClick={() => setEditing(true)}>Edit</Button>}
          {auth.can('voters:delete') && (
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          )}
        </>
      }
    >
      {voter.merged_into_voter_id && (
        <p className="alert alert-warning">
          This record was merged into{' '}
          <Link to={`/voters/${voter.merged_into_voter_id}`}>voter {voter.merged_into_voter_id}</Link>.
        </p>
      )}
      <Section title="Details">
        <dl className="details-grid">
          {details.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value === null || value === '' ? '—' : value}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>
      <VoterMemberships profile={profile.data} onChange={refresh} />
      <Section title="Survey answers">
        {profile.data.survey_answers.length === 0 ? (
          <p className="muted">No answers yet.</p>
        ) : (
          <ul className="link-list">
            {profile.data.survey_answers.map((a) => (
              <li key={a.response_id}>
                <strong>{a.question_text}</strong>: {a.response_value ?? JSON.stringify(a.response_values)}{' '}
                <span className="muted">({formatDateTime(a.responded_at)})</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <VoterTimeline key={timelineKey} voterId={id} onLogged={refresh} />
      <VoterFormDialog
        open={editing}
        voter={voter}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          toast.show('Saved');
          refresh();
        }}
      />
      <SurveyEntryDialog
        open={surveying}
        voterId={id}
        campaigns={profile.data.campaigns}
        onClose={() => setSurveying(false)}
        onSaved={() => {
          setSurveying(false);
          toast.show('Answers recorded');
          refresh();
        }}
      />
      <ConfirmDialog
        open={deleting}
        title="Delete this voter?"
        confirmLabel="Delete voter"
        danger
        busy={remove.busy}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          if (await remove.run()) {
            toast.show('Voter deleted');
            navigate('/voters');
          }
        }}
      >
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        Their campaign memberships, interactions, tags, list places and survey answers are deleted with them.
      </ConfirmDialog>
    </Page>
  );
}
