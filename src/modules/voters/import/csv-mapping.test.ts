// Any CSV through a saved column mapping: custom fields, E.164 phones, lower-case emails, ZIP cleaning,
// rejections with their reasons, --campaign links; and hostile mappings answered with 4xx.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { one, rows } from '../../../db/client.ts';
import { type Caller, caller, expectProblem, makeCampaign } from '../test/kit.ts';
import { multipart } from './test/multipart.ts';
import { ncPrefix } from './test/nc-sample.ts';

let t: TestContext;
let admin: Caller;
let csvFile: string;

const csv = `Member ID,Given,Family,E-mail,Mobile,Postcode,Born,Team,Notes
M1,  ada  ,LOVELACE,Ada@Example.ORG,(919) 555-0101,27312.0,12/10/1815,North,"likes ""math""
and engines"
M2,Alan,Turing,alan@example.org,919-555-0102,27514-1234,06/23/1912,South,
M3,Grace,,grace@example.org,9195550103,27510,12/09/1906,North,no last name
M4,Katherine,Johnson,kj@example,123,abc,02/30/1918,East,bad email phone zip date
M1,Ada,Again,ada2@example.org,,,,,duplicate member id
M6,Edsger,Dijkstra,ALAN@example.org,,,,,email of line 3
`;

const mapping = {
  delimiter: ',',
  encoding: 'utf8',
  header: true,
  columns: {
    'Member ID': 'voter_registration_id',
    Given: 'first_name',
    Family: 'last_name',
    'E-mail': 'email_address',
    Mobile: 'phone_number',
    Postcode: 'zip_code',
    Born: 'date_of_birth',
    Team: 'custom_fields.team',
    Notes: 'custom_fields.crm.notes',
  },
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  fs.mkdirSync('.tmp', { recursive: true });
  csvFile = path.resolve(`.tmp/members-${process.pid}.csv`);
  fs.writeFileSync(csvFile, csv);
});
afterAll(async () => {
  fs.rmSync(csvFile, { force: true });
  await t.close();
});

describe('CSV import through a saved mapping', () => {
  it('saves the mapping, imports with it, and reports every rejected row', async () => {
    const saved = await admin.send({
      method: 'POST',
      url: '/api/v1/import-mappings',
      payload: { name: 'Members CSV', mapping },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const mappingId = saved.json().mapping_id;
    const list = await admin.send({ method: 'GET', url: '/api/v1/import-mappings' });
    expect(list.json().mappings.map((m: any) => m.name)).toContain('Members CSV');

    const campaignId = await makeCampaign(admin);
    const body = multipart(
      { layout: 'csv', mapping_id: String(mappingId), campaign_id: String(campaignId) },
      { path: csvFile },
    );
    const res = await admin.send({ method: 'POST', url: '/api/v1/imports', ...body });
    expect(res.statusCode, res.body).toBe(202);
    const imp = (await admin.send({ method: 'GET', url: `/api/v1/imports/${res.json().import_id}` })).json().import;
    expect(imp.status, imp.error).toBe('done');
    expect(imp.rows_read).toBe(6);
    expect(imp.counts).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 3 });

    const ada = await one<any>(t.database.db, sql`SELECT * FROM voters.voters WHERE voter_registration_id = 'M1'`);
    expect(ada).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email_address: 'ada@example.org',
      phone_number: '+19195550101',
      zip_code: '27312',
      date_of_birth: '1815-12-10',
      source_campaign_id: campaignId,
      custom_fields: { team: 'North', crm: { notes: 'likes "math"\nand engines' } },
    });
    const alan = await one<any>(
      t.database.db,
      sql`SELECT zip_code FROM voters.voters WHERE voter_registration_id = 'M2'`,
    );
    expect(alan.zip_code).toBe('27514-1234');
    const issues = await rows<any>(
      t.database.db,
      sql`SELECT line_no, severity, reason FROM voters.import_issues WHERE import_id = ${imp.import_id} ORDER BY line_no, reason`,
    );
    const rejected = issues.filter((i) => i.severity === 'rejected').map((i) => [i.line_no, i.reason]);
    expect(rejected).toEqual([
      [5, 'missing last name'],
      [6, 'invalid date_of_birth "02/30/1918"'],
      [7, 'duplicate voter_registration_id within the file (first on line 2)'],
    ]);
    const dijkstra = await one<any>(
      t.database.db,
      sql`SELECT email_address FROM voters.voters WHERE voter_registration_id = 'M6'`,
    );
    expect(dijkstra.email_address).toBeNull();
    expect(issues.filter((i) => i.severity === 'warning').map((i) => [i.line_no, i.reason])).toEqual([
      [8, 'email also on line 4; not kept'],
    ]);
    const linked = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM voters.campaign_voters WHERE campaign_id = ${campaignId}`,
    );
    expect(linked!.n).toBe(3);

    const errorsCsv = await admin.send({
      method: 'GET',
      url: `/api/v1/imports/${imp.import_id}/errors.csv?include=warnings`,
    });
    expect(errorsCsv.body.split('\n')[0]).toBe(
      'line,severity,reason,Member ID,Given,Family,E-mail,Mobile,Postcode,Born,Team,Notes',
    );
    expect(errorsCsv.body).toContain('Katherine');
  });

  it('previews an upload and starts an import from it', async () => {
    const up = await admin.send({
      method: 'POST',
      url: '/api/v1/imports/uploads',
      ...multipart({}, { path: csvFile }),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().header).toEqual([
      'Member ID',
      'Given',
      'Family',
      'E-mail',
      'Mobile',
      'Postcode',
      'Born',
      'Team',
      'Notes',
    ]);
    expect(up.json().rows[0][1]).toBe('  ada  ');
    const dry = await admin.send({
      method: 'POST',
      url: '/api/v1/imports/start',
      payload: { upload_id: up.json().upload_id, layout: 'csv', mapping, dry_run: true },
    });
    expect(dry.statusCode, dry.body).toBe(202);
    const imp = (await admin.send({ method: 'GET', url: `/api/v1/imports/${dry.json().import_id}` })).json().import;
    expect(imp.counts).toMatchObject({ inserted: 0, unchanged: 3, rejected: 3 });
  });

  it('previews an NC upload as NC (Latin-1 names intact); the preview route answers the real file size', async () => {
    const plain = await ncPrefix(3);
    const header = fs.readFileSync(plain, 'latin1').split('\n')[0]!.trim().split('\t');
    const lastName = header.findIndex((h) => h.trim() === 'last_name');
    expect(lastName).toBeGreaterThan(0);
    const file = await ncPrefix(3, (fields, line) => {
      if (line === 2) fields[lastName] = 'NÚÑEZ';
      return fields;
    });
    const up = await admin.send({ method: 'POST', url: '/api/v1/imports/uploads', ...multipart({}, { path: file }) });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().header).toContain('ncid');
    expect(up.json().rows[0]).toContain('NÚÑEZ');
    const again = await admin.send({
      method: 'POST',
      url: `/api/v1/imports/uploads/${up.json().upload_id}/preview`,
      payload: { layout: 'nc' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().size).toBe(fs.statSync(file).size);
    expect(again.json().rows[0]).toContain('NÚÑEZ');
  });

  it('answers hostile mappings and uploads with 4xx problems', async () => {
    const bad = async (m: unknown) =>
      admin.send({
        method: 'POST',
        url: '/api/v1/imports',
        ...multipart({ layout: 'csv', mapping: JSON.stringify(m) }, { path: csvFile }),
      });
    expectProblem(
      await bad({ ...mapping, columns: { Given: 'first_name', Family: 'last_name', Notes: 'voter_id' } }),
      400,
      'invalid_mapping',
    );
    expectProblem(
      await bad({ ...mapping, columns: { Nope: 'first_name', Family: 'last_name' } }),
      400,
      'invalid_mapping',
    );
    expectProblem(await bad({ ...mapping, columns: { Given: 'email_address' } }), 400, 'invalid_mapping');
    expectProblem(await bad({ ...mapping, delimiter: 'x' }), 400);
    const notJson = await admin.send({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart({ layout: 'csv', mapping: '{' }, { path: csvFile }),
    });
    expectProblem(notJson, 400, 'invalid_mapping');
    const noMapping = await admin.send({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart({ layout: 'csv' }, { path: csvFile }),
    });
    expectProblem(noMapping, 400, 'mapping_required');
    const missingCampaign = await admin.send({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart({ layout: 'nc', campaign_id: '999999' }, { path: csvFile }),
    });
    expectProblem(missingCampaign, 404);
    const traversal = await admin.send({
      method: 'POST',
      url: '/api/v1/imports/start',
      payload: { upload_id: '../../etc/passwd', layout: 'nc' },
    });
    expectProblem(traversal, 400, 'invalid_upload_id');
    const extra = await admin.send({
      method: 'POST',
      url: '/api/v1/imports',
      ...multipart({ layout: 'nc', evil: '1' }, { path: csvFile }),
    });
    expectProblem(extra, 400);
    expectProblem(await admin.send({ method: 'GET', url: '/api/v1/imports/999999' }), 404);
    expectProblem(await admin.send({ method: 'GET', url: '/api/v1/import-mappings/999999' }), 404);
  });
});
