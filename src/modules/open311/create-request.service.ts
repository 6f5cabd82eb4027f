// POST /requests: an Open311 client files a report. It is the same report staff work on (createReport), filed
// under the Open311 integration account; the submitter's contact details stay in open311_requests and link
// them to their person record (voters) when they gave an email or phone.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import type { AuditContext } from '../identity/audit.ts';
import { audit } from '../identity/audit.ts';
import { createReport } from '../reports/report-create.ts';
import { findOrCreatePerson, logInteraction, normalizeEmail, normalizePhone } from '../voters/index.ts';
import { open311BadRequest } from './open311-errors.ts';
import type { Open311Settings } from './open311-settings.ts';
import { parseAttributeFields, readDefinitions, validateAnswers } from './service-attributes.ts';
import { findService, serviceNotice } from './services.service.ts';

export const integrationUsername = 'open311';

export interface CreateRequestBody {
  jurisdiction_id?: string;
  service_code?: string;
  lat?: string | number;
  long?: string | number;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  [attribute: string]: unknown;
}

export type CreateRequestAnswer =
  | { service_request_id: string; service_notice: string | null; account_id: string | null }
  | { token: string };

const given = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function coordinate(raw: unknown, name: 'lat' | 'long', limit: number, errors: string[]): number | null {
  const text = typeof raw === 'number' ? String(raw) : given(raw);
  if (text === null) return null;
  const n = Number(text);
  if (!/^-?\d{1,3}(\.\d{1,15})?$/.test(text) || !Number.isFinite(n) || Math.abs(n) > limit) {
    errors.push(`${name} must be a number between -${limit} and ${limit}`);
    return null;
  }
  return n;
}

/** The account reports filed through Open311 belong to (created on first use; it cannot sign in). */
export async function integrationUserId(tx: Db): Promise<number> {
  const row = await one<{ id: number }>(
    tx,
    sql`INSERT INTO identity.users (username, full_name, role, account_created_via)
        VALUES (${integrationUsername}, 'Open311 submissions', 'citizen', 'password')
        ON CONFLICT (username) DO UPDATE SET username = EXCLUDED.username
        RETURNING id`,
  );
  return row!.id;
}

/** Checks the whole request first, so a client learns every problem at once. */
function checkFields(body: CreateRequestBody) {
  const errors: string[] = [];
  const lat = coordinate(body.lat, 'lat', 90, errors);
  const long = coordinate(body.long, 'long', 180, errors);
  if ((lat === null) !== (long === null) && errors.length === 0) errors.push('lat and long must be given together');
  const address = given(body.address_string);
  const addressId = given(body.address_id);
  if (lat === null && long === null && !address && !addressId && errors.length === 0) {
    errors.push('A location is required: lat and long, address_string or address_id');
  }
  const emailText = given(body.email);
  const email = emailText ? normalizeEmail(emailText) : null;
  if (emailText && !email) errors.push('email is not a valid email address');
  const phoneText = given(body.phone);
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phoneText && !phone) errors.push('phone is not a valid phone number');
  const mediaUrl = given(body.media_url);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) errors.push('media_url must be an http(s) URL');
  const description = typeof body.description === 'string' ? body.description.trim() : '';
  if (description.length > 4000) errors.push('description is longer than 4000 characters');
  return { errors, lat, long, address, addressId, email, phone, mediaUrl, description };
}

export async function createRequest(
  db: Db,
  input: { body: CreateRequestBody; apiKeyId: number; settings: Open311Settings; context: AuditContext },
): Promise<CreateRequestAnswer> {
  const { body } = input;
  const code = given(body.service_code);
  if (!code) throw open311BadRequest('service_code is required');
  const service = await findService(db, code);
  const fields = checkFields(body);
  const parsed = parseAttributeFields(body);
  const checked = validateAnswers(readDefinitions(service.attributes), parsed.answers);
  const errors = [...fields.errors, ...parsed.errors, ...checked.errors];
  if (errors.length > 0) throw open311BadRequest(...errors);

  const approximate = fields.lat === null;
  return db.transaction(async (tx) => {
    const userId = await integrationUserId(tx);
    const title = `${service.name}${fields.address ? ` at ${fields.address}` : ''}`.slice(0, 255);
    const { report } = await createReport(tx, { context: input.context }, null, {
      title,
      description: fields.description,
      latitude: fields.lat ?? input.settings.default_latitude,
      longitude: fields.long ?? input.settings.default_longitude,
      category: service.code,
      address: fields.address?.slice(0, 500) ?? null,
      is_public: true,
      user_id: userId,
    });
    if (approximate) {
      // No coordinates were sent: staff must place it before anyone relies on the pin.
      await tx.execute(sql`UPDATE reports.reports SET needs_review = true WHERE id = ${report.id}`);
    }
    const voterId = await linkPerson(tx, body, fields, report.id, report.report_number!);
    await tx.execute(sql`
      INSERT INTO reports.open311_requests (report_id, api_key_id, service_code, jurisdiction_id, attributes,
        address_string, address_id, approximate_location, email, phone, first_name, last_name, device_id, account_id,
        media_url, voter_id)
      VALUES (${report.id}, ${input.apiKeyId}, ${service.code}, ${given(body.jurisdiction_id)?.slice(0, 100) ?? null},
        ${JSON.stringify(checked.answers)}::jsonb, ${fields.address?.slice(0, 500) ?? null},
        ${fields.addressId?.slice(0, 100) ?? null}, ${approximate}, ${fields.email}, ${fields.phone},
        ${given(body.first_name)?.slice(0, 100) ?? null}, ${given(body.last_name)?.slice(0, 100) ?? null},
        ${given(body.device_id)?.slice(0, 255) ?? null}, ${given(body.account_id)?.slice(0, 255) ?? null},
        ${fields.mediaUrl}, ${voterId})`);
    await audit(tx, input.context, {
      action: 'open311_request_created',
      description: `Open311 request ${report.report_number} filed with API key ${input.apiKeyId}`,
      resourceType: 'report',
      resourceId: report.id,
      userId,
      extra: { api_key_id: input.apiKeyId, service_code: service.code },
    });
    if (service.service_type === 'batch') {
      const token = randomBytes(18).toString('base64url');
      await tx.execute(sql`INSERT INTO reports.open311_tokens (token, report_id) VALUES (${token}, ${report.id})`);
      return { token };
    }
    return {
      service_request_id: report.report_number!,
      service_notice: serviceNotice(service),
      account_id: given(body.account_id)?.slice(0, 255) ?? null,
    };
  });
}

/** The submitter's person record (found or created by email, then phone) with "Filed Report" on their timeline. */
async function linkPerson(
  tx: Db,
  body: CreateRequestBody,
  fields: { email: string | null; phone: string | null; lat: number | null; long: number | null },
  reportId: number,
  reportNumber: string,
): Promise<number | null> {
  if (!fields.email && !fields.phone) return null;
  const person = await findOrCreatePerson(tx, {
    first_name: given(body.first_name)?.slice(0, 100) ?? '',
    last_name: given(body.last_name)?.slice(0, 100) ?? '',
    email: fields.email,
    phone: fields.phone,
  });
  await logInteraction(tx, {
    voter_id: person.voter_id,
    interaction_type: 'Filed Report',
    notes: `Civic issue report ${reportNumber} (Open311)`,
    source_module: 'interop',
    source_ref: String(reportId),
  });
  return person.voter_id;
}
