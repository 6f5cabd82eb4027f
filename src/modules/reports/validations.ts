// Report validation (CiviLens can_validate, permission reports:validate): a contributor confirms another person's
// open report, once (UNIQUE (report_id, user_id)). The validator's total_validations counts confirmations; when a
// confirmed report is resolved, each confirmation becomes helpful and its validator's helpful_validations grows.
import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { AppError, unprocessable } from '../../http/errors.ts';
import { requireActor } from '../../http/access.ts';
import { type AuditContext, audit, auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { assertVisible } from './report-access.ts';
import { IdParams } from './reports.schemas.ts';
import { openStatuses } from './transitions.ts';

export async function validateReport(tx: Db, ctx: AuditContext, reportId: number, notes?: string) {
  const actor = await assertVisible(tx, ctx.actor, [reportId], 'read');
  const report = (await one<{ user_id: number; status: string }>(
    tx,
    sql`SELECT user_id, status FROM reports.reports WHERE id = ${reportId} FOR SHARE`,
  ))!;
  if (report.user_id === actor.userId) throw unprocessable('own_report', 'You cannot confirm your own report');
  if (!(openStatuses as readonly string[]).includes(report.status)) {
    throw unprocessable('report_not_open', `A ${report.status} report cannot be confirmed`);
  }
  const created = await one<{ id: number; created_at: unknown }>(
    tx,
    sql`INSERT INTO reports.report_validations (report_id, user_id, notes)
        VALUES (${reportId}, ${actor.userId}, ${notes?.trim() || null})
        ON CONFLICT (report_id, user_id) DO NOTHING RETURNING id, created_at`,
  );
  if (!created) throw new AppError(409, 'already_validated', 'You have already confirmed this report');
  await tx.execute(sql`UPDATE identity.users SET total_validations = total_validations + 1 WHERE id = ${actor.userId}`);
  await audit(tx, ctx, {
    action: 'report_validated',
    description: `Report ${reportId} confirmed`,
    resourceType: 'report',
    resourceId: reportId,
  });
  const count = await one<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM reports.report_validations WHERE report_id = ${reportId}`,
  );
  return { report_id: reportId, validated: true, validations: count!.n };
}

/** Called on a move to resolved: the report's confirmations were right, so they count as helpful (once). */
export async function markValidationsHelpful(tx: Db, reportId: number) {
  await tx.execute(sql`
    WITH marked AS (
      UPDATE reports.report_validations SET helpful = true
      WHERE report_id = ${reportId} AND NOT helpful RETURNING user_id)
    UPDATE identity.users u SET helpful_validations = helpful_validations + 1
    FROM marked WHERE u.id = marked.user_id`);
}

export function validationRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/v1/reports/:id/validate',
    {
      config: { access: 'reports:validate' },
      schema: {
        tags: ['reports'],
        summary: "Confirm someone else's open report (once per user); counts towards the validator's validations",
        params: IdParams,
        body: Type.Object({ notes: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ report_id: Type.Integer(), validated: Type.Boolean(), validations: Type.Integer() }),
        },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const result = await deps.database.db.transaction((tx) =>
        validateReport(tx, auditContext(request), request.params.id, request.body.notes),
      );
      return reply.status(201).send(result);
    },
  );
}
