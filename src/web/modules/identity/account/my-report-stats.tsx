// On /account: my civic reports, validations and reputation, and what I still need to become a contributor.
import { api } from '../../../api/client.ts';
import { formatNumber } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { useQuery } from '../../../ui/use-query.ts';

interface UserStats {
  reputation_score: number;
  total_reports: number;
  in_progress_reports: number;
  resolved_reports: number;
  total_validations: number;
  helpful_validations: number;
  tasks_resolved: number;
  can_promote_to_contributor: boolean;
  next_milestone: string | null;
}

export function MyReportStats() {
  const stats = useQuery(['my-report-stats'], (signal) =>
    api.get<UserStats>('/api/v1/reports/users/me/stats', undefined, { signal }),
  );
  const s = stats.data;
  return (
    <Section title="My civic reports" id="report-stats">
      {stats.error ? <ErrorAlert error={stats.error} title="Could not load your report statistics" /> : null}
      {!s && stats.loading && <Spinner label="Loading your report statistics" />}
      {s && (
        <>
          <dl className="details-grid">
            <dt>Reputation</dt>
            <dd>{formatNumber(s.reputation_score)}</dd>
            <dt>Reports filed</dt>
            <dd>{formatNumber(s.total_reports)}</dd>
            <dt>Open</dt>
            <dd>{formatNumber(s.in_progress_reports)}</dd>
            <dt>Resolved</dt>
            <dd>{formatNumber(s.resolved_reports)}</dd>
            <dt>Validations</dt>
            <dd>{formatNumber(s.total_validations)}</dd>
            <dt>Helpful validations</dt>
            <dd>{formatNumber(s.helpful_validations)}</dd>
            {s.tasks_resolved > 0 && (
              <>
                <dt>Tasks resolved</dt>
                <dd>{formatNumber(s.tasks_resolved)}</dd>
              </>
            )}
          </dl>
          {s.next_milestone && <p>Next step towards contributor: {s.next_milestone}.</p>}
        </>
      )}
    </Section>
  );
}
