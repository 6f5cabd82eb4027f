// npm run bench:segments [-- --voters 1000000 --runs 15 --keep | --reuse DATABASE]
// Generates synthetic voters (plus tags, lists, campaign membership, interactions and survey answers) with
// generate_series in SQL on PostgreSQL, then times typical segment counts through the same code the API runs
// (countDefinition) and reports p50/p95 and the plan's top node. Database: BENCH_DATABASE_URL or DATABASE_URL;
// a database named caucus_bench_segments_<pid> is created and dropped (kept with --keep); --reuse times the
// segments again on a kept one (migrated first, so a new index is there to try) without generating anything.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { compileSegment } from '../src/modules/voters/segments/compile.ts';
import { validateDefinition } from '../src/modules/voters/segments/definition.ts';
import { countDefinition } from '../src/modules/voters/segments/segments.service.ts';
import { listVoters } from '../src/modules/voters/voters.service.ts';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const N = Number(values.voters);
const RUNS = Number(values.runs);

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = values.reuse ?? `caucus_bench_segments_${process.pid}`;
const admin = await openPostgres(url, 1);
if (!values.reuse) await admin.exec(`CREATE DATABASE ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const database = await openPostgres(target.toString(), 1);
const db = database.db;

const t0 = Date.now();
const step = async (label: string, script: string) => {
  const s = Date.now();
  await database.exec(script);
  console.log(`  ${label}: ${((Date.now() - s) / 1000).toFixed(1)} s`);
};

try {
  await migrate(database);
  if (!values.reuse) {
    console.log(`Generating ${N.toLocaleString()} voters in ${name}…`);
    await step(
      'campaigns, tags, lists, questions',
      `INSERT INTO voters.campaigns (campaign_name) SELECT 'Campaign ' || g FROM generate_series(1, 20) g;
     INSERT INTO voters.tags (name) SELECT 'Tag ' || g FROM generate_series(1, 50) g;
     INSERT INTO voters.lists (name) SELECT 'List ' || g FROM generate_series(1, 10) g;
     INSERT INTO voters.survey_questions (campaign_id, question_text, question_type, possible_answers)
       VALUES (1, 'Top issue?', 'Multiple Choice', '{"A":"Housing","B":"Transit","C":"Schools"}');`,
    );
    await step(
      'voters',
      `INSERT INTO voters.voters (first_name, last_name, date_of_birth, gender, city, state, zip_code, county, precinct,
       party_affiliation, registration_status, engagement_score, custom_fields, location, email_address, phone_number,
       voter_registration_id, created_at)
     SELECT (ARRAY['James','Mary','John','Patricia','Robert','Jennifer','Michael','Linda','William','Elizabeth',
                   'David','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen'])[1 + g % 20]
              || CASE WHEN g % 7 = 0 THEN 'a' ELSE '' END,
            (ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
                   'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin'])[1 + (g / 20) % 20]
              || (g % 997)::text,
            date '1930-01-01' + (g::bigint * 7919 % 27000)::int,
            (ARRAY['M','F','U'])[1 + g % 3],
            'City ' || (g % 300),
            'NC',
            (27000 + g % 1900)::text,
            'COUNTY' || lpad((g % 100)::text, 3, '0'),
            lpad((g % 100)::text, 3, '0') || '-' || lpad((g % 40)::text, 2, '0'),
            (ARRAY['DEM','REP','UNA','LIB'])[1 + g % 4],
            (ARRAY['Registered','Registered','Registered','Pending','Not Registered'])[1 + g % 5],
            (g * 31) % 101,
            CASE WHEN g % 10 = 0 THEN jsonb_build_object('shirt', jsonb_build_object('size', (ARRAY['S','M','L','XL'])[1 + g % 4]),
                                                         'donations', g % 13) END,
            ST_SetSRID(ST_MakePoint(-84 + ((g::bigint * 7919) % 100000) / 100000.0 * 8,
                                34 + ((g::bigint * 104729) % 100003) / 100003.0 * 2.5), 4326)::geography,
            CASE WHEN g % 3 = 0 THEN 'voter' || g || '@example.org' END,
            CASE WHEN g % 4 = 0 THEN '+1919' || lpad(g::text, 7, '0') END,
            'BENCH' || g,
            now() - (g % 1000) * interval '1 day'
     FROM generate_series(1, ${N}) g;`,
    );
    await step(
      'memberships (tags 20%, lists 5%, campaigns 30%)',
      `INSERT INTO voters.voter_tags (voter_id, tag_id) SELECT voter_id, 1 + (voter_id / 5) % 50 FROM voters.voters WHERE voter_id % 5 = 0;
     INSERT INTO voters.list_items (list_id, voter_id) SELECT 1 + (voter_id / 20) % 10, voter_id FROM voters.voters WHERE voter_id % 20 = 0;
     INSERT INTO voters.campaign_voters (campaign_id, voter_id) SELECT 1 + (voter_id / 10) % 20, voter_id FROM voters.voters WHERE voter_id % 10 < 3;`,
    );
    await step(
      'interactions (~1.5 per voter) and survey answers (10%)',
      `INSERT INTO voters.interactions (voter_id, campaign_id, interaction_type, outcome, interaction_date)
     SELECT v.voter_id, 1 + (v.voter_id + k) % 20,
            (ARRAY['Phone Call','Email Sent','Door Knock','Survey','Event Attendance'])[1 + (v.voter_id + k) % 5],
            (ARRAY['Interested','Not Home','Wrong Number','Pledged Support','Signed Up'])[1 + (v.voter_id / 3 + k * 2) % 5],
            now() - ((v.voter_id * 13 + k * 101) % 730) * interval '1 day'
     FROM voters.voters v CROSS JOIN generate_series(0, 2) k WHERE (v.voter_id + k) % 2 = 0;
     INSERT INTO voters.survey_responses (voter_id, question_id, response_value)
     SELECT voter_id, 1, (ARRAY['A','B','C'])[1 + voter_id % 3] FROM voters.voters WHERE voter_id % 10 = 1;`,
    );
    // Steady state: autovacuum would have set the visibility map that index-only scans rely on.
    await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
    console.log(`Data ready in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  } else {
    await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
  }

  const field = (f: string, op: string, value?: unknown, vs?: unknown[]) => ({
    type: 'field',
    field: f,
    op,
    ...(value !== undefined ? { value } : {}),
    ...(vs ? { values: vs } : {}),
  });
  const triangle = {
    type: 'Polygon',
    coordinates: [
      [
        [-79.2, 35.5],
        [-78.4, 35.5],
        [-78.8, 36.1],
        [-79.2, 35.5],
      ],
    ],
  };
  const segments: Array<[string, unknown]> = [
    ['county = X', field('county', 'eq', 'COUNTY042')],
    ['zip prefix', field('zip_code', 'prefix', '2712')],
    [
      'zip in 20-list',
      field(
        'zip_code',
        'in',
        undefined,
        Array.from({ length: 20 }, (_, i) => String(27100 + i)),
      ),
    ],
    [
      'party + engagement 80..100',
      { and: [field('party_affiliation', 'eq', 'DEM'), field('engagement_score', 'between', undefined, [80, 100])] },
    ],
    ['has tag', { type: 'tag', ids: [7] }],
    ['in list', { type: 'list', ids: [3] }],
    ['campaign member + county', { and: [{ type: 'campaign', ids: [5] }, field('county', 'eq', 'COUNTY002')] }],
    [
      'interaction type+outcome, 90 days',
      { type: 'interaction', interaction_types: ['Door Knock'], outcomes: ['Interested'], from: '2026-08-24' },
    ],
    [
      '≥ 2 interactions in a county',
      { and: [field('county', 'eq', 'COUNTY010'), { type: 'interaction', min_count: 2 }] },
    ],
    ['survey answer', { type: 'survey', question_id: 1, values: ['B'] }],
    ['custom_fields.shirt.size = L', field('custom_fields.shirt.size', 'eq', 'L')],
    ['within 5 km', { type: 'within_radius', latitude: 35.78, longitude: -78.64, meters: 5000 }],
    ['within polygon', { type: 'within_polygon', geojson: triangle }],
    [
      'and/or/not mix',
      {
        and: [
          { or: [field('county', 'eq', 'COUNTY001'), field('county', 'eq', 'COUNTY002')] },
          { not: { type: 'tag', ids: [1] } },
          field('registration_status', 'eq', 'Registered'),
        ],
      },
    ],
  ];

  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  };
  const time = async (fn: () => Promise<unknown>) => {
    await fn();
    await fn();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await fn();
      ms.push(performance.now() - s);
    }
    return { p50: pct(ms, 50), p95: pct(ms, 95) };
  };

  const out: string[] = [];
  for (const pass of ['default settings', 'random_page_cost = 1.1 (SSD)']) {
    // One pooled connection (max 1), so this setting holds for every query that follows.
    if (pass !== 'default settings') await database.exec('SET random_page_cost = 1.1');
    out.push('', `### ${pass}`, '', '| segment | members | p50 ms | p95 ms | plan |', '|---|---:|---:|---:|---|');
    for (const [label, definition] of segments) {
      const count = await countDefinition(db, definition);
      const { p50, p95 } = await time(() => countDefinition(db, definition));
      const where = compileSegment(validateDefinition(definition));
      const plan = (
        await db.execute(
          sql`EXPLAIN (FORMAT JSON) SELECT count(*) FROM voters.voters v WHERE v.merged_into_voter_id IS NULL AND ${where}`,
        )
      ).rows[0] as any;
      const nodes: string[] = [];
      const walk = (n: any) => {
        if (/Index|Bitmap/.test(n['Node Type'])) nodes.push(n['Index Name'] ?? n['Node Type']);
        for (const c of n.Plans ?? []) walk(c);
      };
      walk(plan['QUERY PLAN'][0].Plan);
      const used =
        [...new Set(nodes.filter((x) => x.startsWith('idx_') || x.startsWith('uq_')))].join(', ') || 'seq scan';
      out.push(`| ${label} | ${count.toLocaleString('en-US')} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${used} |`);
      console.log(out[out.length - 1]);
    }
    const search = await time(() =>
      listVoters(db, { q: 'jenifer smth', page: 1, per_page: 20, include_merged: false } as any),
    );
    out.push(
      `| voters list q="jenifer smth" (page 1 + total) | — | ${search.p50.toFixed(1)} | ${search.p95.toFixed(1)} | idx_voters_full_name_trgm |`,
    );
    const cursor = await time(() =>
      listVoters(db, { cursor: '', page: 1, per_page: 100, include_merged: false } as any),
    );
    out.push(`| voters list cursor page (100) | — | ${cursor.p50.toFixed(1)} | ${cursor.p95.toFixed(1)} | pkey |`);
  }
  console.log(`\n${out.join('\n')}`);
} finally {
  await database.close();
  if (!values.keep && !values.reuse) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
