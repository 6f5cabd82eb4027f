// Round trip of real cities' captures (Washington DC, Boston, the spec's examples): the same categories and
// attributes loaded here must come out of our API with the same element names, nesting and field set.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { dcPotholeAttributes, form, formHeaders, open311Key, parseList, setAttributes } from './test/setup.ts';
import { elementPaths, fixture } from './test/xml-shape.ts';

let t: TestContext;
let key: string;
const dcServices = parseList(fixture('dc-services.xml')).services.service as Record<string, string>[];
const codeOf = (serviceCode: string) => serviceCode.toLowerCase().replace(/[^a-z0-9_]/g, '_');

beforeAll(async () => {
  t = await startTestApp();
  key = await open311Key(t);
  // DC's services as our categories (codes lower-cased: our category codes are lower-case).
  await t.database.db.execute(sql`UPDATE reports.categories SET is_public = false`);
  for (const s of dcServices) {
    await t.database.db.execute(sql`
      INSERT INTO reports.categories (code, name, description, keywords, service_group, service_type, attributes)
      VALUES (${codeOf(s.service_code)}, ${s.service_name}, ${s.description}, ${s.keywords}, ${s.group}, ${s.type},
        ${JSON.stringify(s.metadata === 'true' ? [{ code: 'X', datatype: 'string', order: 1, description: 'x' }] : [])}::jsonb)
      ON CONFLICT (code) DO NOTHING`);
  }
  await setAttributes(t, 's0301', dcPotholeAttributes());
});
afterAll(() => t.close());

describe('services (dc-services.xml)', () => {
  it('has the same elements and nesting as DC', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.xml' });
    expect(res.statusCode).toBe(200);
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('dc-services.xml')));
  });

  it('gives back every DC service with its fields', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.xml' });
    const ours = parseList(res.body).services.service as Record<string, string>[];
    expect(ours).toHaveLength(new Set(dcServices.map((s) => codeOf(s.service_code))).size);
    const byCode = new Map(ours.map((s) => [s.service_code, s]));
    for (const s of dcServices) {
      const mine = byCode.get(codeOf(s.service_code))!;
      expect(mine).toMatchObject({
        service_name: s.service_name,
        metadata: s.metadata,
        type: s.type,
        keywords: s.keywords,
        group: s.group,
      });
      expect(mine.description.trim()).toBe(s.description.trim());
    }
  });

  it('JSON is a bare array of the same fields', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services.json' });
    const list = res.json();
    expect(Array.isArray(list)).toBe(true);
    expect(Object.keys(list[0]).sort()).toEqual(Object.keys(dcServices[0]).sort());
  });
});

describe('service definition (dc-services-S0301.xml)', () => {
  it('has the same elements and nesting and the same attributes', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services/s0301.xml' });
    expect(res.statusCode).toBe(200);
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('dc-services-S0301.xml')));
    const ours = parseList(res.body).service_definition.attributes.attribute as any[];
    const theirs = parseList(fixture('dc-services-S0301.xml')).service_definition.attributes.attribute as any[];
    const byCode = (list: any[]) => Object.fromEntries(list.map((a) => [a.code, a]));
    expect(byCode(ours)).toEqual(byCode(theirs));
    expect(ours.map((a) => Number(a.order))).toEqual([1, 2, 3, 4, 8, 9]);
  });

  it('JSON is an object with attributes and values arrays', async () => {
    const res = await t.app.inject({ url: '/open311/v2/services/s0301.json' });
    const def = res.json();
    expect(def.service_code).toBe('s0301');
    const where = def.attributes.find((a: any) => a.code === 'WHISPOLO');
    expect(where).toEqual({
      variable: true,
      code: 'WHISPOLO',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: 'Optional List of Values',
      order: 1,
      description: 'Where is the pothole located?',
      values: [
        { key: 'ALLEY002', name: 'Alley' },
        { key: 'STREE001', name: 'Street' },
      ],
    });
  });
});

describe('requests (service-request.xml, service-requests.xml)', () => {
  let id: string;
  beforeAll(async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: formHeaders,
      payload: form([
        ['api_key', key],
        ['service_code', 's0301'],
        ['lat', '38.8977'],
        ['long', '-77.0365'],
        ['address_string', '1600 Pennsylvania Ave NW'],
        ['description', 'Pothole in the right lane'],
        ['attribute[WHISPOLO]', 'STREE001'],
      ]),
    });
    expect(res.statusCode).toBe(200);
    id = res.json()[0].service_request_id;
  });

  it('one request has the same elements as the spec example', async () => {
    const res = await t.app.inject({ url: `/open311/v2/requests/${id}.xml` });
    expect(res.statusCode).toBe(200);
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('service-request.xml')));
  });

  it('the list has the same elements as the spec example', async () => {
    const res = await t.app.inject({ url: '/open311/v2/requests.xml' });
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('service-requests.xml')));
  });

  it('JSON requests carry the same field set', async () => {
    const res = await t.app.inject({ url: `/open311/v2/requests/${id}.json` });
    const fields = Object.keys(parseList(fixture('service-request.xml')).service_requests.request[0]).sort();
    expect(Object.keys(res.json()[0]).sort()).toEqual(fields);
  });
});

describe('discovery (discovery-dc.xml, discovery-boston.json)', () => {
  it('XML has the same elements and nesting as DC', async () => {
    const res = await t.app.inject({ url: '/open311/discovery.xml' });
    expect(res.statusCode).toBe(200);
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('discovery-dc.xml')));
  });

  it('JSON has the same keys as Boston, at every level', async () => {
    const res = await t.app.inject({ url: '/open311/discovery.json' });
    const boston = JSON.parse(fixture('discovery-boston.json'));
    const ours = res.json();
    expect(Object.keys(ours).sort()).toEqual(Object.keys(boston).sort());
    expect(Object.keys(ours.endpoints[0]).sort()).toEqual(Object.keys(boston.endpoints[0]).sort());
  });
});

describe('errors and tokens (Boston captures, token.xml)', () => {
  it('an error array has the same elements as Boston', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: formHeaders,
      payload: form([
        ['api_key', key],
        ['service_code', 's0301'],
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('boston-err-submitrequest-base_is_duplicate.xml')));
  });

  it('a batch service answers a token like Boston, and the token resolves like token.xml', async () => {
    await t.database.db.execute(sql`UPDATE reports.categories SET service_type = 'batch' WHERE code = 's0000'`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: formHeaders,
      payload: form([
        ['api_key', key],
        ['service_code', 's0000'],
        ['lat', '38.9'],
        ['long', '-77.0'],
        ['attribute[X]', 'v'],
      ]),
    });
    expect(res.statusCode).toBe(200);
    expect(elementPaths(res.body)).toEqual(elementPaths(fixture('boston-submitrequest-token.xml')));
    const token = parseList(res.body).service_requests.request[0].token;
    const resolved = await t.app.inject({ url: `/open311/v2/tokens/${token}.xml` });
    expect(resolved.statusCode).toBe(200);
    expect(elementPaths(resolved.body)).toEqual(elementPaths(fixture('token.xml')));
    expect(parseList(resolved.body).service_requests.request[0].service_request_id).toMatch(/^CL-\d{4}-RNC-\d{5}$/);
  });
});
