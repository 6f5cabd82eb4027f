// Campaigns (Cerberus) and their membership (campaign_voters). Writes are audited.
import { Type } from '@fastify/type-provider-typebox';
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { iso, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { Nullable } from './common.schemas.ts';
import { likeEscape } from './segments/compile.ts';

interface CampaignRow {
  campaign_id: number;
  campaign_name: string;
  start_date: string | null;
  end_date: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
  voter_count: number;
}

export const CampaignSchema = Type.Object({
  campaign_id: Type.Integer(),
  campaign_name: Type.String(),
  start_date: Nullable(Type.String()),
  end_date: Nullable(Type.String()),
  description: Nullable(Type.String()),
  voter_count: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

const present = (r: CampaignRow) => ({
  campaign_id: r.campaign_id,
  campaign_name: r.campaign_name,
  start_date: r.start_date,
  end_date: r.end_date,
  description: r.description,
  voter_count: r.voter_count,
  created_at: iso(r.created_at) as string,
  updated_at: iso(r.updated_at) as string,
});

const select = sql`SELECT c.campaign_id, c.campaign_name, c.start_date::text AS start_date, c.end_date::text AS end_date,
  c.description, c.created_at, c.updated_at,
  (SELECT count(*)::int FROM voters.campaign_voters cv WHERE cv.campaign_id = c.campaign_id) AS voter_count
  FROM voters.campaigns c`;

export interface CampaignFields {
  campaign_name?: string;
  start_date?: string | null;
  end_date?: string | null;
  description?: string | null;
}

export async function listCampaigns(db: Db, q: { q?: string; page: number; per_page: number }) {
  const where = q.q ? sql`c.campaign_name ILIKE ${`%${likeEscape(q.q)}%`}` : sql`true`;
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.campaigns c WHERE ${where}`),
    rows<CampaignRow>(
      db,
      sql`${select} WHERE ${where} ORDER BY c.campaign_name, c.campaign_id
          LIMIT ${q.per_page} OFFSET ${(q.page - 1) * q.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return {
    campaigns: found.map(present),
    total,
    current_page: q.page,
    total_pages: totalPages(total, q.per_page),
  };
}

export async function requireCampaign(db: Db, id: number) {
  const row = await one<CampaignRow>(db, sql`${select} WHERE c.campaign_id = ${id}`);
  if (!row) throw notFound('Campaign', id);
  return present(row);
}

function checkDates(f: CampaignFields) {
  if (f.start_date && f.end_date && f.end_date < f.start_date) {
    throw badRequest('invalid_dates', `end_date ${f.end_date} is before start_date ${f.start_date}`);
  }
}

export async function createCampaign(
  db: Db,
  context: AuditContext,
  f: Required<Pick<CampaignFields, 'campaign_name'>> & CampaignFields,
) {
  checkDates(f);
  return db.transaction(async (tx) => {
    const row = await one<{ campaign_id: number }>(
      tx,
      sql`INSERT INTO voters.campaigns (campaign_name, start_date, end_date, description)
          VALUES (${f.campaign_name.trim()}, ${f.start_date ?? null}, ${f.end_date ?? null}, ${f.description ?? null})
          RETURNING campaign_id`,
    );
    await audit(tx, context, { action: 'campaign.create', resourceType: 'campaign', resourceId: row!.campaign_id });
    return { campaign: await requireCampaign(tx, row!.campaign_id) };
  });
}

export async function updateCampaign(db: Db, context: AuditContext, id: number, f: CampaignFields) {
  const sets: SQL[] = [];
  if (f.campaign_name !== undefined) sets.push(sql`campaign_name = ${f.campaign_name.trim()}`);
  for (const key of ['start_date', 'end_date', 'description'] as const) {
    if (f[key] !== undefined) sets.push(sql`${sql.identifier(key)} = ${f[key]}`);
  }
  return db.transaction(async (tx) => {
    const current = await requireCampaign(tx, id);
    checkDates({
      start_date: f.start_date === undefined ? current.start_date : f.start_date,
      end_date: f.end_date === undefined ? current.end_date : f.end_date,
    });
    if (sets.length)
      await tx.execute(sql`UPDATE voters.campaigns SET ${sql.join(sets, sql`, `)} WHERE campaign_id = ${id}`);
    await audit(tx, context, {
      action: 'campaign.update',
      resourceType: 'campaign',
      resourceId: id,
      extra: { fields: Object.keys(f) },
    });
    return { campaign: await requireCampaign(tx, id) };
  });
}

export async function deleteCampaign(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    const gone = await one(tx, sql`DELETE FROM voters.campaigns WHERE campaign_id = ${id} RETURNING campaign_id`);
    if (!gone) throw notFound('Campaign', id);
    await audit(tx, context, { action: 'campaign.delete', resourceType: 'campaign', resourceId: id });
    return { message: `Campaign ${id} deleted` };
  });
}

/** Adds people to a campaign; ones already in it are left as they are. Unknown voter ids answer 404. */
export async function addCampaignVoters(db: Db, context: AuditContext, id: number, voterIds: number[]) {
  const ids = [...new Set(voterIds)];
  return db.transaction(async (tx) => {
    await requireCampaign(tx, id);
    const known = await rows<{ voter_id: number }>(
      tx,
      sql`SELECT voter_id FROM voters.voters WHERE voter_id IN (${sql.join(
        ids.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
    const missing = ids.find((v) => !known.some((k) => k.voter_id === v));
    if (missing !== undefined) throw notFound('Voter', missing);
    const added = await rows(
      tx,
      sql`INSERT INTO voters.campaign_voters (campaign_id, voter_id)
          SELECT ${id}, x FROM unnest(ARRAY[${sql.join(
            ids.map((v) => sql`${v}::int`),
            sql`, `,
          )}]) AS x
          ON CONFLICT ON CONSTRAINT uq_campaign_voter DO NOTHING RETURNING voter_id`,
    );
    await audit(tx, context, {
      action: 'campaign.voters_add',
      resourceType: 'campaign',
      resourceId: id,
      extra: { voter_ids: ids, added: added.length },
    });
    return { added: added.length, already_members: ids.length - added.length };
  });
}

export async function removeCampaignVoter(db: Db, context: AuditContext, id: number, voterId: number) {
  return db.transaction(async (tx) => {
    await requireCampaign(tx, id);
    const gone = await one(
      tx,
      sql`DELETE FROM voters.campaign_voters WHERE campaign_id = ${id} AND voter_id = ${voterId} RETURNING voter_id`,
    );
    if (!gone) throw notFound('Campaign membership of voter', voterId);
    await audit(tx, context, {
      action: 'campaign.voters_remove',
      resourceType: 'campaign',
      resourceId: id,
      extra: { voter_id: voterId },
    });
    return { message: `Voter ${voterId} removed from campaign ${id}` };
  });
}
