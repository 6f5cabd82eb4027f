// What each offline action does on the server. A handler runs inside the action's own savepoint; it answers
// the entity it touched, or throws SyncConflict when the client's change was based on an older version.
import { sql } from 'drizzle-orm';
import type { Static, TSchema } from '@fastify/type-provider-typebox';
import { Value } from 'typebox/value';
import { one, type Db } from '../../../db/client.ts';
import type { Actor } from '../../../http/access.ts';
import { badRequest, validationFailed } from '../../../http/errors.ts';
import { iso } from '../../../http/presenters.ts';
import type { AuditContext } from '../../identity/audit.ts';
import { updateMe } from '../../identity/profile.service.ts';
import { createAppeal } from '../appeals.service.ts';
import { createReport } from '../report-create.ts';
import { moveTask, updateTask } from '../tasks.service.ts';
import { isConflict, type ActionType } from './sync-rules.ts';
import { CreateReportData, SubmitAppealData, UpdateProfileData, UpdateTaskData } from './sync.schemas.ts';

export interface ActionOutcome {
  entity_type: string;
  entity_id: number;
  result: Record<string, unknown>;
}

export class SyncConflict extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: number,
    readonly clientVersion: Record<string, unknown>,
    readonly serverVersion: Record<string, unknown>,
  ) {
    super(`The server changed this ${entityType} after the client's version`);
  }
}

function checked<T>(schema: TSchema, data: unknown): T {
  if (Value.Check(schema, data)) return data as T;
  const errors = [...Value.Errors(schema, data)]
    .filter((e: any) => e.keyword !== 'boolean')
    .slice(0, 10)
    .map((e: any) => ({
      field: `data${String(e.instancePath ?? '').replace(/\//g, '.')}` || 'data',
      message: String(e.message ?? 'is invalid'),
    }));
  throw validationFailed(errors, `Invalid action data: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
}

const profileFields = [
  'full_name',
  'first_name',
  'last_name',
  'email',
  'bio',
  'preferred_language',
  'primary_address',
  'primary_latitude',
  'primary_longitude',
] as const;

async function applyProfile(tx: Db, ctx: AuditContext, actor: Actor, data: Record<string, any>, check: boolean) {
  const patch = Object.fromEntries(profileFields.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
  if (check) {
    const server = await one<Record<string, any>>(
      tx,
      sql`SELECT full_name, first_name, last_name, email::text AS email, bio, preferred_language, primary_address,
                 primary_latitude, primary_longitude, updated_at FROM identity.users WHERE id = ${actor.userId} FOR UPDATE`,
    );
    const base = data.base as Record<string, unknown> | undefined;
    const changedFields = base
      ? Object.keys(patch).filter((f) => f in base && (server![f] ?? null) !== (base[f] ?? null))
      : [];
    const stale = base ? changedFields.length > 0 : isConflict(data.base_updated_at, iso(server!.updated_at));
    if (stale) {
      const { updated_at, ...current } = server!;
      throw new SyncConflict('user', actor.userId, data, { ...current, updated_at: iso(updated_at) });
    }
  }
  const { user } = await updateMe(tx, ctx, actor, patch);
  return { entity_type: 'user', entity_id: actor.userId, result: { user_id: user.id } };
}

async function applyTask(tx: Db, ctx: AuditContext, data: Record<string, any>, check: boolean) {
  if (check && data.base_updated_at) {
    const task = await one<Record<string, any>>(
      tx,
      sql`SELECT id, status, priority, notes, resolution_notes, updated_at FROM reports.tasks WHERE id = ${data.task_id}`,
    );
    if (task && isConflict(data.base_updated_at, iso(task.updated_at))) {
      throw new SyncConflict('task', task.id, data, { ...task, updated_at: iso(task.updated_at) });
    }
  }
  let task: Record<string, any> | undefined;
  if (data.priority !== undefined || (data.notes !== undefined && !data.action)) {
    task = await updateTask(tx, ctx, data.task_id, { priority: data.priority, notes: data.notes });
  }
  if (data.action) {
    task = await moveTask(tx, ctx, data.task_id, data.action, {
      notes: data.notes ?? undefined,
      resolution_notes: data.resolution_notes,
    });
  }
  if (!task) throw badRequest('nothing_to_do', 'update_task needs an action, a priority or notes');
  return { entity_type: 'task', entity_id: data.task_id, result: { task_id: data.task_id, status: task.status } };
}

/** The report an earlier create_report action of this user filed. */
async function reportOfClientId(tx: Db, userId: number, clientId: string): Promise<number> {
  const row = await one<{ report_id: number | null }>(
    tx,
    sql`SELECT (result->>'entity_id')::int AS report_id FROM reports.offline_actions_log
        WHERE user_id = ${userId} AND entity_id = ${clientId} AND action_type = 'create_report' AND processed`,
  );
  if (!row?.report_id)
    throw badRequest('unknown_report_client_id', `No synced report has client_id ${JSON.stringify(clientId)}`);
  return row.report_id;
}

export async function runAction(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  type: ActionType,
  data: unknown,
): Promise<ActionOutcome> {
  switch (type) {
    case 'create_report': {
      const input = checked<Static<typeof CreateReportData>>(CreateReportData, data);
      const { report, duplicate_candidates } = await createReport(tx, { context: ctx }, actor, input);
      return {
        entity_type: 'report',
        entity_id: report.id,
        result: {
          report_id: report.id,
          report_number: report.report_number,
          status: report.status,
          duplicate_candidates: duplicate_candidates.map((c) => c.id),
        },
      };
    }
    case 'update_profile':
      return applyProfile(tx, ctx, actor, checked(UpdateProfileData, data), true);
    case 'update_task':
      return applyTask(tx, ctx, checked(UpdateTaskData, data), true);
    case 'submit_appeal': {
      const input = checked<Static<typeof SubmitAppealData>>(SubmitAppealData, data);
      const reportId =
        input.report_id ??
        (input.report_client_id ? await reportOfClientId(tx, actor.userId, input.report_client_id) : undefined);
      if (!reportId) throw badRequest('report_required', 'submit_appeal needs report_id or report_client_id');
      const appeal = await createAppeal(tx, ctx, { ...input, report_id: reportId });
      return {
        entity_type: 'appeal',
        entity_id: appeal.id as number,
        result: { appeal_id: appeal.id, report_id: reportId },
      };
    }
    case 'upload_media':
      throw badRequest(
        'use_media_upload',
        'Files are not carried by sync: upload them to POST /api/v1/reports/{id}/media once the report is synced',
      );
  }
}

/** Applies a client's (or merged) version after a conflict, without checking versions again. */
export async function applyResolved(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  entityType: string | null,
  data: Record<string, unknown>,
): Promise<void> {
  if (entityType === 'user') await applyProfile(tx, ctx, actor, checked(UpdateProfileData, data), false);
  else if (entityType === 'task') await applyTask(tx, ctx, checked(UpdateTaskData, data), false);
  else
    throw badRequest('cannot_apply', `A ${entityType} conflict cannot be applied automatically; resolve it manually`);
}
