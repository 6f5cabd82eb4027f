// What a duplicate candidate looks like over the wire.
import { iso } from '../../../http/presenters.ts';
import type { CandidateRow } from './duplicates.service.ts';

function side(v: Record<string, unknown>) {
  return { ...v, created_at: iso(v.created_at) };
}

export function presentCandidate(c: CandidateRow) {
  return {
    candidate_id: c.candidate_id,
    voter_id_a: c.voter_id_a,
    voter_id_b: c.voter_id_b,
    score: Number(c.score),
    reasons: c.reasons,
    status: c.status,
    found_by: c.found_by,
    import_id: c.import_id,
    decided_by: c.decided_by,
    decided_at: iso(c.decided_at),
    created_at: iso(c.created_at)!,
    merge_id: c.merge_id,
    a: side(c.a),
    b: side(c.b),
  };
}
