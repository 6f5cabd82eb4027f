// O1, O2, O26 and the OSDI error shape: the entry point, API keys by header or query, and 401/404 bodies.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { example, expectShape, local, osdiClient } from './test/kit.ts';

let t: TestContext;
let client: Awaited<ReturnType<typeof osdiClient>>;
beforeAll(async () => {
  t = await startTestApp();
  client = await osdiClient(t);
});
afterAll(() => t.close());

describe('GET /osdi/v1/ (API entry point)', () => {
  it('answers HAL with the version, page size, namespace, curies and one link per collection and the signup helper', async () => {
    const res = await client.send({ method: 'GET', url: '/osdi/v1/' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/hal\+json/);
    const body = res.json();
    expect(body).toMatchObject({
      vendor_name: 'Caucus',
      osdi_version: '1.2',
      namespace: 'caucus',
      max_pagesize: expect.any(Number),
    });
    expect(body._links.curies).toEqual([
      { name: 'osdi', href: `${t.deps.config.publicUrl}/osdi/docs/v1/{rel}`, templated: true },
    ]);
    expect(body._links.self.href).toBe(`${t.deps.config.publicUrl}/osdi/v1/`);
    for (const rel of ['osdi:people', 'osdi:tags', 'osdi:lists', 'osdi:questions', 'osdi:person_signup_helper']) {
      expect(body._links[rel].href, rel).toMatch(/^http/);
    }
    // Only the collections Caucus serves are advertised.
    expect(body._links['osdi:petitions']).toBeUndefined();
    expectShape(body, example('aep__retrieving_the_api_entry_point_resource_get__response1'), [
      '_links.osdi:petitions',
      '_links.osdi:events',
      '_links.osdi:forms',
      '_links.osdi:fundraising_pages',
      '_links.osdi:donations',
      '_links.osdi:queries',
      '_links.osdi:metadata',
      '_links.osdi:share_pages',
    ]);
    // Every advertised collection answers.
    for (const rel of ['osdi:people', 'osdi:tags', 'osdi:lists', 'osdi:questions']) {
      const followed = await client.send({ method: 'GET', url: local(t, body._links[rel].href) });
      expect(followed.statusCode, rel).toBe(200);
    }
  });

  it('answers without the trailing slash too', async () => {
    const res = await client.send({ method: 'GET', url: '/osdi/v1' });
    expect(res.statusCode).toBe(200);
  });
});

describe('API keys', () => {
  it('refuses a request without a key with 401 and an OSDI error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/osdi/v1/' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body.error).toMatch(/API Key invalid or not present/);
    expect(body['osdi:error']).toMatchObject({
      request_type: 'atomic',
      response_code: 401,
      resource_status: [{ response_code: 401, error_descriptions: [{ error_code: 'API_KEY_INVALID' }] }],
    });
  });

  it('refuses a wrong key, a key of another scope and a revoked key', async () => {
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/osdi/v1/people',
      headers: { 'OSDI-API-Token': 'ck_nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const { createApiKey } = await import('../identity/api-keys.service.ts');
    const open311 = await createApiKey(t.database.db, { actor: null }, { name: 'o311', scope: 'open311' });
    const other = await t.app.inject({
      method: 'GET',
      url: '/osdi/v1/people',
      headers: { 'OSDI-API-Token': open311.key },
    });
    expect(other.statusCode).toBe(401);
    const revoked = await createApiKey(t.database.db, { actor: null }, { name: 'old', scope: 'osdi' });
    await t.database.db.execute(sql`UPDATE identity.api_keys SET revoked_at = now() WHERE id = ${revoked.api_key.id}`);
    const res = await t.app.inject({
      method: 'GET',
      url: '/osdi/v1/people',
      headers: { 'OSDI-API-Token': revoked.key },
    });
    expect(res.statusCode).toBe(401);
  });

  it('accepts the key in the osdi-api-token query parameter and leaves it out of paging links', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/osdi/v1/people?osdi-api-token=${client.key}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()._links.self.href).not.toContain(client.key);
  });

  it('records the use of the key', async () => {
    const rows = await t.database.query<{ last_used_at: string | null }>(
      'SELECT last_used_at FROM identity.api_keys WHERE key_prefix = $1',
      [client.key.slice(0, 11)],
    );
    expect(rows.rows[0].last_used_at).not.toBeNull();
  });
});

describe('errors', () => {
  it('answers an unknown or non-numeric id with 404 in the OSDI shape', async () => {
    for (const id of ['999999', 'd91b4b2e-ae0e-4cd3-9ed7-de9uemdse', '0']) {
      const res = await client.send({ method: 'GET', url: `/osdi/v1/people/${id}` });
      expect(res.statusCode, id).toBe(404);
      expect(res.json()['osdi:error'].response_code).toBe(404);
    }
  });

  it('answers a collection Caucus does not serve with an OSDI 404', async () => {
    const res = await client.send({ method: 'POST', url: '/osdi/v1/petitions', payload: { title: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()['osdi:error'].response_code).toBe(404);
  });

  it('answers hostile input with 4xx, never 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['GET', '/osdi/v1/people?page=0', undefined],
      ['GET', '/osdi/v1/people?page=abc', undefined],
      ['GET', '/osdi/v1/people?per_page=-1', undefined],
      ['GET', `/osdi/v1/people?filter=${encodeURIComponent("given_name eq '\u0000'")}`, undefined],
      ['GET', `/osdi/v1/people?filter=${'('.repeat(500)}`, undefined],
      ['POST', '/osdi/v1/people', 'not json at all'],
      ['POST', '/osdi/v1/people', [1, 2, 3]],
      ['POST', '/osdi/v1/people', { given_name: 'x'.repeat(5000), email_addresses: [{ address: 'a@b.co' }] }],
      ['POST', '/osdi/v1/people', { given_name: 'A', family_name: 'B', email_addresses: 'nope' }],
      [
        'POST',
        '/osdi/v1/people',
        { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'a\u0000@b.co' }] },
      ],
      ['POST', '/osdi/v1/people', { given_name: 'A', family_name: 'B', phone_numbers: [{ number: { x: 1 } }] }],
      [
        'POST',
        '/osdi/v1/people',
        { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'z@b.co' }], birthdate: { year: 'x' } },
      ],
      ['POST', '/osdi/v1/people/person_signup_helper', { person: 'x' }],
      ['POST', '/osdi/v1/people/person_signup_helper', { person: {}, add_tags: [{ a: 1 }] }],
      ['POST', '/osdi/v1/tags', { name: '' }],
      ['POST', '/osdi/v1/lists', {}],
      ['POST', '/osdi/v1/questions', { title: 'Q', question_type: 'Nope' }],
      ['PUT', '/osdi/v1/people/1', { given_name: null }],
      ['POST', '/osdi/v1/people/1/record_canvass_helper', { canvass: { action_date: 'yesterday' } }],
    ];
    for (const [method, url, payload] of cases) {
      const res = await client.send({
        method: method as 'GET',
        url,
        ...(payload === undefined
          ? {}
          : typeof payload === 'string'
            ? { payload, headers: { 'content-type': 'application/json' } }
            : { payload: payload as object }),
      });
      expect(
        res.statusCode,
        `${method} ${url} ${JSON.stringify(payload)?.slice(0, 80)} -> ${res.body}`,
      ).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(res.json()['osdi:error'], `${method} ${url}`).toBeDefined();
    }
  });
});
