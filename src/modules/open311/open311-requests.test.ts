// The Open311 conformance checklist (standards.md G1–G28) through HTTP against a real database.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { person, reportBody } from '../reports/test/fixtures.ts';
import { form, formHeaders, open311Key, parseList, setAttributes } from './test/setup.ts';

let t: TestContext;
let key: string;
const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const roadsAttributes = [
  {
    variable: true,
    code: 'WHERE',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    description: 'Where?',
    datatype_description: null,
    values: [
      { key: 'STREET', name: 'Street' },
      { key: 'ALLEY', name: 'Alley' },
    ],
  },
  {
    variable: true,
    code: 'TYPES',
    datatype: 'multivaluelist',
    required: false,
    order: 2,
    description: 'What?',
    values: [
      { key: 'crack', name: 'Crack' },
      { key: 'hole', name: 'Hole' },
      { key: 'sink', name: 'Sinkhole' },
    ],
  },
  { variable: false, code: 'INFO', datatype: 'text', required: false, order: 3, description: 'Fixed in 72 hours' },
];

function post(fields: [string, string][], format: 'json' | 'xml' = 'json') {
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: formHeaders,
    payload: form(fields),
  });
}
const valid = (): [string, string][] => [
  ['api_key', key],
  ['service_code', 'roads'],
  ['lat', '23.3441'],
  ['long', '85.3096'],
  ['description', 'A large pothole'],
  ['attribute[WHERE]', 'STREET'],
];
async function file(extra: [string, string][] = [], base = valid()): Promise<string> {
  const res = await post([...base, ...extra]);
  expect(res.statusCode, res.body).toBe(200);
  return res.json()[0].service_request_id;
}
async function reportIdOf(number: string): Promise<number> {
  return (await one<{ id: number }>(
    t.database.db,
    sql`SELECT id FROM reports.reports WHERE report_number = ${number}`,
  ))!.id;
}

beforeAll(async () => {
  t = await startTestApp();
  key = await open311Key(t);
  await setAttributes(t, 'roads', roadsAttributes);
});
afterAll(() => t.close());

describe('G1–G2 discovery', () => {
  it('G1 JSON with a bare content type, a past changeset and a GeoReport_v2 endpoint', async () => {
    const res = await t.app.inject({ url: '/open311/discovery.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const doc = res.json();
    expect(Date.parse(doc.changeset)).toBeLessThan(Date.now());
    expect(doc.contact).toBeTruthy();
    expect(doc.key_service).toBeTruthy();
    expect(doc.endpoints[0]).toMatchObject({ type: 'production', url: expect.stringMatching(/\/open311\/v2$/) });
    expect(doc.endpoints[0].specification).toMatch(/GeoReport_v2$/);
    expect(doc.endpoints[0].formats).toContain('text/xml');
  });

  it('G2 XML with the same content', async () => {
    const json = (await t.app.inject({ url: '/open311/discovery.json' })).json();
    const res = await t.app.inject({ url: '/open311/discovery.xml' });
    expect(res.headers['content-type']).toBe('text/xml');
    const xml = parseList(res.body).discovery;
    expect(xml.changeset).toBe(json.changeset);
    expect(xml.contact).toBe(json.contact);
    expect(xml.endpoints.endpoint[0].formats.format).toEqual(json.endpoints[0].formats);
  });
});

describe('G3–G5 services', () => {
  it('G3 lists services with string codes, boolean metadata and a type', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.json' });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = res.json();
    expect(services.length).toBe(8);
    for (const s of services) {
      expect(typeof s.service_code).toBe('string');
      expect(typeof s.metadata).toBe('boolean');
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
      expect(typeof s.keywords).toBe('string');
      expect(typeof s.group).toBe('string');
    }
    expect(services.find((s: any) => s.service_code === 'roads').metadata).toBe(true);
    expect(services.find((s: any) => s.service_code === 'water').metadata).toBe(false);
    const xml = await t.app.inject({ url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parseList(xml.body).services.service).toHaveLength(8);
  });

  it('G4 a definition has unique positive orders and list values', async () => {
    const def = (await t.app.inject({ url: '/open311/v2/services/roads.json' })).json();
    expect(def.service_code).toBe('roads');
    const orders = def.attributes.map((a: any) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders.every((o: number) => o > 0)).toBe(true);
    for (const a of def.attributes.filter((x: any) => x.datatype.endsWith('valuelist'))) {
      expect(a.values.length).toBeGreaterThan(0);
    }
  });

  it('G5 an unknown service is a 404 error array in both formats', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services/NOPE.json' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: expect.stringContaining('NOPE') }]);
    const xml = await t.app.inject({ url: '/open311/v2/services/NOPE.xml' });
    expect(xml.statusCode).toBe(404);
    expect(parseList(xml.body).errors.error.code).toBe('404');
  });

  it('G25 an unknown format is a 404 with an error body', async () => {
    for (const url of ['/open311/v2/services.csv', '/open311/v2/services/roads.csv', '/open311/v2/requests.html']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(parseList(res.body).errors.error.code).toBe('404');
    }
  });
});

describe('G6–G14 POST /requests', () => {
  it('G6 files the report staff work on and answers id, notice and account_id', async () => {
    const res = await post(valid());
    expect(res.statusCode).toBe(200);
    const [answer] = res.json();
    expect(answer).toEqual({
      service_request_id: expect.stringMatching(/^CL-\d{4}-RNC-\d{5}$/),
      service_notice: expect.stringContaining('72 hours'),
      account_id: null,
    });
    const report = await one<any>(
      t.database.db,
      sql`SELECT r.category, r.latitude, r.status, u.username FROM reports.reports r
          JOIN identity.users u ON u.id = r.user_id WHERE r.report_number = ${answer.service_request_id}`,
    );
    expect(report).toEqual({ category: 'roads', latitude: 23.3441, status: 'received', username: 'open311' });
    const audited = await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM identity.audit_logs WHERE action = 'open311_request_created'`,
    );
    expect(audited!.n).toBeGreaterThan(0);
  });

  it('G6 XML answer', async () => {
    const res = await post(valid(), 'xml');
    expect(res.statusCode).toBe(200);
    const r = parseList(res.body).service_requests.request[0];
    expect(r.service_request_id).toMatch(/^CL-/);
    expect(r.account_id).toBe('');
  });

  it('G7 address_string only or address_id only are accepted; the pin is not claimed', async () => {
    const base = valid().filter(([k]) => k !== 'lat' && k !== 'long');
    const byAddress = await file([['address_string', 'Main Road near the bus stop']], base);
    const byId = await file([['address_id', 'A-123']], base);
    const got = (await t.app.inject({ url: `/open311/v2/requests/${byAddress}.json` })).json()[0];
    expect(got).toMatchObject({ address: 'Main Road near the bus stop', lat: null, long: null });
    const got2 = (await t.app.inject({ url: `/open311/v2/requests/${byId}.json` })).json()[0];
    expect(got2.address_id).toBe('A-123');
    const review = await one<{ needs_review: boolean }>(
      t.database.db,
      sql`SELECT needs_review FROM reports.reports WHERE report_number = ${byId}`,
    );
    expect(review!.needs_review).toBe(true);
  });

  it('G8 no location at all is a 400', async () => {
    const res = await post(valid().filter(([k]) => k !== 'lat' && k !== 'long'));
    expect(res.statusCode).toBe(400);
    expect(res.json()[0]).toEqual({ code: 400, description: expect.stringMatching(/location is required/) });
  });

  it('G9 a missing, invalid, wrong-scope or revoked api_key is a 403', async () => {
    const osdiKey = await open311Key(t, 'osdi');
    const revoked = await open311Key(t);
    await t.database.db.execute(
      sql`UPDATE identity.api_keys SET revoked_at = now() WHERE key_prefix = ${revoked.slice(0, 11)}`,
    );
    for (const k of [null, '', 'ck_not-a-real-key-at-all', osdiKey, revoked]) {
      const fields = valid().filter(([name]) => name !== 'api_key');
      const res = await post(k === null ? fields : [['api_key', k], ...fields]);
      expect(res.statusCode).toBe(403);
      expect(res.json()[0].code).toBe(403);
    }
    const xml = await post([['api_key', 'nope-nope-nope']], 'xml');
    expect(xml.statusCode).toBe(403);
    expect(parseList(xml.body).errors.error.description).toMatch(/api_key/);
  });

  it('G10 a missing service_code is a 400, an unknown one a 404', async () => {
    const missing = await post(valid().filter(([k]) => k !== 'service_code'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].description).toMatch(/service_code/);
    const unknown = await post([...valid().filter(([k]) => k !== 'service_code'), ['service_code', 'nope']]);
    expect(unknown.statusCode).toBe(404);
  });

  it('G11 a missing required attribute or a value outside the list names the attribute', async () => {
    const missing = await post(valid().filter(([k]) => k !== 'attribute[WHERE]'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].description).toBe('WHERE required');
    const bad = await post([...valid().filter(([k]) => k !== 'attribute[WHERE]'), ['attribute[WHERE]', 'ROOF']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].description).toMatch(/^WHERE value "ROOF"/);
    const badMulti = await post([...valid(), ['attribute[TYPES][]', 'hole'], ['attribute[TYPES][]', 'meteor']]);
    expect(badMulti.json()[0].description).toMatch(/^TYPES value "meteor"/);
  });

  it('G12 a multivaluelist keeps every value', async () => {
    const id = await file([
      ['attribute[TYPES][]', 'crack'],
      ['attribute[TYPES][]', 'sink'],
    ]);
    const got = (await t.app.inject({ url: `/open311/v2/requests/${id}.json?extensions=true` })).json()[0];
    expect(got.attributes).toEqual({ WHERE: 'STREET', TYPES: ['crack', 'sink'] });
  });

  it('G13 a description over 4000 characters is a 400', async () => {
    const res = await post([...valid().filter(([k]) => k !== 'description'), ['description', 'x'.repeat(4001)]]);
    expect(res.statusCode).toBe(400);
    expect(res.json()[0].description).toMatch(/description/);
  });

  it('G14 single jurisdiction: jurisdiction_id is accepted and ignored', async () => {
    await file([['jurisdiction_id', 'city.gov']]);
    const res = await t.app.inject({ url: '/open311/v2/services.json?jurisdiction_id=anything.gov' });
    expect(res.statusCode).toBe(200);
  });

  it('links the submitter to one person record and their timeline', async () => {
    const contact: [string, string][] = [
      ['email', 'Resident@Example.org'],
      ['first_name', 'Asha'],
      ['last_name', 'Rao'],
    ];
    const first = await file(contact);
    const second = await file([
      ['email', 'resident@example.org'],
      ['phone', '+919876543210'],
    ]);
    const linked = await one<{ voters: number; interactions: number }>(
      t.database.db,
      sql`SELECT count(DISTINCT o.voter_id)::int AS voters,
            (SELECT count(*)::int FROM voters.interactions i WHERE i.voter_id = min(o.voter_id) AND i.source_module = 'interop') AS interactions
          FROM reports.open311_requests o JOIN reports.reports r ON r.id = o.report_id
          WHERE r.report_number IN (${first}, ${second})`,
    );
    expect(linked).toEqual({ voters: 1, interactions: 2 });
    const voter = await one<any>(
      t.database.db,
      sql`SELECT v.first_name, v.email_address, v.phone_number FROM voters.voters v
          JOIN reports.open311_requests o ON o.voter_id = v.voter_id WHERE o.report_id = ${await reportIdOf(first)}`,
    );
    expect(voter).toEqual({ first_name: 'Asha', email_address: 'resident@example.org', phone_number: '+919876543210' });
    const shown = (await t.app.inject({ url: `/open311/v2/requests/${first}.json` })).body;
    expect(shown).not.toContain('resident@example.org');
  });

  it('refuses hostile input with a 400 error array, never a 500', async () => {
    const cases: [string, string][][] = [
      [...valid(), ['lat', 'abc']],
      [...valid().filter(([k]) => k !== 'long')],
      [...valid(), ['unexpected', 'x']],
      [...valid(), ['attribute[<script>]', 'x']],
      [...valid(), ['email', 'not-an-email']],
      [...valid(), ['media_url', 'javascript:alert(1)']],
      [...valid(), ['description', 'nul \u0000 byte']],
      [...valid().filter(([k]) => k !== 'lat'), ['lat', '91']],
    ];
    for (const fields of cases) {
      const res = await post(fields);
      expect(res.statusCode, JSON.stringify(fields.at(-1))).toBe(400);
      expect(res.json()[0].code).toBe(400);
    }
    const json = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: key, service_code: { $ne: 1 } },
    });
    expect(json.statusCode).toBe(400);
  });
});

describe('G15–G24 GET /requests', () => {
  let openId: string;
  let closedId: string;
  beforeAll(async () => {
    openId = await file();
    closedId = await file();
    const { changeStatus } = await import('../reports/workflow.ts');
    const id = await reportIdOf(closedId);
    await t.database.db.transaction((tx) => changeStatus(tx, null, id, 'rejected', { reason: 'Not a civic issue' }));
  });

  it('G15 one request is an array of one with every field', async () => {
    const res = await t.app.inject({ url: `/open311/v2/requests/${openId}.json` });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toHaveLength(1);
    expect(list[0]).toEqual({
      service_request_id: openId,
      status: 'open',
      status_notes: 'Received; awaiting review.',
      service_name: 'Roads',
      service_code: 'roads',
      description: 'A large pothole',
      agency_responsible: null,
      service_notice: expect.any(String),
      requested_datetime: expect.stringMatching(zoned),
      updated_datetime: expect.stringMatching(zoned),
      expected_datetime: expect.stringMatching(zoned),
      address: null,
      address_id: null,
      zipcode: null,
      lat: 23.3441,
      long: 85.3096,
      media_url: null,
    });
    expect(Date.parse(list[0].expected_datetime) - Date.parse(list[0].requested_datetime)).toBe(72 * 3600 * 1000);
  });

  it('G16 an unknown request is a 404', async () => {
    for (const id of ['CL-1999-RNC-99999', 'x'.repeat(60), '1%27%3B']) {
      const res = await t.app.inject({ url: `/open311/v2/requests/${id}.json` });
      expect(res.statusCode).toBe(404);
      expect(res.json()[0].code).toBe(404);
    }
  });

  it('G17 no parameters: the last 90 days only', async () => {
    const old = await file();
    await t.database.db.execute(
      sql`UPDATE reports.reports SET created_at = now() - interval '100 days' WHERE report_number = ${old}`,
    );
    const list = (await t.app.inject({ url: '/open311/v2/requests.json' })).json();
    const ids = list.map((r: any) => r.service_request_id);
    expect(ids).toContain(openId);
    expect(ids).not.toContain(old);
    expect(list.length).toBeLessThanOrEqual(1000);
  });

  it('G18 a date window selects by requested_datetime; over 90 days is a 400', async () => {
    const inWindow = await t.app.inject({
      url: '/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-01-31T00:00:00Z',
    });
    expect(inWindow.json()).toEqual([]);
    const today = new Date();
    const from = new Date(today.getTime() - 86400000).toISOString();
    const hit = await t.app.inject({ url: `/open311/v2/requests.json?start_date=${from}` });
    expect(hit.json().map((r: any) => r.service_request_id)).toContain(openId);
    const wide = await t.app.inject({
      url: '/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z',
    });
    expect(wide.statusCode).toBe(400);
    expect(wide.json()[0].description).toMatch(/90 days/);
  });

  it('G19 filters by status and service_code', async () => {
    const ids = async (q: string) =>
      (await t.app.inject({ url: `/open311/v2/requests.json?${q}` })).json().map((r: any) => r.service_request_id);
    expect(await ids('status=open')).toContain(openId);
    expect(await ids('status=open')).not.toContain(closedId);
    expect(await ids('status=closed')).toEqual([closedId]);
    expect(await ids('status=open,closed')).toEqual(expect.arrayContaining([openId, closedId]));
    expect(await ids('service_code=water,drainage')).toEqual([]);
    expect(await ids('service_code=water,roads')).toContain(openId);
  });

  it('G20 service_request_id returns exactly those, ignoring other filters', async () => {
    const res = await t.app.inject({
      url: `/open311/v2/requests.json?service_request_id=${openId},${closedId}&status=open&service_code=water`,
    });
    expect(
      res
        .json()
        .map((r: any) => r.service_request_id)
        .sort(),
    ).toEqual([openId, closedId].sort());
  });

  it('G21 empty optional parameters are ignored', async () => {
    const a = (await t.app.inject({ url: '/open311/v2/requests.json?status=&service_code=&start_date=' })).json();
    const b = (await t.app.inject({ url: '/open311/v2/requests.json' })).json();
    expect(a).toEqual(b);
  });

  it('G22 XML lists, and an empty result is an empty root', async () => {
    const res = await t.app.inject({ url: `/open311/v2/requests.xml?service_request_id=${openId}` });
    expect(parseList(res.body).service_requests.request[0].service_request_id).toBe(openId);
    const one = await t.app.inject({ url: `/open311/v2/requests/${closedId}.xml` });
    expect(parseList(one.body).service_requests.request[0].status).toBe('closed');
    const empty = await t.app.inject({ url: '/open311/v2/requests.xml?service_code=water' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<service_requests></service_requests>');
  });

  it('G23 token flow for a batch service, in JSON', async () => {
    await t.database.db.execute(sql`UPDATE reports.categories SET service_type = 'batch' WHERE code = 'water'`);
    const res = await post([
      ['api_key', key],
      ['service_code', 'water'],
      ['lat', '23.3'],
      ['long', '85.3'],
    ]);
    const [answer] = res.json();
    expect(Object.keys(answer)).toEqual(['token']);
    const resolved = await t.app.inject({ url: `/open311/v2/tokens/${answer.token}.json` });
    expect(resolved.json()).toEqual([{ service_request_id: expect.stringMatching(/^CL-/), token: answer.token }]);
    expect((await t.app.inject({ url: '/open311/v2/tokens/nope-nope-nope-nope.json' })).statusCode).toBe(404);
    await t.database.db.execute(sql`UPDATE reports.categories SET service_type = 'realtime' WHERE code = 'water'`);
  });

  it('G24 a closed request: updated_datetime is the close time, status_notes explains', async () => {
    const [got] = (await t.app.inject({ url: `/open311/v2/requests/${closedId}.json` })).json();
    const row = await one<{ status_updated_at: string }>(
      t.database.db,
      sql`SELECT status_updated_at FROM reports.reports WHERE report_number = ${closedId}`,
    );
    expect(got.status).toBe('closed');
    expect(got.status_notes).toBe('Rejected. Not a civic issue');
    expect(Date.parse(got.updated_datetime)).toBe(Date.parse(row!.status_updated_at));
  });

  it('G26 pages with page/page_size; extensions only when asked', async () => {
    const all = (await t.app.inject({ url: '/open311/v2/requests.json' })).json();
    const p1 = (await t.app.inject({ url: '/open311/v2/requests.json?page_size=2&page=1' })).json();
    const p2 = (await t.app.inject({ url: '/open311/v2/requests.json?page_size=2&page=2' })).json();
    expect(p1).toEqual(all.slice(0, 2));
    expect(p2).toEqual(all.slice(2, 4));
    expect(all[0].notes).toBeUndefined();
    const [ext] = (await t.app.inject({ url: `/open311/v2/requests/${closedId}.json?extensions=true` })).json();
    expect(ext.notes.map((n: any) => n.type)).toEqual(['opened', 'closed']);
    expect(ext.extended_attributes.internal_status).toBe('rejected');
    const xml = await t.app.inject({ url: `/open311/v2/requests/${closedId}.xml?extensions=true` });
    expect(parseList(xml.body).service_requests.request[0].notes.note).toHaveLength(2);
  });

  it('G27 the servicerequestupdates feed lists status changes', async () => {
    const res = await t.app.inject({ url: '/open311/v2/servicerequestupdates.xml' });
    expect(res.statusCode).toBe(200);
    const updates = parseList(res.body).service_request_updates.request_update as any[];
    const closing = updates.find((u) => u.service_request_id === closedId && u.status === 'closed');
    expect(closing).toMatchObject({ external_status_code: 'rejected', description: 'Not a civic issue' });
    const json = (await t.app.inject({ url: '/open311/v2/servicerequestupdates.json' })).json();
    expect(json.length).toBe(updates.length);
    const bad = await t.app.inject({ url: '/open311/v2/servicerequestupdates.json?start_date=soon' });
    expect(bad.statusCode).toBe(400);
  });

  it('hides private and sensitive reports', async () => {
    const hidden = await file();
    await t.database.db.execute(sql`UPDATE reports.reports SET is_public = false WHERE report_number = ${hidden}`);
    expect((await t.app.inject({ url: `/open311/v2/requests/${hidden}.json` })).statusCode).toBe(404);
    const list = (await t.app.inject({ url: '/open311/v2/requests.json' })).json();
    expect(list.map((r: any) => r.service_request_id)).not.toContain(hidden);
  });

  it('refuses unknown query parameters with a 400 error array', async () => {
    const res = await t.app.inject({ url: '/open311/v2/requests.json?sql=1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()[0].code).toBe(400);
  });
});

describe('G28 round trip with the citizen API', () => {
  it('a report filed through /api/v1/reports appears with its code and pin, and closes when resolved', async () => {
    const citizen = await person(t, 'citizen');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: citizen.headers,
      payload: reportBody({ latitude: 23.35, longitude: 85.32 }),
    });
    expect(res.statusCode).toBe(201);
    const { id, report_number } = res.json().report;
    const [got] = (await t.app.inject({ url: `/open311/v2/requests/${report_number}.json` })).json();
    expect(got).toMatchObject({ service_code: 'roads', lat: 23.35, long: 85.32, status: 'open' });

    const officer = await person(t, 'nodal_officer');
    const dept = await one<{ id: number }>(
      t.database.db,
      sql`INSERT INTO reports.departments (name) VALUES ('Public Works') RETURNING id`,
    );
    const { changeStatus } = await import('../reports/workflow.ts');
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE reports.reports SET department_id = ${dept!.id} WHERE id = ${id}`);
      await changeStatus(tx, null, id, 'assigned_to_department');
      await tx.execute(sql`INSERT INTO reports.tasks (report_id, assigned_to) VALUES (${id}, ${officer.id})`);
      for (const s of ['assigned_to_officer', 'acknowledged', 'in_progress', 'pending_verification', 'resolved']) {
        await changeStatus(tx, null, id, s, { notes: s === 'resolved' ? 'Pothole filled' : null });
      }
    });
    const [closed] = (await t.app.inject({ url: `/open311/v2/requests/${report_number}.json` })).json();
    expect(closed).toMatchObject({ status: 'closed', agency_responsible: 'Public Works' });
    expect(closed.status_notes).toBe('Resolved. Pothole filled');
  });
});
