// At boot against PostgreSQL: check the server version and the extensions Caucus needs, and say how to fix what is missing.
import type { Database } from './client.ts';

export const requiredExtensions = ['postgis', 'pg_trgm', 'fuzzystrmatch', 'citext', 'btree_gist', 'pgcrypto'];

export class PreflightError extends Error {}

export async function preflight(database: Database): Promise<void> {
  if (database.engine !== 'postgres') return;
  const { rows } = await database.query<{ num: number; version: string }>(
    "SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version",
  );
  const { num, version } = rows[0];
  const major = Math.floor(num / 10000);
  if (num < 150000) {
    throw new PreflightError(`PostgreSQL ${version} is too old: Caucus needs PostgreSQL 15 or newer.`);
  }
  const available = new Set(
    (await database.query<{ name: string }>('SELECT name FROM pg_available_extensions')).rows.map((r) => r.name),
  );
  const missing = requiredExtensions.filter((e) => !available.has(e));
  if (missing.length > 0) {
    const packages = [
      missing.includes('postgis') ? `postgresql-${major}-postgis-3` : null,
      missing.some((m) => m !== 'postgis') ? `postgresql-contrib` : null,
    ].filter(Boolean);
    throw new PreflightError(
      `PostgreSQL ${version} is missing the extension(s) ${missing.join(', ')}. ` +
        `On Debian/Ubuntu install them with: apt-get install ${packages.join(' ')} ` +
        '(other systems: install PostGIS 3 and the contrib modules for your server), then start Caucus again.',
    );
  }
}
