// The duplicate review queue: list pairs by score, look at one side by side, say "not a duplicate" (remembered:
// the pair is never proposed again), merge it, and undo a merge. Each decision is audited.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../../db/client.ts';
import { conflict, notFound } from '../../../http/errors.ts';
import { type AuditContext, audit } from '../../identity/audit.ts';
import { mergeVoters, type Picks, undoMerge } from './merge.service.ts';

export interface CandidateRow {
  candidate_id: number;
  voter_id_a: number;
  voter_id_b: number;
  score: string | number;
  reasons: Record<string, unknown>;
  status: 'pending' | 'not_duplicate' | 'merged';
  found_by: 'import' | 'scan';
  import_id: number | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
  a: Record<string, unknown>;
  b: Record<string, unknown>;
  merge_id: number | null;
}

const voterJson = (alias: string) =>
  sql.raw(`jsonb_build_object('voter_id', ${alias}.voter_id,
  'first_name', ${alias}.first_name, 'middle_name', ${alias}.middle_name, 'last_name', ${alias}.last_name,
  'date_of_birth', ${alias}.date_of_birth, 'birth_year', ${alias}.birth_year, 'gender', ${alias}.gender,
  'street_address', ${alias}.street_address, 'city', ${alias}.city, 'state', ${alias}.state,
  'zip_code', ${alias}.zip_code, 'county', ${alias}.county, 'precinct', ${alias}.precinct,
  'phone_number', ${alias}.phone_number, 'email_address', ${alias}.email_address,
  'registration_status', ${alias}.registration_status, 'voter_registration_id', ${alias}.voter_registration_id,
  'registration_date', ${alias}.registration_date, 'party_affiliation', ${alias}.party_affiliation,
  'preferred_contact_method', ${alias}.preferred_contact_method, 'employer', ${alias}.employer,
  'occupation', ${alias}.occupation, 'merged_into_voter_id', ${alias}.merged_into_voter_id,
  'created_at', ${alias}.created_at)`);

const candidateSelect = sql`SELECT d.*, ${voterJson('va')} AS a, ${voterJson('vb')} AS b,
    (SELECT max(m.merge_id) FROM voters.merges m WHERE m.candidate_id = d.candidate_id AND m.undone_at IS NULL) AS merge_id
  FROM voters.duplicate_candidates d
  JOIN voters.voters va ON va.voter_id = d.voter_id_a
  JOIN voters.voters vb ON vb.voter_id = d.voter_id_b`;

export async function listCandidates(db: Db, q: { status: string; page: number; per_page: number }) {
  // Pending pairs whose voter has since been merged elsewhere are not worth a review.
  const hideMerged =
    q.status === 'pending' ? sql`AND va.merged_into_voter_id IS NULL AND vb.merged_into_voter_id IS NULL` : sql``;
  const items = await rows<CandidateRow>(
    db,
    sql`${candidateSelect} WHERE d.status = ${q.status} ${hideMerged}
        ORDER BY d.score DESC, d.candidate_id LIMIT ${q.per_page} OFFSET ${(q.page - 1) * q.per_page}`,
  );
  const total = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM voters.duplicate_candidates d
        JOIN voters.voters va ON va.voter_id = d.voter_id_a JOIN voters.voters vb ON vb.voter_id = d.voter_id_b
        WHERE d.status = ${q.status} ${hideMerged}`,
  );
  return { items, total: total!.n };
}

export async function getCandidate(db: Db, id: number): Promise<CandidateRow> {
  const row = await one<CandidateRow>(db, sql`${candidateSelect} WHERE d.candidate_id = ${id}`);
  if (!row) throw notFound('Duplicate candidate', id);
  return row;
}

export async function markNotDuplicate(db: Db, ctx: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    const c = await getCandidate(tx, id);
    if (c.status === 'merged') throw conflict('already_merged', 'This pair was merged; undo the merge first');
    await tx.execute(
      sql`UPDATE voters.duplicate_candidates SET status = 'not_duplicate', decided_by = ${ctx.actor?.userId ?? null},
            decided_at = now() WHERE candidate_id = ${id}`,
    );
    await audit(tx, ctx, {
      action: 'voters.duplicate.not_duplicate',
      resourceType: 'duplicate_candidate',
      resourceId: id,
    });
    return getCandidate(tx, id);
  });
}

export async function mergeCandidate(
  db: Db,
  ctx: AuditContext,
  id: number,
  input: { survivor_voter_id: number; picks: Picks },
) {
  return db.transaction(async (tx) => {
    const c = await getCandidate(tx, id);
    if (c.status !== 'pending') throw conflict('not_pending', `This pair is ${c.status.replace('_', ' ')}`);
    const ids = [c.voter_id_a, c.voter_id_b];
    if (!ids.includes(input.survivor_voter_id)) {
      throw conflict('not_in_pair', `Voter ${input.survivor_voter_id} is not one of this pair (${ids.join(', ')})`);
    }
    const loserId = ids.find((v) => v !== input.survivor_voter_id)!;
    const merge = await mergeVoters(tx, {
      survivorId: input.survivor_voter_id,
      loserId,
      picks: input.picks,
      candidateId: id,
      userId: ctx.actor?.userId ?? null,
    });
    await audit(tx, ctx, {
      action: 'voters.merge',
      resourceType: 'voter',
      resourceId: input.survivor_voter_id,
      extra: { merge_id: merge.merge_id, loser_voter_id: loserId, candidate_id: id, picks: input.picks },
    });
    return { merge_id: merge.merge_id, survivor_voter_id: input.survivor_voter_id, loser_voter_id: loserId };
  });
}

export async function undoMergeAudited(db: Db, ctx: AuditContext, mergeId: number) {
  return db.transaction(async (tx) => {
    const r = await undoMerge(tx, mergeId, ctx.actor?.userId ?? null);
    await audit(tx, ctx, {
      action: 'voters.merge.undo',
      resourceType: 'voter',
      resourceId: r.survivorId,
      extra: { merge_id: mergeId, loser_voter_id: r.loserId },
    });
    return { merge_id: mergeId, survivor_voter_id: r.survivorId, loser_voter_id: r.loserId };
  });
}
