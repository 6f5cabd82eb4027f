// The same migrations must build the same database on embedded PGlite (PostgreSQL 18) and on PostgreSQL 15+:
// schemas, tables, columns, constraints, indexes, triggers, functions and types of every schema we own.
// With TEST_DATABASE_URL set the catalogue of a freshly migrated PostgreSQL database is compared with PGlite's;
// without it, two fresh PGlite migrations are compared with each other (the catalogue must be non-empty and stable),
// so the test never skips.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { listMigrations, migrate } from '../src/db/migrate.ts';

// Schemas that are not ours: the system's, and pg-boss's (it builds its own tables at run time).
const SCHEMA_FILTER = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pgboss')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
// Objects that belong to an extension (PostGIS's spatial_ref_sys, its functions and types) are the extension's.
const notExtension = (classid: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/**
 * What legitimately differs between PG15 and PG18 output, and nothing else:
 * - runs of whitespace in deparsed expressions (view and default formatting);
 * - PG18 records NOT NULL as pg_constraint rows (contype 'n', named <table>_<column>_not_null); PG15 keeps it only in
 *   pg_attribute.attnotnull. Those rows are left out below; nullability is compared through the columns.
 */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

type Catalogue = Record<string, string[]>;

async function catalogue(database: Database): Promise<Catalogue> {
  const q = async (text: string) =>
    (await database.query<Record<string, unknown>>(text)).rows
      .map((r) =>
        normalise(
          Object.values(r)
            .map((v) => (v === null ? '∅' : String(v)))
            .join(' | '),
        ),
      )
      .sort();
  return {
    schemas: await q(`SELECT n.nspname FROM pg_namespace n WHERE ${SCHEMA_FILTER}`),
    relations: await q(`
      SELECT n.nspname, c.relname, c.relkind, c.relpersistence
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${SCHEMA_FILTER} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${notExtension('pg_class', 'c.oid')}`),
    columns: await q(`
      SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid) AS default_value, a.attidentity, a.attgenerated,
             coll.collname
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      LEFT JOIN pg_collation coll ON coll.oid = a.attcollation AND a.attcollation <> 0 AND coll.collname <> 'default'
      WHERE ${SCHEMA_FILTER} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        AND ${notExtension('pg_class', 'c.oid')}`),
    constraints: await q(`
      SELECT n.nspname, coalesce(c.relname, t.typname) AS owner, con.conname, con.contype,
             pg_get_constraintdef(con.oid) AS definition, con.condeferrable, con.condeferred
      FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
      LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid
      WHERE ${SCHEMA_FILTER} AND con.contype <> 'n' AND ${notExtension('pg_constraint', 'con.oid')}
        AND (c.oid IS NULL OR ${notExtension('pg_class', 'c.oid')})`),
    indexes: await q(`
      SELECT n.nspname, i.relname, pg_get_indexdef(i.oid) AS definition
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = i.relnamespace
      WHERE ${SCHEMA_FILTER} AND ${notExtension('pg_class', 'c.oid')}`),
    triggers: await q(`
      SELECT n.nspname, c.relname, tg.tgname, tg.tgenabled, pg_get_triggerdef(tg.oid) AS definition
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${SCHEMA_FILTER} AND NOT tg.tgisinternal AND ${notExtension('pg_class', 'c.oid')}`),
    functions: await q(`
      SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) AS args,
             pg_get_function_result(p.oid) AS result, l.lanname, p.provolatile, md5(p.prosrc) AS body
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
      WHERE ${SCHEMA_FILTER} AND ${notExtension('pg_proc', 'p.oid')}`),
    types: await q(`
      SELECT n.nspname, t.typname, t.typtype,
             (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${SCHEMA_FILTER} AND t.typtype IN ('e', 'd', 'r') AND ${notExtension('pg_type', 't.oid')}`),
    views: await q(`
      SELECT n.nspname, c.relname, pg_get_viewdef(c.oid) AS definition
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${SCHEMA_FILTER} AND c.relkind IN ('v', 'm') AND ${notExtension('pg_class', 'c.oid')}`),
    migrations: await q('SELECT name, checksum FROM core.schema_migrations'),
  };
}

async function freshPglite(): Promise<Catalogue> {
  const database = await openPglite({});
  try {
    await migrate(database);
    const first = await catalogue(database);
    // Migrating an up-to-date database applies nothing and changes nothing.
    expect(await migrate(database)).toEqual([]);
    expect(await catalogue(database)).toEqual(first);
    return first;
  } finally {
    await database.close();
  }
}

async function freshPostgres(url: string): Promise<Catalogue> {
  const name = `caucus_parity_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(url, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), 2);
  try {
    await migrate(database);
    return await catalogue(database);
  } finally {
    await database.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

describe('engine parity', () => {
  it('PGlite and PostgreSQL (when TEST_DATABASE_URL is set) build the same catalogue', {
    timeout: 300_000,
  }, async () => {
    const pglite = await freshPglite();
    // Something to compare: every migration applied, our schemas and their objects present.
    expect(pglite.migrations).toHaveLength(listMigrations().length);
    expect(pglite.schemas).toEqual(expect.arrayContaining(['core', 'identity', 'mail']));
    for (const part of ['relations', 'columns', 'constraints', 'indexes', 'triggers', 'functions'] as const) {
      expect(pglite[part].length, part).toBeGreaterThan(0);
    }
    expect(pglite.triggers.some((t) => t.includes('audit_logs_no_truncate'))).toBe(true);

    const url = process.env.TEST_DATABASE_URL;
    const other = url ? await freshPostgres(url) : await freshPglite();
    for (const part of Object.keys(pglite)) {
      expect(other[part], `${url ? 'PostgreSQL vs PGlite' : 'second PGlite migration'}: ${part}`).toEqual(pglite[part]);
    }
  });
});
