// npm run bench:import [-- --rows 1000000 --engine postgres|pglite --seed N --batch-size N --no-scan --data-dir DIR]
// Generates an NC-layout voter file, imports it into a throwaway database, and reports rows/s, peak memory
// (process RSS, sampled every 50 ms) and the ratio of the whole import to a bare COPY of the same file into an
// unindexed staging table, measured in the same run. PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (a database
// named caucus_bench_<pid> is created and dropped). PGlite: in memory (its heap and its files count in the RSS),
// or in --data-dir DIR (emptied first) as `caucus` runs it. The RSS of the open, migrated, still empty database is
// reported too: PGlite's WASM heap alone is most of the peak.
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { from as copyFrom } from 'pg-copy-streams';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { scanDuplicates } from '../src/modules/voters/duplicates/scan.service.ts';
import { createImport, runImport } from '../src/modules/voters/import/import.service.ts';
import { writeNcFile } from './nc-generator.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engine: { type: 'string', default: 'postgres' },
    seed: { type: 'string', default: '20261122' },
    'batch-size': { type: 'string', default: '50000' },
    'no-scan': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const rows = Number(values.rows);
const engine = values.engine as 'postgres' | 'pglite';

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
/** Also sampled after each progress report: PGlite runs on this thread, so the timer cannot fire mid-statement. */
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : undefined;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    const database = await openPglite({ dataDir });
    return {
      database,
      drop: async () => {
        await database.close();
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url =
    process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `caucus_bench_${process.pid}`;
  const admin = await openPostgres(url, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), 5);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/** The baseline: the file's bytes (header line skipped) straight into COPY, into an unindexed table. */
async function bareCopy(database: Database, file: string): Promise<number> {
  const table = 'public.bench_bare_copy';
  await database.exec(
    `DROP TABLE IF EXISTS ${table}; CREATE UNLOGGED TABLE ${table} (${Array.from({ length: 71 }, (_, i) => `c${i + 1} text`).join(', ')})`,
  );
  const started = performance.now();
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let skipped = false;
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query("SET client_encoding = 'LATIN1'");
      const copy = client.query(copyFrom(`COPY ${table} FROM STDIN`));
      for await (const chunk of input) {
        let buf = chunk as Buffer;
        if (!skipped) {
          buf = buf.subarray(buf.indexOf(10) + 1);
          skipped = true;
        }
        if (!copy.write(buf)) await once(copy, 'drain');
      }
      copy.end();
      await once(copy, 'finish');
      await client.query("SET client_encoding = 'UTF8'");
    } finally {
      client.release();
    }
  } else {
    let carry = '';
    let lines: string[] = [];
    for await (const chunk of input) {
      const parts = (carry + (chunk as Buffer).toString('latin1')).split('\n');
      carry = parts.pop()!;
      if (!skipped) {
        parts.shift();
        skipped = true;
      }
      for (const p of parts) lines.push(`${p}\n`);
      if (lines.length >= 20_000) {
        await database.pglite!.query(`COPY ${table} FROM '/dev/blob'`, [], { blob: new Blob(lines) });
        lines = [];
      }
    }
    if (lines.length) await database.pglite!.query(`COPY ${table} FROM '/dev/blob'`, [], { blob: new Blob(lines) });
  }
  const ms = performance.now() - started;
  const n = (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  if (n !== rows) throw new Error(`bare COPY loaded ${n} rows, expected ${rows}`);
  await database.exec(`DROP TABLE ${table}`);
  return ms;
}

async function main() {
  const dir = path.resolve('.tmp/bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ncvoter-${rows}-${values.seed}.txt`);
  if (!fs.existsSync(file)) {
    const t = performance.now();
    await writeNcFile(file, rows, Number(values.seed));
    process.stdout.write(`generated ${file} (${mb(fs.statSync(file).size)}) in ${secs(performance.now() - t)}\n`);
  }
  const { database, drop } = await openBenchDatabase();
  try {
    await migrate(database);
    const idleRss = process.memoryUsage().rss;
    const copyMs = await bareCopy(database, file);
    process.stdout.write(`bare COPY: ${secs(copyMs)} (${Math.round(rows / (copyMs / 1000))} rows/s)\n`);
    const startRss = process.memoryUsage().rss;
    peakRss = startRss;
    const phases: Record<string, number> = {};
    let phase = 'queued';
    let mark = performance.now();
    const started = mark;
    const { import: imp } = await createImport(database.db, {
      filePath: file,
      fileName: path.basename(file),
      layout: 'nc',
      batchSize: Number(values['batch-size']),
    });
    const done = await runImport(database, imp.import_id, {
      onProgress: (p) => {
        sampleRss();
        if (p.state !== phase) {
          const now = performance.now();
          phases[phase] = (phases[phase] ?? 0) + (now - mark);
          phase = p.state;
          mark = now;
        }
      },
    });
    const importMs = performance.now() - started;
    sampleRss();
    phases[phase] = (phases[phase] ?? 0) + (performance.now() - mark);
    const importPeak = peakRss;
    const scanStarted = performance.now();
    const scan = values['no-scan'] ? null : await scanDuplicates(database.db, { importId: done.import_id });
    const scanMs = performance.now() - scanStarted;
    const c = done;
    if (c.inserted + c.updated + c.unchanged + c.rejected !== c.rows_read || c.rows_read !== rows) {
      throw new Error('counts do not add up');
    }
    const report = {
      engine,
      rows,
      file_mb: Math.round(fs.statSync(file).size / 1048576),
      bare_copy_s: +(copyMs / 1000).toFixed(1),
      import_s: +(importMs / 1000).toFixed(1),
      ratio: +(importMs / copyMs).toFixed(2),
      rows_per_s: Math.round(rows / (importMs / 1000)),
      peak_rss_mb: Math.round(importPeak / 1048576),
      rss_empty_db_mb: Math.round(idleRss / 1048576),
      rss_before_import_mb: Math.round(startRss / 1048576),
      pglite_data_dir: engine === 'pglite' ? (values['data-dir'] ?? 'in memory') : undefined,
      phases_s: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, +(v / 1000).toFixed(1)])),
      counts: { inserted: c.inserted, rejected: c.rejected, warnings: c.warnings },
      duplicate_scan_s: scan ? +(scanMs / 1000).toFixed(1) : null,
      duplicate_pairs: scan?.added ?? null,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    clearInterval(sampler);
    await drop();
  }
}

await main();
