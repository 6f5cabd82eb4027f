// OSDI people over voters.voters. Creating (POST /people and the person signup helper) matches by email then
// phone through findOrCreatePerson and merges: empty fields are filled, filled ones kept, foreign identifiers
// added; a person is never duplicated. PUT overwrites only the fields sent (null clears).
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { logInteraction } from '../voters/interactions.service.ts';
import { findOrCreatePerson, findPerson, type PersonInput } from '../voters/person-match.ts';
import { columnValue, locationValue } from '../voters/voters.queries.ts';
import { collection, paging } from './hal.ts';
import { applyHelperActions, type HelperActions } from './helper-actions.ts';
import { auditOsdi, type OsdiContext } from './osdi-context.ts';
import { osdiInvalid, osdiNotFound } from './osdi-errors.ts';
import { addForeignIds, countPeople, pagePeople, personById } from './people.queries.ts';
import { personFilter } from './person-filter.ts';
import { type PersonChanges, readPerson } from './person-input.ts';
import { presentPerson } from './person.presenter.ts';

export async function listPeople(db: Db, ctx: OsdiContext, q: { page?: number; per_page?: number; filter?: string }) {
  const where = personFilter(q.filter);
  const p = paging(q);
  const [total, found] = await Promise.all([
    countPeople(db, where),
    pagePeople(db, where, p.perPage, (p.page - 1) * p.perPage),
  ]);
  return collection({
    base: ctx.base,
    path: '/people',
    query: ctx.query,
    rel: 'osdi:people',
    paging: p,
    total,
    items: found.map((row) => presentPerson(ctx.base, row, row.foreign_ids) as any),
  });
}

export async function getPerson(db: Db, ctx: OsdiContext, id: number) {
  const row = await personById(db, id);
  if (!row) throw osdiNotFound('osdi:person', id);
  return presentPerson(ctx.base, row, row.foreign_ids);
}

/** custom_fields without the keys sent as null (null removes a key on PUT; on merge it has nothing to fill). */
function withoutNulls(fields: unknown): Record<string, string> | null {
  if (fields === null || typeof fields !== 'object') return null;
  const out = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as Record<string, string>;
  return Object.keys(out).length > 0 ? out : null;
}

/** Finds (by email, then phone) or creates the person; merges what was sent. Runs in the caller's transaction. */
export async function mergePerson(tx: Db, changes: PersonChanges): Promise<{ voter_id: number; created: boolean }> {
  if (changes.errors.length > 0) throw osdiInvalid('osdi:person', changes.errors);
  const c = changes.columns;
  const email = (c.get('email_address') as string | null | undefined) ?? null;
  const phone = (c.get('phone_number') as string | null | undefined) ?? null;
  if (!email && !phone) {
    throw osdiInvalid('osdi:person', [
      {
        error_code: 'EMAIL_OR_PHONE_REQUIRED',
        description: 'A person needs an email address or a phone number',
        properties: ['email_addresses', 'phone_numbers'],
      },
    ]);
  }
  const existing = await findPerson(tx, { email, phone });
  if (!existing && (!c.get('first_name') || !c.get('last_name'))) {
    throw osdiInvalid('osdi:person', [
      {
        error_code: 'NAME_REQUIRED',
        description: 'A new person needs given_name and family_name',
        properties: ['given_name', 'family_name'],
      },
    ]);
  }
  const input: Record<string, unknown> = {};
  for (const [column, value] of c) {
    if (column === 'email_address' || column === 'phone_number' || value === null) continue;
    input[column] = column === 'custom_fields' ? withoutNulls(value) : value;
  }
  // A new person who gives an email without a status has signed up to it (OSDI/AN default "subscribed").
  if (!existing && email && !c.has('contact_email')) input.contact_email = true;
  const person = await findOrCreatePerson(tx, {
    ...input,
    first_name: (c.get('first_name') as string) ?? existing?.first_name,
    last_name: (c.get('last_name') as string) ?? existing?.last_name,
    email,
    phone,
    latitude: changes.latitude ?? null,
    longitude: changes.longitude ?? null,
  } as PersonInput);
  // Consent changes are explicit: a posted status or sms_capable applies to a matched person too.
  const flags: SQL[] = [];
  for (const flag of ['contact_email', 'contact_sms'] as const) {
    if (existing && c.has(flag)) flags.push(sql`${sql.identifier(flag)} = ${c.get(flag) as boolean}`);
  }
  if (flags.length > 0) {
    await tx.execute(sql`UPDATE voters.voters SET ${sql.join(flags, sql`, `)} WHERE voter_id = ${person.voter_id}`);
  }
  await addForeignIds(tx, person.voter_id, changes.foreignIds);
  return person;
}

/** POST /people: the same merge as the signup helper, without helper actions. */
export async function createPerson(db: Db, ctx: OsdiContext, body: unknown) {
  const changes = readPerson(body);
  const person = await db.transaction(async (tx) => {
    const saved = await mergePerson(tx, changes);
    await auditOsdi(tx, ctx, {
      action: saved.created ? 'osdi.person.create' : 'osdi.person.merge',
      resourceType: 'voter',
      resourceId: saved.voter_id,
    });
    return saved;
  });
  return { created: person.created, person: await getPerson(db, ctx, person.voter_id) };
}

export interface SignupBody extends HelperActions {
  person?: unknown;
}

/** The person signup helper: merge the person, apply the helper actions, log a "Signed Up" interaction. */
export async function signupPerson(db: Db, ctx: OsdiContext, body: SignupBody) {
  if (typeof body.person !== 'object' || body.person === null) {
    throw osdiInvalid('osdi:person_signup_helper', [
      { error_code: 'PERSON_REQUIRED', description: 'The signup needs a person object', properties: ['person'] },
    ]);
  }
  const changes = readPerson(body.person);
  const saved = await db.transaction(async (tx) => {
    const person = await mergePerson(tx, changes);
    await applyHelperActions(tx, person.voter_id, body, { anonymous: ctx.key === null });
    const interaction = await logInteraction(tx, {
      voter_id: person.voter_id,
      user_id: ctx.key?.user_id ?? null,
      interaction_type: 'OSDI Signup',
      outcome: 'Signed Up',
      source_module: 'interop',
    });
    await auditOsdi(tx, ctx, {
      action: 'osdi.person.signup',
      resourceType: 'voter',
      resourceId: person.voter_id,
      extra: { created: person.created, interaction_id: interaction.interaction_id },
    });
    return person;
  });
  // Without a key the helper answers a minimal body: a browser form learns nothing about who exists.
  if (ctx.key === null) return { created: saved.created, person: {} };
  return { created: saved.created, person: await getPerson(db, ctx, saved.voter_id) };
}

/** PUT /people/:id: only the fields sent change; null clears; custom_fields keys are merged. */
export async function updatePerson(db: Db, ctx: OsdiContext, id: number, body: unknown) {
  const changes = readPerson(body);
  if (changes.errors.length > 0) throw osdiInvalid('osdi:person', changes.errors);
  await db.transaction(async (tx) => {
    const sets: SQL[] = [sql`updated_at = now()`];
    for (const [column, value] of changes.columns) {
      const target = sql.identifier(column);
      if (column === 'custom_fields' && value !== null) {
        sets.push(
          sql`custom_fields = jsonb_strip_nulls(COALESCE(custom_fields, '{}'::jsonb) || ${JSON.stringify(value)}::jsonb)`,
        );
      } else {
        sets.push(sql`${target} = ${columnValue(column, value)}`);
      }
    }
    if (changes.latitude !== undefined)
      sets.push(sql`location = ${locationValue(changes.latitude, changes.longitude)}`);
    const updated = await one(
      tx,
      sql`UPDATE voters.voters SET ${sql.join(sets, sql`, `)}
          WHERE voter_id = ${id} AND merged_into_voter_id IS NULL RETURNING voter_id`,
    );
    if (!updated) throw osdiNotFound('osdi:person', id);
    await addForeignIds(tx, id, changes.foreignIds);
    await auditOsdi(tx, ctx, {
      action: 'osdi.person.update',
      resourceType: 'voter',
      resourceId: id,
      extra: { fields: [...changes.columns.keys()] },
    });
  });
  return getPerson(db, ctx, id);
}

export async function deletePerson(db: Db, ctx: OsdiContext, id: number) {
  await db.transaction(async (tx) => {
    const gone = await one(
      tx,
      sql`DELETE FROM voters.voters WHERE voter_id = ${id} AND merged_into_voter_id IS NULL RETURNING voter_id`,
    );
    if (!gone) throw osdiNotFound('osdi:person', id);
    await auditOsdi(tx, ctx, { action: 'osdi.person.delete', resourceType: 'voter', resourceId: id });
  });
  return { notice: 'This person was successfully deleted.' };
}
