// Open311 settings an admin may change (identity.settings key "open311"), with defaults that work out of the box.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';

export interface Open311Settings {
  contact: string;
  key_service: string;
  endpoint_type: 'production' | 'test';
  /** Where a request with only an address is placed until staff fix it (no geocoder is configured). */
  default_latitude: number;
  default_longitude: number;
}

export function defaultSettings(publicUrl: string): Open311Settings {
  return {
    contact: `Ask the site administrators at ${publicUrl} for assistance`,
    key_service: `An administrator issues api_keys (scope open311) at ${publicUrl}/admin/api-keys`,
    endpoint_type: 'production',
    // Ranchi: the original CiviLens deployment (report numbers default to city RNC, state Jharkhand).
    default_latitude: 23.3441,
    default_longitude: 85.3096,
  };
}

export async function loadSettings(db: Db, publicUrl: string): Promise<Open311Settings> {
  const defaults = defaultSettings(publicUrl);
  const row = await one<{ value: Record<string, unknown> }>(
    db,
    sql`SELECT value FROM identity.settings WHERE key = 'open311'`,
  );
  const v = row?.value ?? {};
  const text = (x: unknown, d: string) => (typeof x === 'string' && x.trim() ? x.trim().slice(0, 500) : d);
  const num = (x: unknown, d: number, limit: number) =>
    typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= limit ? x : d;
  return {
    contact: text(v.contact, defaults.contact),
    key_service: text(v.key_service, defaults.key_service),
    endpoint_type: v.endpoint_type === 'test' ? 'test' : 'production',
    default_latitude: num(v.default_latitude, defaults.default_latitude, 90),
    default_longitude: num(v.default_longitude, defaults.default_longitude, 180),
  };
}
