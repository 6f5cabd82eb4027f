// The record canvass helper (POST /people/:id/record_canvass_helper): in one transaction, a "Canvass"
// interaction on the person's timeline (outcome from the canvass's status_code/success), its OSDI details
// (contact_type, input_type, success, status_code, canvasser) and the answers and tags/lists of the helper actions.
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import { logInteraction } from '../voters/interactions.service.ts';
import { identifiers, idFromHref, type OsdiBase } from './hal.ts';
import { applyHelperActions, type HelperActions } from './helper-actions.ts';
import { auditOsdi, type OsdiContext } from './osdi-context.ts';
import { type ErrorDescription, osdiInvalid, osdiNotFound } from './osdi-errors.ts';
import { type PagedQuery, pagedCollection } from './paged.ts';
import { personExists } from './people.queries.ts';

export interface CanvassBody extends HelperActions {
  canvass?: {
    action_date?: string;
    contact_type?: string;
    input_type?: string;
    success?: boolean;
    status_code?: string;
    origin_system?: string;
    _links?: unknown;
  };
}

interface CanvassRow {
  interaction_id: number;
  voter_id: number;
  interaction_date: string;
  created_at: string;
  contact_type: string | null;
  input_type: string | null;
  success: boolean | null;
  status_code: string | null;
  canvasser_voter_id: number | null;
  origin_system: string | null;
}

/** OSDI canvass response codes as interaction outcomes (the failed attempts engagement scoring knows). */
const outcomes: Record<string, string> = {
  'not-home': 'Not Home',
  not_home: 'Not Home',
  refused: 'Refused',
  'wrong-number': 'Wrong Number',
  moved: 'Moved',
  deceased: 'Deceased',
};

export function canvassOutcome(success: boolean | undefined, statusCode: string | undefined): string {
  const code = statusCode?.trim().toLowerCase();
  if (code) return outcomes[code] ?? statusCode!.trim().slice(0, 255);
  return success === false ? 'Not Contacted' : 'Contacted';
}

const canvassColumns = sql.raw(`i.interaction_id, i.voter_id, i.interaction_date, i.created_at, c.contact_type,
  c.input_type, c.success, c.status_code, c.canvasser_voter_id, c.origin_system`);

export function presentCanvass(base: OsdiBase, row: CanvassRow) {
  const target = `${base.api}/people/${row.voter_id}`;
  const href = `${target}/canvasses/${row.interaction_id}`;
  return {
    identifiers: identifiers(row.interaction_id),
    ...(row.origin_system ? { origin_system: row.origin_system } : {}),
    created_date: iso(row.created_at),
    modified_date: iso(row.created_at),
    action_date: iso(row.interaction_date),
    contact_type: row.contact_type,
    input_type: row.input_type,
    success: row.success,
    status_code: row.status_code ?? '',
    _links: {
      self: { href },
      ...(row.canvasser_voter_id ? { 'osdi:canvasser': { href: `${base.api}/people/${row.canvasser_voter_id}` } } : {}),
      'osdi:target': { href: target },
      'osdi:answers': { href: `${href}/answers` },
    },
  };
}

function readCanvass(canvass: CanvassBody['canvass']) {
  const errors: ErrorDescription[] = [];
  const c = canvass ?? {};
  let actionDate: string | null = null;
  if (c.action_date !== undefined) {
    if (Number.isNaN(Date.parse(c.action_date))) {
      errors.push({
        error_code: 'INVALID_VALUE',
        description: 'action_date is not an ISO 8601 date',
        properties: ['canvass.action_date'],
      });
    } else {
      actionDate = new Date(c.action_date).toISOString();
    }
  }
  if (errors.length > 0) throw osdiInvalid('osdi:canvass', errors);
  return { ...c, actionDate };
}

/** The canvasser: a posted osdi:canvasser link, else the person of the API key's user. */
async function canvasserOf(tx: Db, ctx: OsdiContext, links: unknown): Promise<number | null> {
  const posted = idFromHref(
    (links as Record<string, { href?: unknown }> | undefined)?.['osdi:canvasser']?.href,
    'people',
  );
  if (posted !== null && (await personExists(tx, posted))) return posted;
  if (!ctx.key?.user_id) return null;
  const row = await one<{ voter_id: number | null }>(
    tx,
    sql`SELECT voter_id FROM identity.users WHERE id = ${ctx.key.user_id}`,
  );
  return row?.voter_id ?? null;
}

export async function recordCanvass(db: Db, ctx: OsdiContext, voterId: number, body: CanvassBody) {
  const c = readCanvass(body.canvass);
  const interactionId = await db.transaction(async (tx) => {
    if (!(await personExists(tx, voterId))) throw osdiNotFound('osdi:person', voterId);
    const interaction = await logInteraction(tx, {
      voter_id: voterId,
      user_id: ctx.key?.user_id ?? null,
      interaction_type: 'Canvass',
      outcome: canvassOutcome(c.success, c.status_code),
      interaction_date: c.actionDate,
      notes: [c.contact_type, c.input_type].filter(Boolean).join(', ') || null,
      source_module: 'interop',
    });
    await tx.execute(
      sql`INSERT INTO voters.osdi_canvasses
            (interaction_id, contact_type, input_type, success, status_code, canvasser_voter_id, origin_system)
          VALUES (${interaction.interaction_id}, ${c.contact_type ?? null}, ${c.input_type ?? null}, ${c.success ?? null},
            ${c.status_code ?? null}, ${await canvasserOf(tx, ctx, c._links)}, ${c.origin_system ?? null})`,
    );
    const { answers } = await applyHelperActions(tx, voterId, body, {
      anonymous: ctx.key === null,
      interactionId: interaction.interaction_id,
    });
    await auditOsdi(tx, ctx, {
      action: 'osdi.canvass.record',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { interaction_id: interaction.interaction_id, answers: answers.length },
    });
    return interaction.interaction_id;
  });
  return getCanvass(db, ctx, voterId, interactionId);
}

const canvassFrom = (where: SQL) =>
  sql`FROM voters.interactions i JOIN voters.osdi_canvasses c ON c.interaction_id = i.interaction_id WHERE ${where}`;

export async function getCanvass(db: Db, ctx: OsdiContext, voterId: number, id: number) {
  const row = await one<CanvassRow>(
    db,
    sql`SELECT ${canvassColumns} ${canvassFrom(sql`i.interaction_id = ${id} AND i.voter_id = ${voterId}`)}`,
  );
  if (!row) throw osdiNotFound('osdi:canvass', id);
  return presentCanvass(ctx.base, row);
}

export async function listCanvasses(db: Db, ctx: OsdiContext, q: PagedQuery, voterId: number) {
  if (!(await personExists(db, voterId))) throw osdiNotFound('osdi:person', voterId);
  return pagedCollection<CanvassRow>(db, ctx, q, {
    path: `/people/${voterId}/canvasses`,
    rel: 'osdi:canvasses',
    columns: canvassColumns,
    from: canvassFrom(sql`i.voter_id = ${voterId}`),
    order: sql`i.interaction_id`,
    present: (row) => presentCanvass(ctx.base, row),
  });
}
