// On /admin/users: citizens who qualify for contributor or are near it (what each still lacks), a "Promote"
// action for those who qualify, and the role changes of the last 30 days.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { formatNumber } from '../../../ui/format.ts';
import { Section } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useAction, useQuery } from '../../../ui/use-query.ts';

interface Candidate {
  user_id: number;
  username: string | null;
  full_name: string | null;
  reputation_score: number;
  total_reports: number;
  total_validations: number;
  qualifies: boolean;
  missing: string[];
}
interface Candidates {
  candidates: Candidate[];
  total: number;
}
interface RoleChanges {
  period_days: number;
  total_changes: number;
  auto_promotions: number;
  manual_changes: number;
  changes_by_role: Record<string, number>;
}

const PER_PAGE = 10;

export function PromotionCandidates() {
  const auth = useAuth();
  const toast = useToast();
  const [page, setPage] = useState(1);
  const candidates = useQuery(['promotion-candidates', page], (signal) =>
    api.get<Candidates>('/api/v1/reports/users/promotion-candidates', { page, per_page: PER_PAGE }, { signal }),
  );
  const changes = useQuery(['role-changes'], (signal) =>
    api.get<RoleChanges>('/api/v1/users/analytics/role-changes', { days: 30 }, { signal }),
  );
  const promote = useAction((c: Candidate) =>
    api.post(`/api/v1/users/${c.user_id}/role`, { role: 'contributor', reason: 'Manual promotion' }),
  );

  return (
    <Section title="Promotion candidates">
      <p>
        Citizens become contributors automatically at 100 reputation, 5 reports, 10 validations and a complete profile.
        These qualify or are close.
      </p>
      {changes.data && (
        <p>
          Role changes in the last {changes.data.period_days} days: {formatNumber(changes.data.total_changes)} (
          {formatNumber(changes.data.auto_promotions)} automatic, {formatNumber(changes.data.manual_changes)} manual)
          {Object.keys(changes.data.changes_by_role).length > 0 &&
            ` — ${Object.entries(changes.data.changes_by_role)
              .map(([role, n]) => `${n} to ${role}`)
              .join(', ')}`}
          .
        </p>
      )}
      {promote.error ? <ErrorAlert error={promote.error} title="The promotion failed" /> : null}
      <DataTable
        caption="Promotion candidates"
        captionHidden
        rows={candidates.data?.candidates}
        loading={candidates.loading}
        error={candidates.error}
        rowKey={(c) => c.user_id}
        emptyTitle="No citizen is near the contributor thresholds"
        pagination={candidates.data && { page, perPage: PER_PAGE, total: candidates.data.total, onPage: setPage }}
        columns={[
          {
            key: 'name',
            header: 'Citizen',
            render: (c) => <Link to={`/admin/users/${c.user_id}`}>{c.full_name ?? c.username ?? `#${c.user_id}`}</Link>,
          },
          { key: 'rep', header: 'Reputation', className: 'num', render: (c) => formatNumber(c.reputation_score) },
          { key: 'reports', header: 'Reports', className: 'num', render: (c) => formatNumber(c.total_reports) },
          {
            key: 'validations',
            header: 'Validations',
            className: 'num',
            render: (c) => formatNumber(c.total_validations),
          },
          { key: 'missing', header: 'Still needs', render: (c) => (c.qualifies ? 'Qualifies' : c.missing.join('; ')) },
          {
            key: 'action',
            header: 'Action',
            render: (c) =>
              c.qualifies && auth.can('users:change_role') ? (
                <Button
                  busy={promote.busy}
                  onClick={async () => {
                    if (await promote.run(c)) {
                      toast.show(`${c.full_name ?? c.username ?? 'The citizen'} is now a contributor`);
                      candidates.reload();
                      changes.reload();
                    }
                  }}
                >
                  Promote to contributor
                </Button>
              ) : null,
          },
        ]}
      />
    </Section>
  );
}
