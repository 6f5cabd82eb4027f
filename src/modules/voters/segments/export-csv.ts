// A segment's members as CSV, streamed in voter_id batches so a million rows never sit in memory.
// Cells are formula-injection safe (csvStream / safeCell in src/http/csv-download.ts, shared with report export).
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../../db/client.ts';
import { csvStream, fileSlug } from '../../../http/csv-download.ts';
import { presentVoter } from '../voter.presenter.ts';
import { type VoterRow, voterColumns } from '../voters.queries.ts';
import { type AuditContext, audit } from '../../identity/audit.ts';
import { countDefinition, requireSegment, segmentWhere } from './segments.service.ts';

export const exportColumns = [
  'voter_id',
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
  'engagement_score',
  'last_contacted_date',
  'preferred_contact_method',
  'employer',
  'occupation',
  'contact_email',
  'contact_phone',
  'contact_mail',
  'contact_sms',
  'source_campaign_id',
  'latitude',
  'longitude',
  'custom_fields',
  'created_at',
  'updated_at',
] as const;

export { safeCell } from '../../../http/csv-download.ts';

const BATCH = 2000;

async function* batches(db: Db, definition: unknown) {
  const where = segmentWhere(definition);
  let after = 0;
  for (;;) {
    const found = await rows<VoterRow>(
      db,
      sql`SELECT ${voterColumns} FROM voters.voters v WHERE ${where} AND v.voter_id > ${after}
          ORDER BY v.voter_id LIMIT ${BATCH}`,
    );
    for (const row of found) {
      yield presentVoter(row) as Record<string, unknown>;
    }
    if (found.length < BATCH) return;
    after = found[found.length - 1].voter_id;
  }
}

/** The CSV stream (header first). The definition is validated before the first byte goes out. */
export function segmentCsv(db: Db, definition: unknown): Readable {
  segmentWhere(definition);
  return csvStream(exportColumns, batches(db, definition));
}

/** Audits the export (with its size) and answers the file name and stream of a saved segment. */
export async function exportSegment(db: Db, context: AuditContext, id: number) {
  const segment = await requireSegment(db, id);
  const count = await countDefinition(db, segment.definition);
  await audit(db, context, {
    action: 'segment.export',
    resourceType: 'segment',
    resourceId: id,
    extra: { rows: count },
  });
  return { filename: `${fileSlug(segment.name, 'segment')}-${id}.csv`, stream: segmentCsv(db, segment.definition) };
}
