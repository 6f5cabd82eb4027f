// An OSDI Person body as changes to a voter row. Undefined = not sent (left alone); null = clear (OSDI: "send
// null to clear a field/array"). Of each array the primary member (else the first usable one) is taken, because a
// voter row holds one email, one phone and one postal address. Problems are collected as OSDI error descriptions.
import { normalizeEmail, normalizePhone } from '../voters/person-match.ts';
import type { VoterWritableColumn } from '../voters/voters.queries.ts';
import type { ErrorDescription } from './osdi-errors.ts';
import { addresses, birth, customFields, primaryOf } from './person-details-input.ts';

export interface PersonChanges {
  columns: Map<VoterWritableColumn, unknown>;
  latitude?: number | null;
  longitude?: number | null;
  foreignIds: string[];
  errors: ErrorDescription[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Foreign identifiers `system:id` (ours are skipped: they are never stored). */
export function foreignIdentifiers(value: unknown, errors: ErrorDescription[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push({
      error_code: 'IDENTIFIERS_INVALID',
      description: 'identifiers must be an array of strings',
      properties: ['identifiers'],
    });
    return [];
  }
  const out: string[] = [];
  value.forEach((id, i) => {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_.-]{1,100}:[^\s]{1,255}$/.test(id)) {
      errors.push({
        error_code: 'IDENTIFIER_INVALID',
        description: `identifiers[${i}] is not of the form "system:id"`,
        properties: [`identifiers[${i}]`],
        hint: '^[A-Za-z0-9_.-]+:\\S+$',
      });
    } else if (!id.startsWith('caucus:') && !out.includes(id)) {
      out.push(id);
    }
  });
  return out;
}

function text(
  changes: PersonChanges,
  body: Json,
  property: string,
  column: VoterWritableColumn,
  max: number,
  required = false,
) {
  if (!(property in body)) return;
  const value = body[property];
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) {
      changes.errors.push({
        error_code: 'REQUIRED',
        description: `${property} may not be empty`,
        properties: [property],
      });
    } else {
      changes.columns.set(column, null);
    }
    return;
  }
  if (typeof value !== 'string' || value.length > max) {
    changes.errors.push({
      error_code: 'INVALID_VALUE',
      description: `${property} must be a string of at most ${max} characters`,
      properties: [property],
    });
    return;
  }
  changes.columns.set(column, value.trim());
}

function emails(changes: PersonChanges, value: unknown) {
  if (value === undefined) return;
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    if (value === null) changes.columns.set('email_address', null);
    return;
  }
  if (!Array.isArray(value)) {
    changes.errors.push({
      error_code: 'INVALID_VALUE',
      description: 'email_addresses must be an array',
      properties: ['email_addresses'],
    });
    return;
  }
  const chosen = primaryOf(value);
  if (!chosen) return;
  const property = `email_addresses[${chosen.index}]`;
  const email = normalizeEmail(typeof chosen.item.address === 'string' ? chosen.item.address : null);
  if (!email) {
    changes.errors.push({
      error_code: 'EMAIL_INVALID',
      description: `${JSON.stringify(chosen.item.address ?? null)} is not an email address`,
      properties: [`${property}.address`],
    });
    return;
  }
  changes.columns.set('email_address', email);
  const status = chosen.item.status;
  if (status === undefined || status === null) return;
  if (status === 'subscribed') changes.columns.set('contact_email', true);
  else if (['unsubscribed', 'bouncing', 'spam complaints'].includes(String(status))) {
    changes.columns.set('contact_email', false);
  } else {
    changes.errors.push({
      error_code: 'INVALID_VALUE',
      description: 'status must be subscribed, unsubscribed, bouncing or spam complaints',
      properties: [`${property}.status`],
    });
  }
}

/** OSDI numbers are digits with the country code ("19876543210", sometimes sent as a JSON number). */
export function osdiPhone(number: unknown): string | null {
  if (typeof number === 'number' && Number.isSafeInteger(number) && number > 0) return osdiPhone(String(number));
  if (typeof number !== 'string' || number.length > 40) return null;
  const digits = number.replace(/[\s().-]/g, '');
  if (/^\d{11,15}$/.test(digits)) return normalizePhone(`+${digits}`);
  return normalizePhone(number);
}

function phones(changes: PersonChanges, value: unknown) {
  if (value === undefined) return;
  if (value === null) {
    changes.columns.set('phone_number', null);
    return;
  }
  if (!Array.isArray(value)) {
    changes.errors.push({
      error_code: 'INVALID_VALUE',
      description: 'phone_numbers must be an array',
      properties: ['phone_numbers'],
    });
    return;
  }
  const chosen = primaryOf(value);
  if (!chosen) return;
  const phone = osdiPhone(chosen.item.number);
  if (!phone) {
    changes.errors.push({
      error_code: 'PHONE_INVALID',
      description: `${JSON.stringify(chosen.item.number ?? null)} is not a phone number`,
      properties: [`phone_numbers[${chosen.index}].number`],
    });
    return;
  }
  changes.columns.set('phone_number', phone);
  if (typeof chosen.item.sms_capable === 'boolean') changes.columns.set('contact_sms', chosen.item.sms_capable);
}

/** Reads an OSDI Person body; unknown properties are ignored (OSDI: vendors add their own). */
export function readPerson(body: unknown): PersonChanges {
  const changes: PersonChanges = { columns: new Map(), foreignIds: [], errors: [] };
  if (!isObject(body)) {
    changes.errors.push({
      error_code: 'INVALID_PERSON',
      description: 'The person must be a JSON object',
      properties: ['person'],
    });
    return changes;
  }
  text(changes, body, 'given_name', 'first_name', 100, true);
  text(changes, body, 'family_name', 'last_name', 100, true);
  text(changes, body, 'additional_name', 'middle_name', 100);
  text(changes, body, 'gender', 'gender', 50);
  text(changes, body, 'party_identification', 'party_affiliation', 100);
  text(changes, body, 'employer', 'employer', 255);
  text(changes, body, 'occupation', 'occupation', 255);
  emails(changes, body.email_addresses);
  phones(changes, body.phone_numbers);
  addresses(changes, body.postal_addresses);
  birth(changes, body.birthdate);
  customFields(changes, body.custom_fields);
  changes.foreignIds = foreignIdentifiers(body.identifiers, changes.errors);
  return changes;
}
