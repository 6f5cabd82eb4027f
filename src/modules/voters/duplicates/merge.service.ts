// Merging two people into one, and undoing it. The survivor keeps its id and takes, field by field, the values
// picked from either side; everything that pointed at the loser moves to the survivor (voter-references.ts);
// the loser stays as a hidden row with merged_into_voter_id set. voters.merges keeps both rows as they were and
// what moved, so undo puts everything back.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../../db/client.ts';
import { conflict, notFound, unprocessable } from '../../../http/errors.ts';
import { type MovedRows, moveReferences, restoreReferences } from './voter-references.ts';

/** Fields a merge may take from the loser. */
export const mergeableFields = [
  'first_name',
  'middle_name',
  'last_name',
  'date_of_birth',
  'birth_year',
  'gender',
  'street_address',
  'city',
  'state',
  'zip_code',
  'county',
  'precinct',
  'phone_number',
  'email_address',
  'registration_status',
  'voter_registration_id',
  'registration_date',
  'party_affiliation',
  'preferred_contact_method',
  'employer',
  'occupation',
  'location',
] as const;

export type MergeableField = (typeof mergeableFields)[number];
export type Picks = Partial<Record<MergeableField, 'survivor' | 'loser'>>;

const uniqueFields = new Set(['phone_number', 'email_address', 'voter_registration_id']);

export interface MergeInput {
  survivorId: number;
  loserId: number;
  picks: Picks;
  candidateId?: number | null;
  userId: number | null;
}

interface Snapshot {
  survivor_before: Record<string, unknown>;
  loser_before: Record<string, unknown>;
  references: MovedRows[];
}

async function lockVoter(tx: Db, id: number) {
  const row = await one<{ row: Record<string, unknown>; merged_into_voter_id: number | null }>(
    tx,
    sql`SELECT to_jsonb(v.*) AS row, merged_into_voter_id FROM voters.voters v WHERE voter_id = ${id} FOR UPDATE`,
  );
  if (!row) throw notFound('Voter', id);
  return row;
}

export async function mergeVoters(tx: Db, input: MergeInput): Promise<{ merge_id: number }> {
  const { survivorId, loserId } = input;
  if (survivorId === loserId) throw unprocessable('same_voter', 'A voter cannot be merged into itself');
  // Lock in id order so two merges of the same pair cannot deadlock.
  const [first, second] = survivorId < loserId ? [survivorId, loserId] : [loserId, survivorId];
  const locked = new Map([
    [first, await lockVoter(tx, first)],
    [second, await lockVoter(tx, second)],
  ]);
  const survivor = locked.get(survivorId)!;
  const loser = locked.get(loserId)!;
  if (survivor.merged_into_voter_id || loser.merged_into_voter_id) {
    throw conflict('already_merged', 'One of these voters has already been merged into another');
  }
  const fromLoser = Object.entries(input.picks)
    .filter(([field, side]) => side === 'loser' && (mergeableFields as readonly string[]).includes(field))
    .map(([field]) => field);
  // A unique value taken from the loser must leave the loser first.
  const movingKeys = fromLoser.filter((f) => uniqueFields.has(f));
  if (movingKeys.length) {
    await tx.execute(
      sql.raw(
        `UPDATE voters.voters SET ${movingKeys.map((f) => `${f} = NULL`).join(', ')} WHERE voter_id = ${loserId}`,
      ),
    );
  }
  if (fromLoser.length) {
    await tx.execute(
      sql.raw(`UPDATE voters.voters s SET ${fromLoser.map((f) => `${f} = l.${f}`).join(', ')}
               FROM (SELECT * FROM jsonb_populate_record(NULL::voters.voters,
                 '${JSON.stringify(loser.row).replace(/'/g, "''")}'::jsonb)) l
               WHERE s.voter_id = ${survivorId}`),
    );
  }
  const references = await moveReferences(tx, loserId, survivorId);
  await tx.execute(sql`UPDATE voters.voters SET merged_into_voter_id = ${survivorId} WHERE voter_id = ${loserId}`);
  const snapshot: Snapshot = { survivor_before: survivor.row, loser_before: loser.row, references };
  const merge = await one<{ merge_id: number }>(
    tx,
    sql`INSERT INTO voters.merges (candidate_id, survivor_voter_id, loser_voter_id, picks, snapshot, merged_by)
        VALUES (${input.candidateId ?? null}, ${survivorId}, ${loserId}, ${JSON.stringify(input.picks)}::jsonb,
          ${JSON.stringify(snapshot)}::jsonb, ${input.userId}) RETURNING merge_id`,
  );
  const [a, b] = [first, second];
  await tx.execute(
    sql`UPDATE voters.duplicate_candidates SET status = 'merged', decided_by = ${input.userId}, decided_at = now()
        WHERE voter_id_a = ${a} AND voter_id_b = ${b}`,
  );
  return merge!;
}

const restorable = `first_name, middle_name, last_name, date_of_birth, birth_year, gender, street_address, city, state,
  zip_code, county, precinct, phone_number, email_address, registration_status, voter_registration_id,
  registration_date, party_affiliation, engagement_score, last_contacted_date, preferred_contact_method,
  custom_fields, employer, occupation, contact_email, contact_phone, contact_mail, contact_sms, source_campaign_id,
  location, merged_into_voter_id`;

async function restoreVoter(tx: Db, voterId: number, before: Record<string, unknown>) {
  await tx.execute(
    sql`UPDATE voters.voters v SET (${sql.raw(restorable)}) = (SELECT ${sql.raw(restorable)}
          FROM jsonb_populate_record(NULL::voters.voters, ${JSON.stringify(before)}::jsonb))
        WHERE v.voter_id = ${voterId}`,
  );
}

export async function undoMerge(tx: Db, mergeId: number, userId: number | null) {
  const merge = await one<{
    survivor_voter_id: number;
    loser_voter_id: number;
    snapshot: Snapshot;
    undone_at: string | null;
  }>(tx, sql`SELECT * FROM voters.merges WHERE merge_id = ${mergeId} FOR UPDATE`);
  if (!merge) throw notFound('Merge', mergeId);
  if (merge.undone_at) throw conflict('already_undone', `Merge ${mergeId} has already been undone`);
  const later = await one(
    tx,
    sql`SELECT 1 FROM voters.merges WHERE merge_id > ${mergeId} AND undone_at IS NULL
          AND (survivor_voter_id IN (${merge.survivor_voter_id}, ${merge.loser_voter_id})
            OR loser_voter_id IN (${merge.survivor_voter_id}, ${merge.loser_voter_id}))`,
  );
  if (later) throw conflict('later_merge', 'Undo the later merges of these voters first');
  const { survivor_voter_id: survivorId, loser_voter_id: loserId, snapshot } = merge;
  await lockVoter(tx, Math.min(survivorId, loserId));
  await lockVoter(tx, Math.max(survivorId, loserId));
  // The survivor first: it gives back any unique value it took from the loser.
  await restoreVoter(tx, survivorId, snapshot.survivor_before);
  await restoreVoter(tx, loserId, snapshot.loser_before);
  await restoreReferences(tx, loserId, survivorId, snapshot.references);
  await tx.execute(sql`UPDATE voters.merges SET undone_at = now(), undone_by = ${userId} WHERE merge_id = ${mergeId}`);
  await tx.execute(
    sql`UPDATE voters.duplicate_candidates SET status = 'pending', decided_by = NULL, decided_at = NULL
        WHERE voter_id_a = ${Math.min(survivorId, loserId)} AND voter_id_b = ${Math.max(survivorId, loserId)}
          AND status = 'merged'`,
  );
  return { survivorId, loserId };
}
