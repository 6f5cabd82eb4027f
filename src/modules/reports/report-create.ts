// Filing a report: a gap-free number, rules-v1 classification, the SLA clock, status history, reputation and
// auto-promotion, the audit record, the reporter's timeline (voters) and the duplicate candidates nearby.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { badRequest, unprocessable } from '../../http/errors.ts';
import type { Logger } from '../../logger.ts';
import { type AuditContext, audit, systemContext } from '../identity/audit.ts';
import { logInteraction } from '../voters/interactions.service.ts';
import { classifierVersion, classifyText, loadRoutingRules } from './classification.ts';
import type { ReportRow } from './report.presenter.ts';
import { type DuplicateCandidate, findDuplicateCandidates, findReport } from './reports.queries.ts';
import { creditReport } from './reputation.ts';
import type { Severity } from './transitions.ts';

export interface CreateReportInput {
  title: string;
  description: string;
  latitude: number;
  longitude: number;
  category?: string | null;
  sub_category?: string | null;
  severity?: Severity;
  address?: string | null;
  landmark?: string | null;
  area_type?: string | null;
  ward_number?: string | null;
  district?: string | null;
  state?: string | null;
  pincode?: string | null;
  is_public?: boolean;
  is_sensitive?: boolean;
  /** City code of the report number (CL-{year}-{CITY}-{seq}); RNC (Ranchi) as in the original when absent. */
  city_code?: string | null;
  /** The reporter when no one is signed in (Open311 with an API key, offline sync on behalf of a user). */
  user_id?: number | null;
}

export interface CreateReportDeps {
  log?: Logger;
  context?: AuditContext;
}

export interface CreatedReport {
  report: ReportRow;
  duplicate_candidates: DuplicateCandidate[];
  promoted: boolean;
}

export const defaultCityCode = 'RNC';

export function formatReportNumber(year: number, city: string, seq: number): string {
  return `CL-${year}-${city}-${String(seq).padStart(5, '0')}`;
}

export async function createReport(
  tx: Db,
  deps: CreateReportDeps,
  actor: Actor | null,
  input: CreateReportInput,
): Promise<CreatedReport> {
  const userId = actor?.userId ?? input.user_id ?? null;
  if (userId === null) throw badRequest('reporter_required', 'A report needs a signed-in reporter or a user_id');
  const city = (input.city_code ?? defaultCityCode).toUpperCase();
  if (!/^[A-Z]{2,10}$/.test(city))
    throw badRequest('invalid_city_code', `City code ${JSON.stringify(city)} must be 2-10 letters`);

  const rules = await loadRoutingRules(tx);
  const ai = classifyText(`${input.title} ${input.description}`, rules);
  const category = input.category ?? ai?.category ?? 'other';
  const known = await one<{ sla_hours: number }>(
    tx,
    sql`SELECT sla_hours FROM reports.categories WHERE code = ${category}`,
  );
  if (!known) throw unprocessable('unknown_category', `Category ${JSON.stringify(category)} does not exist`);

  const inserted = await one<{ id: number }>(
    tx,
    sql`INSERT INTO reports.reports
          (report_number, user_id, title, description, category, sub_category, severity, latitude, longitude,
           address, landmark, area_type, ward_number, district, state, pincode, is_public, is_sensitive,
           ai_category, ai_confidence, ai_processed_at, ai_model_version, needs_review, sla_due_at)
        VALUES (NULL, ${userId}, ${input.title.trim()}, ${input.description}, ${category},
          ${input.sub_category ?? null}, ${input.severity ?? 'medium'}, ${input.latitude}, ${input.longitude},
          ${input.address ?? null}, ${input.landmark ?? null}, ${input.area_type ?? null}, ${input.ward_number ?? null},
          ${input.district ?? null}, COALESCE(${input.state ?? null}, 'Jharkhand'), ${input.pincode ?? null},
          ${input.is_public ?? true}, ${input.is_sensitive ?? false},
          ${ai?.category ?? null}, ${ai?.confidence ?? null}, now(), ${classifierVersion},
          ${ai === null || ai.confidence < 0.75}, now() + make_interval(hours => ${known.sla_hours}))
        RETURNING id`,
  );
  const reportId = inserted!.id;
  await tx.execute(
    sql`INSERT INTO reports.report_status_history (report_id, old_status, new_status, changed_by_user_id, notes)
        VALUES (${reportId}, NULL, 'received', ${userId}, 'Report submitted')`,
  );
  const context = deps.context ?? (actor ? { ...systemContext, actor } : systemContext);
  const promoted = await creditReport(tx, userId, context);
  const duplicate_candidates = await findDuplicateCandidates(tx, {
    category,
    latitude: input.latitude,
    longitude: input.longitude,
    title: input.title,
    description: input.description,
    excludeId: reportId,
  });
  await logOnTimeline(tx, userId, reportId, input.title);
  const report = (await findReport(tx, reportId))!;
  // The number last: the counter row stays locked until commit, so the less work after it, the more
  // reports per second (creates of one city and year queue on that row).
  report.report_number = await assignReportNumber(tx, reportId, city);
  await audit(tx, context, {
    action: 'report_created',
    description: `Report ${report.report_number} filed`,
    resourceType: 'report',
    resourceId: reportId,
    extra: { report_number: report.report_number, category, ai_category: ai?.category ?? null },
    ...(actor ? {} : { userId }),
  });
  return { report, duplicate_candidates, promoted };
}

/** Takes the next number of city+year and writes it on the report, in one statement. */
export async function assignReportNumber(tx: Db, reportId: number, city: string): Promise<string> {
  const row = await one<{ report_number: string }>(
    tx,
    sql`WITH n AS (
          INSERT INTO reports.report_number_counters AS c (city, year, last_value)
          VALUES (${city}, extract(year FROM now())::int, 1)
          ON CONFLICT (city, year) DO UPDATE SET last_value = c.last_value + 1
          RETURNING year, last_value)
        UPDATE reports.reports r SET report_number = 'CL-' || n.year || '-' || ${city} || '-' || lpad(n.last_value::text, greatest(5, length(n.last_value::text)), '0')
        FROM n WHERE r.id = ${reportId}
        RETURNING r.report_number`,
  );
  if (!row) throw new Error('report number assignment returned no row');
  return row.report_number;
}

/** "Filed a report" on the reporter's person record, when their account is linked to one. */
async function logOnTimeline(tx: Db, userId: number, reportId: number, title: string) {
  // to_jsonb keeps this working whether or not the voters migration (which adds users.voter_id) is present.
  const link = await one<{ voter_id: number | null }>(
    tx,
    sql`SELECT (to_jsonb(u) ->> 'voter_id')::int AS voter_id FROM identity.users u WHERE u.id = ${userId}`,
  );
  if (!link?.voter_id) return;
  await logInteraction(tx, {
    voter_id: link.voter_id,
    user_id: userId,
    interaction_type: 'Filed Report',
    outcome: null,
    notes: `Filed a civic issue report: ${title.slice(0, 200)}`,
    source_module: 'reports',
    source_ref: String(reportId),
  });
}
