// Open reports of the same category nearby with similar text; a moderator marks this report a duplicate of one.
import { Link } from 'react-router-dom';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Section } from '../../ui/page.tsx';
import type { Candidate } from './reports-types.ts';
import { StatusBadge } from './status-badge.tsx';

export function DuplicatesSection({
  candidates,
  onMarkDuplicate,
}: {
  candidates: Candidate[];
  /** Set when the caller may mark this report a duplicate now. */
  onMarkDuplicate?: (originalId: number) => void;
}) {
  return (
    <Section title="Possible duplicates">
      <DataTable
        caption="Possible duplicates"
        captionHidden
        rows={candidates}
        rowKey={(c) => c.id}
        emptyTitle="No open report of this category nearby has similar text"
        columns={[
          {
            key: 'n',
            header: 'Report',
            render: (c) => <Link to={`/reports/${c.id}`}>{c.report_number ?? c.id}</Link>,
          },
          { key: 't', header: 'Title', render: (c) => c.title },
          { key: 's', header: 'Status', render: (c) => <StatusBadge status={c.status} /> },
          { key: 'd', header: 'Distance', className: 'num', render: (c) => `${Math.round(c.distance_m)} m` },
          {
            key: 'sim',
            header: 'Text similarity',
            className: 'num',
            render: (c) => `${Math.round(c.text_similarity * 100)}%`,
          },
          ...(onMarkDuplicate
            ? [
                {
                  key: 'act',
                  header: 'Action',
                  render: (c: Candidate) => (
                    <Button onClick={() => onMarkDuplicate(c.id)}>Mark duplicate of {c.report_number ?? c.id}</Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}
