// The database client: PostgreSQL (node-postgres pool) when DATABASE_URL is set, embedded PGlite otherwise.
// Both are wrapped in Drizzle, so services see one `Db` type and write SQL with drizzle's `sql` tag.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { trimmedPostgis } from './postgis-bundle.ts';

/** A database handle or an open transaction: every service function takes one of these. */
export type Db = PgDatabase<any, any>;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  engine: Engine;
  db: Db;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /** Runs one parameterized statement on the raw driver (used by pg-boss and COPY paths). */
  query<T = any>(text: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  close(): Promise<void>;
  pool?: pg.Pool;
  pglite?: PGlite;
}

// Same JS types on both engines: int8 and numeric counts as numbers, DATE as 'YYYY-MM-DD' strings.
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
const pgliteParsers = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };

export const pgliteExtensions = { postgis: trimmedPostgis, pg_trgm, fuzzystrmatch, citext, btree_gist, pgcrypto };

export interface PgliteOpenOptions {
  dataDir?: string;
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOpenOptions): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: pgliteExtensions,
    parsers: pgliteParsers,
  });
  return {
    engine: 'pglite',
    db: drizzlePglite({ client: pglite }) as unknown as Db,
    pglite,
    async exec(script) {
      await pglite.exec(script);
    },
    async query(text, params) {
      if (!params || params.length === 0) {
        // pg-boss sends multi-statement scripts without parameters: those need the simple protocol.
        const results = await pglite.exec(text);
        const last = results[results.length - 1];
        return { rows: (last?.rows ?? []) as any[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
      }
      const r = await pglite.query(text, params as any[]);
      return { rows: r.rows as any[], rowCount: r.affectedRows ?? r.rows.length };
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  // No JIT: segment counts over a million voters pass the planner's JIT cost threshold, and compiling their
  // expressions cost 15-90 ms a query while saving nothing (npm run bench:segments); the import's normalizing
  // statement was ~1 s a million rows slower with it. A URL's own options=-c jit=on still wins.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  return {
    engine: 'postgres',
    db: drizzleNodePg({ client: pool }) as unknown as Db,
    pool,
    async exec(script) {
      await pool.query(script);
    },
    async query(text, params) {
      const r = await pool.query(text, params as any[]);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite({ dataDir: path.join(config.dataDir, 'pgdata') });
}

/** Rows of a query written with drizzle's `sql` tag. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: any = await db.execute(query);
  return (result.rows ?? result) as T[];
}

/** The first row, or undefined. */
export async function one<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}
