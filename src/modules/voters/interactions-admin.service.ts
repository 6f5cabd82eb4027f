// /api/v1/interactions: list with filters, read, log by hand, correct and delete. Engagement follows each change.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { presentInteraction } from './interaction.presenter.ts';
import {
  type InteractionRow,
  interactionColumns,
  logInteraction,
  recomputeEngagement,
} from './interactions.service.ts';
import { requireVoter } from './voters.service.ts';

export interface InteractionFilter {
  voter_id?: number;
  campaign_id?: number;
  user_id?: number;
  interaction_type?: string;
  outcome?: string;
  source_module?: string;
  from?: string;
  to?: string;
  page: number;
  per_page: number;
}

export async function listInteractions(db: Db, f: InteractionFilter) {
  const where: SQL[] = [sql`true`];
  if (f.voter_id !== undefined) where.push(sql`i.voter_id = ${f.voter_id}`);
  if (f.campaign_id !== undefined) where.push(sql`i.campaign_id = ${f.campaign_id}`);
  if (f.user_id !== undefined) where.push(sql`i.user_id = ${f.user_id}`);
  if (f.interaction_type !== undefined) where.push(sql`i.interaction_type = ${f.interaction_type}`);
  if (f.outcome !== undefined) where.push(sql`i.outcome = ${f.outcome}`);
  if (f.source_module !== undefined) where.push(sql`i.source_module = ${f.source_module}`);
  if (f.from !== undefined) where.push(sql`i.interaction_date >= ${f.from}::date`);
  // `to` is a date: the whole day is included.
  if (f.to !== undefined) where.push(sql`i.interaction_date < (${f.to}::date + 1)`);
  const w = sql.join(where, sql` AND `);
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.interactions i WHERE ${w}`),
    rows<InteractionRow>(
      db,
      sql`SELECT ${interactionColumns} FROM voters.interactions i WHERE ${w}
          ORDER BY i.interaction_date DESC, i.interaction_id DESC LIMIT ${f.per_page} OFFSET ${(f.page - 1) * f.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return {
    interactions: found.map(presentInteraction),
    total,
    current_page: f.page,
    total_pages: totalPages(total, f.per_page),
  };
}

async function requireInteraction(db: Db, id: number): Promise<InteractionRow> {
  const row = await one<InteractionRow>(
    db,
    sql`SELECT ${interactionColumns} FROM voters.interactions i WHERE i.interaction_id = ${id}`,
  );
  if (!row) throw notFound('Interaction', id);
  return row;
}

export async function getInteraction(db: Db, id: number) {
  return { interaction: presentInteraction(await requireInteraction(db, id)) };
}

async function requireCampaignId(db: Db, campaignId: number | null | undefined) {
  if (campaignId === null || campaignId === undefined) return;
  const found = await one(db, sql`SELECT 1 FROM voters.campaigns WHERE campaign_id = ${campaignId}`);
  if (!found) throw notFound('Campaign', campaignId);
}

export interface InteractionFields {
  voter_id: number;
  campaign_id?: number | null;
  interaction_type: string;
  interaction_date?: string;
  outcome?: string | null;
  notes?: string | null;
  duration_minutes?: number | null;
}

export async function createInteraction(db: Db, context: AuditContext, f: InteractionFields) {
  return db.transaction(async (tx) => {
    await requireVoter(tx, f.voter_id);
    await requireCampaignId(tx, f.campaign_id);
    const row = await logInteraction(tx, { ...f, user_id: context.actor?.userId ?? null, source_module: 'voters' });
    await audit(tx, context, {
      action: 'interaction.create',
      resourceType: 'interaction',
      resourceId: row.interaction_id,
      extra: { voter_id: f.voter_id },
    });
    return { interaction: presentInteraction(row) };
  });
}

export async function updateInteraction(
  db: Db,
  context: AuditContext,
  id: number,
  f: Partial<Omit<InteractionFields, 'voter_id'>>,
) {
  const sets: SQL[] = [];
  for (const key of ['campaign_id', 'interaction_type', 'outcome', 'notes', 'duration_minutes'] as const) {
    if (f[key] !== undefined) sets.push(sql`${sql.identifier(key)} = ${f[key]}`);
  }
  if (f.interaction_date !== undefined) sets.push(sql`interaction_date = ${f.interaction_date}::timestamptz`);
  return db.transaction(async (tx) => {
    const current = await requireInteraction(tx, id);
    await requireCampaignId(tx, f.campaign_id);
    if (sets.length)
      await tx.execute(sql`UPDATE voters.interactions SET ${sql.join(sets, sql`, `)} WHERE interaction_id = ${id}`);
    await recomputeEngagement(tx, current.voter_id);
    await audit(tx, context, {
      action: 'interaction.update',
      resourceType: 'interaction',
      resourceId: id,
      extra: { fields: Object.keys(f) },
    });
    return { interaction: presentInteraction(await requireInteraction(tx, id)) };
  });
}

export async function deleteInteraction(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    const gone = await one<{ voter_id: number }>(
      tx,
      sql`DELETE FROM voters.interactions WHERE interaction_id = ${id} RETURNING voter_id`,
    );
    if (!gone) throw notFound('Interaction', id);
    await recomputeEngagement(tx, gone.voter_id);
    await audit(tx, context, {
      action: 'interaction.delete',
      resourceType: 'interaction',
      resourceId: id,
      extra: { voter_id: gone.voter_id },
    });
    return { message: `Interaction ${id} deleted` };
  });
}
