// The postal address, birthdate and custom fields of an OSDI Person body as voter column changes (see
// person-input.ts for the rules: undefined = not sent, null = clear, the primary array member is taken).
import type { VoterWritableColumn } from '../voters/voters.queries.ts';
import type { PersonChanges } from './person-input.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The primary member of an OSDI array, else the first object in it. */
export function primaryOf(list: unknown[]): { item: Json; index: number } | undefined {
  const objects = list.map((item, index) => ({ item, index })).filter((e) => isObject(e.item)) as {
    item: Json;
    index: number;
  }[];
  return objects.find((e) => e.item.primary === true) ?? objects[0];
}

export function addresses(changes: PersonChanges, value: unknown) {
  if (value === undefined) return;
  const columns = ['street_address', 'city', 'state', 'zip_code'] as const;
  if (value === null) {
    for (const c of columns) changes.columns.set(c, null);
    changes.latitude = null;
    changes.longitude = null;
    return;
  }
  if (!Array.isArray(value)) {
    changes.errors.push({
      error_code: 'INVALID_VALUE',
      description: 'postal_addresses must be an array',
      properties: ['postal_addresses'],
    });
    return;
  }
  const chosen = primaryOf(value);
  if (!chosen) return;
  const a = chosen.item;
  const p = `postal_addresses[${chosen.index}]`;
  const lines = Array.isArray(a.address_lines) ? a.address_lines.filter((l) => typeof l === 'string' && l.trim()) : [];
  const fields: Array<[VoterWritableColumn, unknown, number, string]> = [
    [
      'street_address',
      lines.length > 0 ? lines.map((l) => String(l).trim()).join(', ') : undefined,
      255,
      'address_lines',
    ],
    ['city', a.locality, 100, 'locality'],
    ['state', a.region, 50, 'region'],
    ['zip_code', a.postal_code, 20, 'postal_code'],
  ];
  for (const [column, v, max, name] of fields) {
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || v.length > max) {
      changes.errors.push({
        error_code: 'INVALID_VALUE',
        description: `${name} is too long or not a string`,
        properties: [`${p}.${name}`],
      });
      continue;
    }
    changes.columns.set(column, v.trim());
  }
  const loc = a.location;
  if (isObject(loc) && typeof loc.latitude === 'number' && typeof loc.longitude === 'number') {
    if (Math.abs(loc.latitude) <= 90 && Math.abs(loc.longitude) <= 180) {
      changes.latitude = loc.latitude;
      changes.longitude = loc.longitude;
    } else {
      changes.errors.push({
        error_code: 'INVALID_VALUE',
        description: 'location is out of range',
        properties: [`${p}.location`],
      });
    }
  }
}

export function birth(changes: PersonChanges, value: unknown) {
  if (value === undefined) return;
  if (value === null) {
    changes.columns.set('date_of_birth', null);
    changes.columns.set('birth_year', null);
    return;
  }
  const b = isObject(value) ? value : {};
  const [year, month, day] = [b.year, b.month, b.day].map((v) =>
    typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
  );
  const ok = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  if (!ok(year, 1800, 2200) || (month !== undefined && !ok(month, 1, 12)) || (day !== undefined && !ok(day, 1, 31))) {
    changes.errors.push({
      error_code: 'BIRTHDATE_INVALID',
      description: 'birthdate needs a year (and may have month and day)',
      properties: ['birthdate'],
    });
    return;
  }
  changes.columns.set('birth_year', year);
  if (month !== undefined && day !== undefined) {
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (d.getUTCMonth() + 1 !== month) {
      changes.errors.push({
        error_code: 'BIRTHDATE_INVALID',
        description: `${iso} is not a date`,
        properties: ['birthdate'],
      });
      return;
    }
    changes.columns.set('date_of_birth', iso);
  }
}

export function customFields(changes: PersonChanges, value: unknown) {
  if (value === undefined) return;
  if (value === null) {
    changes.columns.set('custom_fields', null);
    return;
  }
  if (!isObject(value) || Object.keys(value).length > 100) {
    changes.errors.push({
      error_code: 'INVALID_VALUE',
      description: 'custom_fields must be an object of at most 100 keys',
      properties: ['custom_fields'],
    });
    return;
  }
  const out: Record<string, string | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.length > 100) continue;
    if (v === null) out[key] = null;
    else if (['string', 'number', 'boolean'].includes(typeof v) && String(v).length <= 2000) out[key] = String(v);
    else
      changes.errors.push({
        error_code: 'INVALID_VALUE',
        description: `custom_fields.${key} must be a string`,
        properties: [`custom_fields.${key}`],
      });
  }
  changes.columns.set('custom_fields', out);
}
