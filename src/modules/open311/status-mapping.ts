// Our 15 report statuses collapse to GeoReport v2's two: a request is closed once it is resolved, closed,
// rejected or a duplicate, and open otherwise. status_notes says in words where the request really stands.

export type Open311Status = 'open' | 'closed';

export const closedStatuses = ['resolved', 'closed', 'rejected', 'duplicate'] as const;

export function open311Status(status: string): Open311Status {
  return (closedStatuses as readonly string[]).includes(status) ? 'closed' : 'open';
}

const phrases: Record<string, string> = {
  received: 'Received; awaiting review.',
  pending_classification: 'Received; being classified.',
  classified: 'Classified; awaiting routing to a department.',
  assigned_to_department: 'Assigned to the responsible department.',
  assigned_to_officer: 'Assigned to a field officer.',
  acknowledged: 'Acknowledged by the field officer.',
  in_progress: 'Work in progress.',
  pending_verification: 'Work done; awaiting verification.',
  resolved: 'Resolved.',
  closed: 'Closed.',
  rejected: 'Rejected.',
  duplicate: 'Duplicate request.',
  on_hold: 'On hold.',
  assignment_rejected: 'Being reassigned.',
  reopened: 'Reopened.',
};

export interface StatusNoteFacts {
  status: string;
  rejection_reason?: string | null;
  hold_reason?: string | null;
  duplicate_of_number?: string | null;
  /** The notes of the latest status change, if any. */
  latest_note?: string | null;
}

/** A sentence for status_notes: the state in words plus the reason or the latest note staff wrote. */
export function statusNotes(facts: StatusNoteFacts): string {
  const phrase = phrases[facts.status] ?? `${facts.status}.`;
  if (facts.status === 'duplicate') {
    return facts.duplicate_of_number ? `Duplicate request of ${facts.duplicate_of_number}.` : phrase;
  }
  const detail =
    facts.status === 'rejected'
      ? facts.rejection_reason
      : facts.status === 'on_hold'
        ? facts.hold_reason
        : facts.latest_note;
  const text = detail?.trim();
  if (!text || text === 'Report submitted') return phrase;
  return `${phrase} ${text}`.slice(0, 2000);
}
