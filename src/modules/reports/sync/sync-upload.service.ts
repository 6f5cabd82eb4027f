// POST /sync/upload: a device's queued actions, run highest priority first. Each action is logged once per
// user and client_id (unique index), and its effect and its "processed" mark commit together, so replaying an
// upload after a lost response answers the stored result instead of doing the work twice.
import type { Static } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../../db/client.ts';
import type { Actor } from '../../../http/access.ts';
import { AppError, fromDatabaseError } from '../../../http/errors.ts';
import type { AuditContext } from '../../identity/audit.ts';
import { runAction, SyncConflict } from './sync-actions.ts';
import { canRetry, orderActions, type ActionType } from './sync-rules.ts';
import type { SyncAction, UploadBody } from './sync.schemas.ts';

type Action = Static<typeof SyncAction>;
type Body = Static<typeof UploadBody>;

interface LogRow {
  id: number;
  action_type: string;
  processed: boolean;
  result: Record<string, any> | null;
  error_message: string | null;
  retry_count: number;
  max_retries: number;
}

export interface ActionResult {
  client_id: string;
  action_type: string;
  status: 'success' | 'failed' | 'conflict';
  entity_type: string | null;
  entity_id: number | null;
  result: unknown;
  message: string | null;
  conflict_id: number | null;
  retry_count: number;
  can_retry: boolean;
}

function answer(action: Action, log: LogRow): ActionResult {
  const stored = log.result ?? {};
  const status: ActionResult['status'] = log.processed
    ? stored.status === 'conflict'
      ? 'conflict'
      : 'success'
    : 'failed';
  return {
    client_id: action.client_id,
    action_type: log.action_type,
    status,
    entity_type: stored.entity_type ?? null,
    entity_id: stored.entity_id ?? null,
    result: stored.data ?? null,
    message: log.processed ? (stored.message ?? null) : log.error_message,
    conflict_id: stored.conflict_id ?? null,
    retry_count: log.retry_count,
    can_retry: canRetry(log),
  };
}

function messageOf(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const db = fromDatabaseError(err);
  return db ? db.message : 'The action could not be processed';
}

async function processOne(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  deviceId: string,
  action: Action,
): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO reports.offline_actions_log (user_id, device_id, action_type, entity_type, entity_id, payload, priority)
      VALUES (${actor.userId}, ${deviceId}, ${action.action_type}, ${action.entity_type ?? null}, ${action.client_id},
        ${JSON.stringify({ timestamp: action.timestamp, data: action.data })}::jsonb, ${action.priority ?? 0})
      ON CONFLICT (user_id, entity_id) WHERE entity_id IS NOT NULL DO NOTHING`);
    // Locked: a concurrent replay of the same client_id waits here and then sees the first one's result.
    const log = (await one<LogRow>(
      tx,
      sql`SELECT id, action_type, processed, result, error_message, retry_count, max_retries
          FROM reports.offline_actions_log WHERE user_id = ${actor.userId} AND entity_id = ${action.client_id} FOR UPDATE`,
    ))!;
    if (log.action_type !== action.action_type) {
      return {
        ...answer(action, { ...log, processed: false }),
        action_type: action.action_type,
        message: `client_id ${action.client_id} was already used for a ${log.action_type} action`,
        can_retry: false,
      };
    }
    if (log.processed || !canRetry(log)) return answer(action, log);

    try {
      const outcome = await tx.transaction((sp) =>
        runAction(sp, ctx, actor, action.action_type as ActionType, action.data),
      );
      const result = {
        status: 'success',
        entity_type: outcome.entity_type,
        entity_id: outcome.entity_id,
        data: outcome.result,
      };
      return answer(action, await finish(tx, log.id, result, null));
    } catch (err) {
      if (err instanceof SyncConflict) {
        const conflict = await one<{ id: number }>(
          tx,
          sql`INSERT INTO reports.sync_conflicts (user_id, device_id, entity_type, entity_id, client_version, server_version)
              VALUES (${actor.userId}, ${deviceId}, ${err.entityType}, ${err.entityId}, ${JSON.stringify(err.clientVersion)}::jsonb,
                ${JSON.stringify(err.serverVersion)}::jsonb) RETURNING id`,
        );
        const result = {
          status: 'conflict',
          entity_type: err.entityType,
          entity_id: err.entityId,
          conflict_id: conflict!.id,
          message: err.message,
        };
        return answer(action, await finish(tx, log.id, result, null));
      }
      if (!(err instanceof AppError) && !fromDatabaseError(err)) throw err;
      const failed = (await one<LogRow>(
        tx,
        sql`UPDATE reports.offline_actions_log SET retry_count = retry_count + 1, error_message = ${messageOf(err)}
            WHERE id = ${log.id}
            RETURNING id, action_type, processed, result, error_message, retry_count, max_retries`,
      ))!;
      return answer(action, failed);
    }
  });
}

async function finish(tx: Db, id: number, result: Record<string, unknown>, error: string | null): Promise<LogRow> {
  return (await one<LogRow>(
    tx,
    sql`UPDATE reports.offline_actions_log SET processed = true, processed_at = now(),
          result = ${JSON.stringify(result)}::jsonb, error_message = ${error}
        WHERE id = ${id} RETURNING id, action_type, processed, result, error_message, retry_count, max_retries`,
  ))!;
}

export async function uploadActions(db: Db, ctx: AuditContext, actor: Actor, body: Body) {
  const ids = body.actions.map((a) => a.client_id);
  if (new Set(ids).size !== ids.length) {
    throw new AppError(400, 'duplicate_client_id', 'Each action in one upload needs its own client_id');
  }
  const results: ActionResult[] = [];
  for (const action of orderActions(body.actions)) {
    results.push(await processOne(db, ctx, actor, body.device_id, action));
  }
  await db.execute(sql`
    INSERT INTO reports.client_sync_state AS s (user_id, device_id, last_sync_timestamp, last_upload_timestamp, device_info)
    VALUES (${actor.userId}, ${body.device_id}, now(), now(), ${body.device_info ? JSON.stringify(body.device_info) : null}::jsonb)
    ON CONFLICT (user_id, device_id) DO UPDATE SET last_sync_timestamp = now(), last_upload_timestamp = now(),
      sync_version = s.sync_version + 1, device_info = COALESCE(EXCLUDED.device_info, s.device_info)`);
  const count = (s: ActionResult['status']) => results.filter((r) => r.status === s).length;
  return {
    server_timestamp: new Date().toISOString(),
    processed: results.length,
    succeeded: count('success'),
    failed: count('failed'),
    conflicts: count('conflict'),
    results,
  };
}
