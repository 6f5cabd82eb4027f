// The real NC voter file (Chatham County, 2018): every row becomes a voter or a reported rejection, a second
// import changes nothing, an edited row updates, a dry run writes nothing. PostgreSQL imports the whole file;
// PGlite (WASM, several times slower) imports a 5,000-row prefix so the file stays within a few minutes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../../../test/database.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { one, rows } from '../../../db/client.ts';
import { type Caller, caller } from '../test/kit.ts';
import { ncPrefix, ncSampleRows, ncSampleZip } from './test/nc-sample.ts';
import { multipart } from './test/multipart.ts';

const full = testEngine() === 'postgres';
const expectedRows = full ? ncSampleRows : 5000;
let t: TestContext;
let admin: Caller;
let file: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  file = full ? ncSampleZip : await ncPrefix(expectedRows);
});
afterAll(() => t.close());

async function upload(path: string, fields: Record<string, string> = {}) {
  const body = multipart({ layout: 'nc', ...fields }, { path });
  const res = await admin.send({ method: 'POST', url: '/api/v1/imports', ...body });
  expect(res.statusCode, res.body).toBe(202);
  const status = await admin.send({ method: 'GET', url: `/api/v1/imports/${res.json().import_id}` });
  expect(status.statusCode).toBe(200);
  return status.json().import;
}

const voterCount = async () =>
  (await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM voters.voters`))!.n;

describe('NC voter file import', () => {
  it('dry run reports what would happen and writes no voters', { timeout: 300_000 }, async () => {
    const imp = await upload(file, { dry_run: 'true' });
    expect(imp.status).toBe('done');
    expect(imp.rows_read).toBe(expectedRows);
    expect(imp.counts.inserted + imp.counts.updated + imp.counts.unchanged + imp.counts.rejected).toBe(expectedRows);
    expect(imp.counts.inserted).toBeGreaterThan(expectedRows * 0.99);
    expect(await voterCount()).toBe(0);
  });

  it('imports every row as a voter or a reported rejection, and the counts add up', { timeout: 300_000 }, async () => {
    const imp = await upload(file);
    expect(imp.status, imp.error).toBe('done');
    const c = imp.counts;
    expect(imp.rows_read).toBe(expectedRows);
    expect(c.inserted + c.updated + c.unchanged + c.rejected).toBe(expectedRows);
    expect(c.updated + c.unchanged).toBe(0);
    expect(await voterCount()).toBe(c.inserted);
    const issues = await rows<{ line_no: number; reason: string }>(
      t.database.db,
      sql`SELECT line_no, reason FROM voters.import_issues WHERE import_id = ${imp.import_id} AND severity = 'rejected'`,
    );
    expect(issues.length).toBe(c.rejected);
    for (const i of issues) expect(i.reason).toMatch(/missing|invalid|duplicate|longer|no voter_registration_id/);
    // Every data line (2 .. rows+1) is either a voter (by ncid) or a rejection.
    const lines = new Set(issues.map((i) => i.line_no));
    expect(lines.size).toBe(c.rejected);
    if (full) expect(issues.map((i) => i.reason).sort()).toEqual(['missing first name', 'missing first name']);

    const v = await one<any>(t.database.db, sql`SELECT * FROM voters.voters WHERE voter_registration_id = 'AX73187'`);
    expect(v).toMatchObject({
      first_name: 'Rachel',
      last_name: 'Aarhus',
      street_address: '1154 Clearwater Lake Rd',
      city: 'Chapel Hill',
      state: 'NC',
      zip_code: '27517',
      county: 'Chatham',
      phone_number: '+19193601316',
      birth_year: 1990,
      registration_date: '2017-04-05',
      registration_status: 'Registered',
      party_affiliation: 'Democratic',
      gender: 'Female',
    });
    expect(v.custom_fields.nc).toMatchObject({ voter_reg_num: '146061', voter_status_desc: 'ACTIVE', race_code: 'W' });

    const csv = await admin.send({ method: 'GET', url: `/api/v1/imports/${imp.import_id}/errors.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const csvLines = csv.body.trim().split('\n');
    expect(csvLines[0]).toMatch(/^line,severity,reason,county_id,county_desc/);
    expect(csvLines.length - 1).toBe(c.rejected);
  });

  it('importing the same file again inserts and updates nothing', { timeout: 300_000 }, async () => {
    const before = await voterCount();
    const imp = await upload(file);
    expect(imp.status).toBe('done');
    expect(imp.counts).toMatchObject({ inserted: 0, updated: 0 });
    expect(imp.counts.unchanged + imp.counts.rejected).toBe(expectedRows);
    expect(await voterCount()).toBe(before);
  });

  it('a changed row updates that voter only', async () => {
    const before = await voterCount();
    const edited = await ncPrefix(50, (f, line) => {
      if (line === 2) f[13] = '99  NEW   ADDRESS RD  ';
      return f;
    });
    const imp = await upload(edited);
    expect(imp.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 50 - 1 - imp.counts.rejected });
    const v = await one<any>(
      t.database.db,
      sql`SELECT street_address FROM voters.voters WHERE voter_registration_id = 'AX73187'`,
    );
    expect(v.street_address).toBe('99 New Address Rd');
    expect(await voterCount()).toBe(before);
  });

  it('lists imports and refuses what is not a voter file', async () => {
    const list = await admin.send({ method: 'GET', url: '/api/v1/imports' });
    expect(list.statusCode).toBe(200);
    expect(list.json().imports.length).toBeGreaterThanOrEqual(4);
    const noFile = await admin.send({ method: 'POST', url: '/api/v1/imports', ...multipart({ layout: 'nc' }) });
    expect(noFile.statusCode).toBe(400);
    const badLayout = await admin.send({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart({ layout: 'xml' }, { path: file }),
    });
    expect(badLayout.statusCode).toBe(400);
    const json = await admin.send({ method: 'POST', url: '/api/v1/imports', payload: { layout: 'nc' } });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    const viewer = await caller(t, 'viewer');
    const denied = await viewer.send({ method: 'GET', url: '/api/v1/imports' });
    expect(denied.statusCode).toBe(403);
  });
});
