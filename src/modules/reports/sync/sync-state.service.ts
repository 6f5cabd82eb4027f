// GET /sync/download (what changed on the server since the device last looked), GET /sync/status,
// GET /sync/conflicts and POST /sync/resolve-conflict.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../../db/client.ts';
import type { Actor } from '../../../http/access.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import { iso } from '../../../http/presenters.ts';
import type { AuditContext } from '../../identity/audit.ts';
import { audit } from '../../identity/audit.ts';
import { presentReport, type ReportRow } from '../report.presenter.ts';
import { reportColumns, reportJoins } from '../reports.queries.ts';
import { applyResolved } from './sync-actions.ts';
import { downloadSince, type Resolution, syncHealth } from './sync-rules.ts';

export async function download(db: Db, actor: Actor, q: { device_id?: string; since?: string; limit?: number }) {
  const limit = q.limit ?? 100;
  const state = q.device_id
    ? await one<{ last_download_timestamp: string | null }>(
        db,
        sql`SELECT last_download_timestamp FROM reports.client_sync_state
            WHERE user_id = ${actor.userId} AND device_id = ${q.device_id}`,
      )
    : undefined;
  const since = downloadSince(q.since, iso(state?.last_download_timestamp)).toISOString();
  const serverTimestamp = new Date().toISOString();
  const reports = await rows<ReportRow>(
    db,
    sql`SELECT ${reportColumns} FROM reports.reports r ${reportJoins}
        WHERE r.user_id = ${actor.userId} AND COALESCE(r.updated_at, r.created_at) > ${since}::timestamptz
        ORDER BY COALESCE(r.updated_at, r.created_at), r.id LIMIT ${limit + 1}`,
  );
  const tasks = await rows<Record<string, any>>(
    db,
    sql`SELECT t.id, t.report_id, t.status, t.priority, t.notes, t.resolution_notes, t.assigned_at, t.sla_deadline,
               t.updated_at, r.report_number, r.title AS report_title, r.latitude, r.longitude, r.address
        FROM reports.tasks t JOIN reports.reports r ON r.id = t.report_id
        WHERE t.assigned_to = ${actor.userId} AND COALESCE(t.updated_at, t.created_at) > ${since}::timestamptz
        ORDER BY COALESCE(t.updated_at, t.created_at), t.id LIMIT ${limit + 1}`,
  );
  if (q.device_id) {
    await db.execute(sql`
      INSERT INTO reports.client_sync_state AS s (user_id, device_id, last_sync_timestamp, last_download_timestamp)
      VALUES (${actor.userId}, ${q.device_id}, ${serverTimestamp}::timestamptz, ${serverTimestamp}::timestamptz)
      ON CONFLICT (user_id, device_id) DO UPDATE SET last_sync_timestamp = EXCLUDED.last_sync_timestamp,
        last_download_timestamp = EXCLUDED.last_download_timestamp`);
  }
  const moreReports = reports.length > limit;
  const moreTasks = tasks.length > limit;
  return {
    server_timestamp: serverTimestamp,
    since,
    reports: reports.slice(0, limit).map(presentReport),
    tasks: tasks.slice(0, limit).map((t) => ({
      ...t,
      assigned_at: iso(t.assigned_at),
      sla_deadline: iso(t.sla_deadline),
      updated_at: iso(t.updated_at),
    })),
    has_more: moreReports || moreTasks,
    has_more_by_entity: { reports: moreReports, tasks: moreTasks },
  };
}

export async function syncStatus(db: Db, actor: Actor) {
  const counts = await one<{ conflicts: number; pending: number; failed: number; processed: number }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM reports.sync_conflicts WHERE user_id = ${actor.userId} AND NOT resolved) AS conflicts,
          count(*) FILTER (WHERE NOT processed AND retry_count < max_retries)::int AS pending,
          count(*) FILTER (WHERE NOT processed AND retry_count >= max_retries)::int AS failed,
          count(*) FILTER (WHERE processed)::int AS processed
        FROM reports.offline_actions_log WHERE user_id = ${actor.userId}`,
  );
  const devices = await rows<Record<string, any>>(
    db,
    sql`SELECT device_id, last_sync_timestamp, last_upload_timestamp, last_download_timestamp, sync_version
        FROM reports.client_sync_state WHERE user_id = ${actor.userId} ORDER BY last_sync_timestamp DESC NULLS LAST LIMIT 50`,
  );
  return {
    sync_health: syncHealth(counts!.conflicts),
    unresolved_conflicts: counts!.conflicts,
    pending_actions: counts!.pending,
    failed_actions: counts!.failed,
    processed_actions: counts!.processed,
    devices: devices.map((d) => ({
      device_id: d.device_id,
      last_sync_timestamp: iso(d.last_sync_timestamp),
      last_upload_timestamp: iso(d.last_upload_timestamp),
      last_download_timestamp: iso(d.last_download_timestamp),
      sync_version: d.sync_version,
    })),
  };
}

function presentConflict(c: Record<string, any>) {
  return {
    id: c.id,
    device_id: c.device_id,
    entity_type: c.entity_type,
    entity_id: c.entity_id,
    client_version: c.client_version,
    server_version: c.server_version,
    resolution_strategy: c.resolution_strategy,
    resolved: c.resolved,
    resolved_at: iso(c.resolved_at),
    resolved_data: c.resolved_data,
    created_at: iso(c.created_at),
  };
}

export async function listConflicts(db: Db, actor: Actor, q: { resolved?: boolean; device_id?: string }) {
  const found = await rows<Record<string, any>>(
    db,
    sql`SELECT * FROM reports.sync_conflicts WHERE user_id = ${actor.userId}
          AND resolved = ${q.resolved ?? false}
          AND (${q.device_id ?? null}::text IS NULL OR device_id = ${q.device_id ?? null})
        ORDER BY created_at DESC, id DESC LIMIT 200`,
  );
  return { conflicts: found.map(presentConflict) };
}

/**
 * server_wins keeps the server's version; client_wins applies the client's; merge applies merged_data (required);
 * manual marks it resolved by hand (nothing applied, merged_data kept as a record when given).
 */
export async function resolveConflict(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  resolution: Resolution,
  input: { conflict_id: number; merged_data?: Record<string, unknown> },
) {
  if (resolution === 'merge' && !input.merged_data) throw badRequest('merged_data_required', 'merge needs merged_data');
  return db.transaction(async (tx) => {
    const c = await one<Record<string, any>>(
      tx,
      sql`SELECT * FROM reports.sync_conflicts WHERE id = ${input.conflict_id} AND user_id = ${actor.userId} FOR UPDATE`,
    );
    if (!c) throw notFound('Sync conflict', input.conflict_id);
    if (c.resolved) throw conflict('already_resolved', `Sync conflict ${c.id} is already resolved`);
    const { base: _b, base_updated_at: _u, ...clientData } = c.client_version as Record<string, unknown>;
    const resolvedData =
      resolution === 'server_wins'
        ? c.server_version
        : resolution === 'client_wins'
          ? clientData
          : (input.merged_data ?? null);
    if (resolution === 'client_wins' || resolution === 'merge') {
      const data =
        resolution === 'merge' && c.entity_type === 'task'
          ? { task_id: c.entity_id, ...input.merged_data }
          : resolvedData;
      await applyResolved(tx, ctx, actor, c.entity_type, data);
    }
    const row = await one<Record<string, any>>(
      tx,
      sql`UPDATE reports.sync_conflicts SET resolved = true, resolved_at = now(), resolution_strategy = ${resolution},
            resolved_data = ${resolvedData === null ? null : JSON.stringify(resolvedData)}::jsonb
          WHERE id = ${c.id} RETURNING *`,
    );
    await audit(tx, ctx, {
      action: 'sync_conflict_resolved',
      description: `Sync conflict ${c.id} resolved: ${resolution}`,
      resourceType: c.entity_type ?? 'sync_conflict',
      resourceId: c.entity_id ?? c.id,
      extra: { conflict_id: c.id, resolution },
    });
    return { conflict: presentConflict(row!) };
  });
}
