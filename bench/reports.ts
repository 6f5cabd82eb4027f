// npm run bench:reports [-- --reports 1000000 --runs 300 --creates 2000 --concurrency 16 --keep]
// Loads synthetic civic issue reports spread over a ~30 km box around Ranchi's centre (23.3441 N, 85.3096 E) with
// generate_series on PostgreSQL, then times, through the same code the API runs:
//   - the duplicate-candidate lookup on report creation (findDuplicateCandidates): p50/p95;
//   - report creation through the HTTP API on a real listening server (loopback, bounded concurrency): reports/s;
//   - the staff queue of one department (listReports: page + total): p50/p95.
// Database: BENCH_DATABASE_URL or DATABASE_URL; a database caucus_bench_reports_<pid> is created and dropped
// (kept with --keep).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Db, one, openPostgres, rows } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { inlineJobs } from '../src/jobs/queue.ts';
import { createLogger } from '../src/logger.ts';
import { jobDefinitions } from '../src/modules/index.ts';
import { deriveSecrets } from '../src/modules/identity/secrets.ts';
import { signAccessToken } from '../src/modules/identity/tokens.ts';
import { createMailer } from '../src/modules/mail/mailer.ts';
import { findDuplicateCandidates } from '../src/modules/reports/reports.queries.ts';
import { listReports } from '../src/modules/reports/reports.service.ts';
import { openStatuses } from '../src/modules/reports/transitions.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '300' },
    creates: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.reports);
const RUNS = Number(values.runs);
const CREATES = Number(values.creates);
const CONCURRENCY = Number(values.concurrency);
const CENTER = { lat: 23.3441, lon: 85.3096 };
// ±15 km: 0.135° of latitude, 0.147° of longitude at 23° N
const HALF = { lat: 0.135, lon: 0.147 };

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `caucus_bench_reports_${process.pid}`;
const admin = await openPostgres(url, 1);
await admin.exec(`CREATE DATABASE ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const database = await openPostgres(target.toString(), 20);
const db = database.db;

const step = async (label: string, script: string) => {
  const s = Date.now();
  await database.exec(script);
  console.log(`  ${label}: ${((Date.now() - s) / 1000).toFixed(1)} s`);
};
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n: number) => `${n.toFixed(2)} ms`;
// The machine may be shared: each figure says how busy it was (1-minute load average) while it was measured.
const load = () => `load ${loadavg()[0].toFixed(1)}`;

// A second handle on the same pool that records the statements it runs: the plans printed below are those of the
// app's own functions (findDuplicateCandidates, listReports) with their own SQL and parameters, not of a copy.
const recorded: { text: string; params: unknown[] }[] = [];
const recordingDb = drizzle({
  client: database.pool!,
  logger: { logQuery: (text, params) => recorded.push({ text, params }) },
}) as unknown as Db;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}
const scans = (node: PlanNode): string[] => {
  const here = node['Index Name']
    ? [
        `${node['Node Type']} ${node['Index Name']}${node['Heap Fetches'] !== undefined ? ` (heap fetches ${node['Heap Fetches']})` : ''}`,
      ]
    : node['Node Type'].includes('Scan') && node['Relation Name']
      ? [`${node['Node Type']} ${node['Relation Name']}`]
      : node['Node Type'] === 'BitmapAnd' || node['Node Type'] === 'Sort'
        ? [node['Node Type']]
        : [];
  return [...here, ...(node.Plans ?? []).flatMap(scans)];
};
/** Runs `call` on the recording handle, then EXPLAIN (ANALYZE, BUFFERS) of each statement it ran. */
async function explain(label: string, call: (db: Db) => Promise<unknown>) {
  recorded.length = 0;
  await call(recordingDb);
  for (const [i, q] of recorded.entries()) {
    const out = await database.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.text}`, q.params);
    const [doc] = out.rows[0]['QUERY PLAN'];
    const plan = doc.Plan as PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
    console.log(
      `  plan ${label} #${i + 1}: ${scans(plan).join(' → ')}; ${doc['Execution Time'].toFixed(2)} ms, ` +
        `buffers hit ${plan['Shared Hit Blocks']} read ${plan['Shared Read Blocks']}`,
    );
  }
}
const titles = [
  'Pothole on main road',
  'Streetlight not working',
  'Garbage not collected',
  'Water pipe leaking',
  'Drain blocked and overflowing',
  'Broken bench in park',
  'Exposed electric wires',
  'Sewage overflow near school',
];
const randomPoint = () => ({
  latitude: CENTER.lat + (Math.random() * 2 - 1) * HALF.lat,
  longitude: CENTER.lon + (Math.random() * 2 - 1) * HALF.lon,
});

try {
  const t0 = Date.now();
  await migrate(database);
  console.log(`Loading ${N.toLocaleString()} reports into ${name}…`);
  await step(
    'departments, users, categories',
    `INSERT INTO reports.departments (name, keywords) SELECT 'Department ' || g, 'word' || g FROM generate_series(1, 20) g;
     UPDATE reports.categories c SET department_id = 1 + (abs(hashtext(c.code)) % 20);
     INSERT INTO identity.users (username, role, profile_completion)
       SELECT 'citizen' || g, 'citizen', 'basic' FROM generate_series(1, 20000) g;
     -- officer g (user id 20000 + g) belongs to department 1 + g % 20
     INSERT INTO identity.users (username, role, department_id)
       SELECT 'officer' || g, 'nodal_officer', 1 + g % 20 FROM generate_series(1, 400) g;
     INSERT INTO identity.users (username, role) VALUES ('bench_admin', 'admin');`,
  );
  // Triggers off for the bulk load (location and status_updated_at are written directly); tasks follow.
  // Status cycles with g; category, severity and department come from independent hashes of g, so a
  // department holds every status and severity in proportion (each department's queue looks like the city's).
  await step(
    'reports',
    `SET session_replication_role = replica;
     INSERT INTO reports.reports (report_number, user_id, department_id, title, description, category, status, severity,
       latitude, longitude, location, district, ward_number, created_at, status_updated_at, sla_due_at, resolved_at,
       ai_model_version)
     SELECT 'CL-2026-BEN-' || lpad(g::text, 7, '0'), 1 + g % 20000,
            CASE WHEN s.status IN ('received', 'pending_classification', 'classified', 'rejected', 'duplicate') THEN NULL
                 ELSE 1 + abs(hashint4(g + 3)::int8) % 20 END,
            (ARRAY[${titles.map((x) => `'${x}'`).join(',')}])[1 + p.k] || ' ' || (g % 1000),
            'Reported by a resident; details ' || md5(g::text),
            (ARRAY['roads','streetlight','sanitation','water','drainage','public_property','electricity','other'])[1 + p.k],
            s.status, (ARRAY['low','medium','medium','high','critical'])[1 + (abs(hashint4(g + 2)::int8) % 5)::int],
            p.lat, p.lon, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)::geography,
            'Ranchi', (1 + g % 55)::text, c.created_at, c.created_at + interval '1 day',
            c.created_at + interval '72 hours',
            CASE WHEN s.status IN ('resolved', 'closed') THEN c.created_at + ((g % 200) || ' hours')::interval END,
            'rules-v1'
     FROM (SELECT g, (abs(hashint4(g + 1)::int8) % 8)::int AS k, ${CENTER.lat} + (random() * 2 - 1) * ${HALF.lat} AS lat,
                  ${CENTER.lon} + (random() * 2 - 1) * ${HALF.lon} AS lon
           FROM generate_series(1, ${N}) g) p
     CROSS JOIN LATERAL (SELECT now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' AS created_at) c
     CROSS JOIN LATERAL (SELECT (ARRAY['received','received','pending_classification','classified','assigned_to_department',
       'assigned_to_department','assigned_to_officer','acknowledged','in_progress','in_progress','pending_verification',
       'on_hold','resolved','resolved','resolved','closed','closed','closed','rejected','duplicate'])[1 + (g * 13) % 20] AS status) s;
     INSERT INTO reports.tasks (report_id, assigned_to, status, priority, assigned_at, sla_deadline)
       SELECT r.id, 20000 + 20 * (1 + r.id % 19) + (r.department_id - 1),
              CASE r.status WHEN 'assigned_to_officer' THEN 'assigned' WHEN 'resolved' THEN 'resolved'
                            WHEN 'closed' THEN 'resolved' ELSE r.status END,
              1 + r.id % 10, r.created_at + interval '2 hours', r.sla_due_at
       FROM reports.reports r
       WHERE r.status IN ('assigned_to_officer', 'acknowledged', 'in_progress', 'pending_verification', 'on_hold',
                          'resolved', 'closed');
     SET session_replication_role = DEFAULT;
     SELECT setval(pg_get_serial_sequence('reports.reports', 'id'), (SELECT max(id) FROM reports.reports));
     INSERT INTO reports.report_number_counters (city, year, last_value) VALUES ('RNC', extract(year FROM now())::int, 0);`,
  );
  // VACUUM as well as ANALYZE: the visibility map autovacuum keeps on a table this size (inserts trigger it
  // too since PostgreSQL 13), so counts can be index-only as they are in steady state.
  await step('vacuum analyze', 'VACUUM ANALYZE');
  const size = await one<{ size: string }>(
    db,
    sql`SELECT pg_size_pretty(pg_total_relation_size('reports.reports')) AS size`,
  );
  console.log(`  loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s; reports table with indexes: ${size!.size}`);

  // 1. Duplicate-candidate lookup
  const lookups: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const title = `${titles[i % 8]} ${i % 1000}`;
    const s = performance.now();
    const c = await findDuplicateCandidates(db, {
      category: ['roads', 'streetlight', 'sanitation', 'water', 'drainage', 'public_property', 'electricity', 'other'][
        i % 8
      ],
      ...randomPoint(),
      title,
      description: 'Reported by a resident',
    });
    lookups.push(performance.now() - s);
    found += c.length;
  }
  console.log(
    `duplicate candidates: p50 ${ms(pct(lookups, 50))}, p95 ${ms(pct(lookups, 95))} (${RUNS} lookups, ${found} candidates, ${load()})`,
  );
  await explain('duplicate candidates', (d) =>
    findDuplicateCandidates(d, {
      category: 'roads',
      latitude: CENTER.lat,
      longitude: CENTER.lon,
      title: `${titles[0]} 17`,
      description: 'Reported by a resident',
    }),
  );

  // 2. The staff queue of one department
  const actor = { userId: 1, role: 'admin', username: 'bench_admin', sessionId: 0, departmentId: null };
  const queue: number[] = [];
  const queueOpen: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const department_id = 1 + (i % 20);
    let s = performance.now();
    await listReports(db, actor, { department_id, page: 1, per_page: 25 });
    queue.push(performance.now() - s);
    s = performance.now();
    await listReports(db, actor, { department_id, status: openStatuses, sort: 'severity', page: 1, per_page: 25 });
    queueOpen.push(performance.now() - s);
  }
  const sizes = await rows<{ all: number; open: number }>(
    db,
    sql`SELECT count(*)::int AS all, count(*) FILTER (WHERE status IN (${sql.raw(openStatuses.map((s) => `'${s}'`).join(', '))}))::int AS open
        FROM reports.reports WHERE department_id IS NOT NULL GROUP BY department_id`,
  );
  const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length).toLocaleString();
  console.log(
    `staff queue (one department, ~${avg(sizes.map((x) => x.all))} reports, newest first, page + total): p50 ${ms(pct(queue, 50))}, p95 ${ms(pct(queue, 95))} (${load()})`,
  );
  await explain('queue newest', (d) => listReports(d, actor, { department_id: 7, page: 1, per_page: 25 }));
  console.log(
    `staff queue (one department, ~${avg(sizes.map((x) => x.open))} open reports, by severity, page + total): p50 ${ms(pct(queueOpen, 50))}, p95 ${ms(pct(queueOpen, 95))} (${load()})`,
  );
  await explain('queue open by severity', (d) =>
    listReports(d, actor, { department_id: 7, status: openStatuses, sort: 'severity', page: 1, per_page: 25 }),
  );

  // 3. Report creation through the HTTP API
  const config = {
    ...loadConfig({
      CAUCUS_DATA_DIR: '.tmp/bench',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '1000000',
      JOBS_ENABLED: 'false',
    } as NodeJS.ProcessEnv),
  };
  const log = createLogger('silent');
  const mail = createMailer({ database, smtpUrl: undefined, from: config.mailFrom, log });
  const secrets = deriveSecrets('bench-secret-bench-secret-bench-secret-0123456789');
  const app = await buildApp({ config, database, secrets, mail, jobs: inlineJobs(database, log, jobDefinitions), log });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const tokens: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const jti = randomUUID();
    const userId = 1 + i;
    const session = await one<{ id: number }>(
      db,
      sql`INSERT INTO identity.sessions (user_id, jti, expires_at) VALUES (${userId}, ${jti}, now() + interval '1 hour') RETURNING id`,
    );
    tokens.push(await signAccessToken(secrets, { userId, sessionId: session!.id, jti, role: 'citizen' }, 3600));
  }
  let next = 0;
  let failures = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      while (next < CREATES) {
        const i = next++;
        const s = performance.now();
        const res = await fetch(`http://127.0.0.1:${address.port}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ title: `${titles[i % 8]} ${i}`, description: 'Benchmark report', ...randomPoint() }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - s);
        if (res.status !== 201) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  await mail.close();
  console.log(
    `report creation over HTTP: ${(CREATES / seconds).toFixed(0)} reports/s (${CREATES} creates, ${CONCURRENCY} concurrent clients, ` +
      `p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, ${failures} failures, ${load()})`,
  );
  const numbers = await one<{ n: number; max: number }>(
    db,
    sql`SELECT count(*)::int AS n, max(substring(report_number from '[0-9]+$')::int) AS max FROM reports.reports WHERE report_number LIKE 'CL-%-RNC-%'`,
  );
  console.log(
    `  report numbers: ${numbers!.n} created, highest sequence ${numbers!.max} (gap-free: ${numbers!.n === numbers!.max})`,
  );
} finally {
  await database.close();
  if (!values.keep) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  else console.log(`kept database ${name}`);
  await admin.close();
}
