// Killing the import at any point and running it again finishes with exactly the right rows: the CLI runs in a
// child process with a small batch size, is killed (SIGKILL) once batches have committed, and is run again.
// On PostgreSQL the child uses this test's database; on PGlite, a data directory made from the test template.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openTestDatabase, testEngine } from '../../../../test/database.ts';
import { type Database, one, openPglite } from '../../../db/client.ts';
import { ncPrefix } from './test/nc-sample.ts';

const rowsInFile = 3000;
const batchSize = 200;
let env: Record<string, string>;
let dataDir: string;
let database: Database | null = null;
let file: string;

async function openTarget(): Promise<Database> {
  return testEngine() === 'postgres' ? database! : openPglite({ dataDir: path.join(dataDir, 'pgdata') });
}

beforeAll(async () => {
  file = await ncPrefix(rowsInFile);
  dataDir = fs.mkdtempSync(path.resolve('.tmp/resume-'));
  env = { ...process.env, CAUCUS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' } as Record<string, string>;
  if (testEngine() === 'postgres') {
    database = await openTestDatabase();
    env.DATABASE_URL = (database.pool as any).options.connectionString;
  } else {
    const db = await openPglite({
      dataDir: path.join(dataDir, 'pgdata'),
      loadDataDir: new Blob([fs.readFileSync(inject('template'))]),
    });
    await db.close();
  }
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `caucus import voters` and resolves with its output; killAfter kills it after that many merged batches. */
function cli(args: string[], killAfter?: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/caucus.mjs', 'import', 'voters', file, ...args], { env });
    let out = '';
    let batches = 0;
    child.stdout.on('data', (d) => {
      out += d;
      batches = (out.match(/^merging .*merged_to_line=[1-9]/gm) ?? []).length;
      if (killAfter !== undefined && batches >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('an import killed half way', () => {
  it('resumes after the last committed batch and ends with exactly the right rows', { timeout: 300_000 }, async () => {
    const killed = await cli(['--batch-size', String(batchSize), '--progress', 'lines', '--no-scan'], 3);
    expect(killed.code, killed.out).not.toBe(0);
    expect(killed.out).toMatch(/Starting import 1/);

    if (testEngine() === 'postgres') {
      const mid = await one<any>(database!.db, sql`SELECT state, last_merged_line, inserted FROM voters.imports`);
      expect(mid.state).toBe('merging');
      expect(mid.last_merged_line).toBeGreaterThan(0);
      expect(mid.last_merged_line).toBeLessThan(rowsInFile);
      // Many batches into an empty table: a bulk load, killed while the secondary indexes are deferred.
      const deferred = await one<{ n: number }>(
        database!.db,
        sql`SELECT count(*)::int AS n FROM voters.import_deferred_indexes`,
      );
      expect(deferred!.n).toBeGreaterThan(0);
    }

    const resumed = await cli(['--batch-size', String(batchSize), '--progress', 'lines', '--no-scan']);
    expect(resumed.code, resumed.out).toBe(0);
    expect(resumed.out).toMatch(/Resuming import 1/);

    const db = await openTarget();
    try {
      const imp = await one<any>(db.db, sql`SELECT * FROM voters.imports WHERE import_id = 1`);
      expect(imp.state).toBe('done');
      expect(imp.rows_read).toBe(rowsInFile);
      expect(imp.inserted + imp.updated + imp.unchanged + imp.rejected).toBe(rowsInFile);
      const voters = await one<{ n: number; ids: number }>(
        db.db,
        sql`SELECT count(*)::int AS n, count(DISTINCT voter_registration_id)::int AS ids FROM voters.voters`,
      );
      expect(voters).toEqual({ n: imp.inserted, ids: imp.inserted });
      expect(imp.inserted).toBe(rowsInFile - imp.rejected);
      const issues = await one<{ n: number }>(
        db.db,
        sql`SELECT count(*)::int AS n FROM voters.import_issues WHERE severity = 'rejected'`,
      );
      expect(issues!.n).toBe(imp.rejected);
      const dupIssues = await one<{ n: number }>(
        db.db,
        sql`SELECT count(*)::int AS n FROM (SELECT line_no, reason FROM voters.import_issues
              GROUP BY line_no, reason HAVING count(*) > 1) d`,
      );
      expect(dupIssues!.n).toBe(0);
      // errors.csv pages by issue id: batches (of batchSize lines, from line 1) record their issues in line order,
      // also when two run at once (PostgreSQL).
      const outOfOrder = await one<{ n: number }>(
        db.db,
        sql`SELECT count(*)::int AS n FROM (SELECT (line_no - 1) / ${batchSize} AS batch,
              lag((line_no - 1) / ${batchSize}) OVER (ORDER BY issue_id) AS previous FROM voters.import_issues) i
            WHERE batch < previous`,
      );
      expect(outOfOrder!.n).toBe(0);
      // The deferred indexes of the bulk load are all built again.
      const indexes = await one<{ deferred: number; trgm: string | null; block: string | null }>(
        db.db,
        sql`SELECT (SELECT count(*)::int FROM voters.import_deferred_indexes) AS deferred,
              to_regclass('voters.idx_voters_full_name_trgm')::text AS trgm,
              to_regclass('voters.idx_voters_block_zip_last')::text AS block`,
      );
      expect(indexes).toEqual({
        deferred: 0,
        trgm: 'voters.idx_voters_full_name_trgm',
        block: 'voters.idx_voters_block_zip_last',
      });
    } finally {
      if (testEngine() !== 'postgres') await db.close();
    }
  });
});
