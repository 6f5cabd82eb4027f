// The person signup helper (O10–O14, O23) and the record canvass helper (O22), from the spec's requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { example, expectShape, local, osdiClient } from './test/kit.ts';

let t: TestContext;
let client: Awaited<ReturnType<typeof osdiClient>>;
let signupUrl: string;
const api = () => `${t.deps.config.publicUrl}/osdi/v1`;

beforeAll(async () => {
  t = await startTestApp();
  client = await osdiClient(t);
  signupUrl = local(
    t,
    (await client.send({ method: 'GET', url: '/osdi/v1/' })).json()._links['osdi:person_signup_helper'].href,
  );
  for (const name of ['volunteer', 'donor']) {
    expect((await client.send({ method: 'POST', url: '/osdi/v1/tags', payload: { name } })).statusCode).toBe(200);
  }
  expect(
    (await client.send({ method: 'POST', url: '/osdi/v1/lists', payload: { name: 'supporters' } })).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

const idOf = (person: { identifiers: string[] }) => Number(person.identifiers[0].split(':')[1]);

async function tagNames(voterId: number): Promise<string[]> {
  const res = await client.send({ method: 'GET', url: `/osdi/v1/people/${voterId}/taggings` });
  const names: string[] = [];
  for (const tagging of res.json()._embedded['osdi:taggings']) {
    names.push((await client.send({ method: 'GET', url: local(t, tagging._links['osdi:tag'].href) })).json().name);
  }
  return names.sort();
}

describe('person signup helper', () => {
  it('is advertised by the AEP and takes the spec request: person, tags, list; twice -> one person (O10, O11)', async () => {
    const request = example('person_signup__creating_a_new_person_post__request1');
    const first = await client.send({ method: 'POST', url: signupUrl, payload: request });
    expect(first.statusCode, first.body).toBe(200);
    const person = first.json();
    // The example's bare "id" is not an OSDI field: the id is in identifiers.
    expectShape(person, example('person_signup__creating_a_new_person_post__response2'), [
      'id',
      'browser_url',
      'administrative_url',
      'origin_system',
      'postal_addresses[].status',
      'phone_numbers[].number',
      '_links.osdi:attendance',
      '_links.osdi:signatures',
      '_links.osdi:submissions',
      '_links.osdi:donations',
      '_links.osdi:outreaches',
    ]);
    const id = idOf(person);
    expect(person.identifiers).toContain('foreign_system:1');
    expect(await tagNames(id)).toEqual(['donor', 'volunteer']);
    const items = (await client.send({ method: 'GET', url: `/osdi/v1/people/${id}/items` })).json();
    expect(items.total_records).toBe(1);

    const second = await client.send({ method: 'POST', url: `${signupUrl}/`, payload: request });
    expect(second.statusCode).toBe(200);
    expect(second.json().identifiers[0]).toBe(person.identifiers[0]);
    const n = await t.database.query(
      "SELECT count(*)::int AS n FROM voters.voters WHERE email_address = 'test-3@example.com'",
    );
    expect(n.rows[0].n).toBe(1);
    const timeline = await t.database.query(
      "SELECT count(*)::int AS n FROM voters.interactions WHERE voter_id = $1 AND outcome = 'Signed Up' AND source_module = 'interop'",
      [id],
    );
    expect(timeline.rows[0].n).toBe(2);
  });

  it('merges: a new phone fills the empty phone; the email, names and address are kept (O11)', async () => {
    const first = await client.send({
      method: 'POST',
      url: signupUrl,
      payload: {
        person: {
          given_name: 'Mia',
          family_name: 'Merge',
          email_addresses: [{ address: 'mia@example.com', primary: true }],
          postal_addresses: [{ address_lines: ['2 Elm St'], locality: 'Durham', region: 'NC', postal_code: '27701' }],
        },
        add_tags: ['volunteer'],
      },
    });
    const again = await client.send({
      method: 'POST',
      url: signupUrl,
      payload: {
        person: {
          given_name: 'Someone',
          family_name: 'Else',
          email_addresses: [{ address: 'MIA@example.com' }],
          phone_numbers: [{ number: '19195550123', primary: true }],
          postal_addresses: [{ address_lines: ['9 Other Rd'], locality: 'Cary' }],
        },
      },
    });
    expect(again.statusCode).toBe(200);
    const merged = again.json();
    expect(merged.identifiers[0]).toBe(first.json().identifiers[0]);
    expect(merged).toMatchObject({
      given_name: 'Mia',
      family_name: 'Merge',
      email_addresses: [{ address: 'mia@example.com' }],
      phone_numbers: [{ number: '19195550123' }],
      postal_addresses: [{ address_lines: ['2 Elm St'], locality: 'Durham' }],
    });
    // Matched by phone when the email is new to us.
    const byPhone = await client.send({
      method: 'POST',
      url: signupUrl,
      payload: { person: { phone_numbers: [{ number: '+1 919 555 0123' }] }, add_tags: ['donor'] },
    });
    expect(byPhone.json().identifiers[0]).toBe(merged.identifiers[0]);
    expect(await tagNames(idOf(merged))).toEqual(['donor', 'volunteer']);
  });

  it('ignores unknown tags and still saves the person (O12); remove_tags removes', async () => {
    const res = await client.send({
      method: 'POST',
      url: signupUrl,
      payload: {
        person: { given_name: 'Uma', family_name: 'Unknown', email_addresses: [{ address: 'uma@example.com' }] },
        add_tags: ['no-such-tag', 'volunteer'],
        add_lists_uri: [`${api()}/lists/424242`],
      },
    });
    expect(res.statusCode).toBe(200);
    const id = idOf(res.json());
    expect(await tagNames(id)).toEqual(['volunteer']);
    const removed = await client.send({
      method: 'POST',
      url: signupUrl,
      payload: { person: { email_addresses: [{ address: 'uma@example.com' }] }, remove_tags: ['volunteer'] },
    });
    expect(removed.statusCode).toBe(200);
    expect(await tagNames(id)).toEqual([]);
  });

  it('changes the email status only when a status is sent (O13)', async () => {
    const person = { given_name: 'Sam', family_name: 'Status', email_addresses: [{ address: 'sam@example.com' }] };
    const created = (await client.send({ method: 'POST', url: signupUrl, payload: { person } })).json();
    expect(created.email_addresses[0].status).toBe('subscribed');
    const unsub = await client.send({
      method: 'POST',
      url: signupUrl,
      payload: { person: { email_addresses: [{ address: 'sam@example.com', status: 'unsubscribed' }] } },
    });
    expect(unsub.json().email_addresses[0].status).toBe('unsubscribed');
    const silent = await client.send({ method: 'POST', url: signupUrl, payload: { person } });
    expect(silent.json().email_addresses[0].status).toBe('unsubscribed');
  });

  it('refuses a person with neither email nor phone, and a new person without names (O14)', async () => {
    for (const person of [
      { given_name: 'No', family_name: 'Contact' },
      { email_addresses: [{ address: 'nameless@example.com' }] },
    ]) {
      const res = await client.send({ method: 'POST', url: signupUrl, payload: { person } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()['osdi:error'].resource_status[0].error_descriptions[0].error_code).toMatch(/REQUIRED/);
    }
    const none = await client.send({ method: 'POST', url: signupUrl, payload: { add_tags: ['volunteer'] } });
    expect(none.statusCode).toBe(400);
    const count = await t.database.query(
      "SELECT count(*)::int AS n FROM voters.voters WHERE email_address = 'nameless@example.com'",
    );
    expect(count.rows[0].n).toBe(0);
  });

  it('takes an anonymous POST (browser form) and answers {} without data (O23)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: signupUrl,
      payload: {
        person: { given_name: 'Anon', family_name: 'Form', email_addresses: [{ address: 'anon@example.com' }] },
        add_tags: ['volunteer'],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({});
    const saved = await client.send({
      method: 'GET',
      url: `/osdi/v1/people?filter=${encodeURIComponent("email_address eq 'anon@example.com'")}`,
    });
    const person = saved.json()._embedded['osdi:people'][0];
    expect(person.given_name).toBe('Anon');
    expect(await tagNames(idOf(person))).toEqual(['volunteer']);
    // Anonymous callers may not remove tags, and a wrong key is refused even here.
    await t.app.inject({
      method: 'POST',
      url: signupUrl,
      payload: { person: { email_addresses: [{ address: 'anon@example.com' }] }, remove_tags: ['volunteer'] },
    });
    expect(await tagNames(idOf(person))).toEqual(['volunteer']);
    const wrong = await t.app.inject({
      method: 'POST',
      url: signupUrl,
      headers: { 'OSDI-API-Token': 'ck_wrong-wrong-wrong' },
      payload: { person: { email_addresses: [{ address: 'anon@example.com' }] } },
    });
    expect(wrong.statusCode).toBe(401);
  });
});

describe('record canvass helper', () => {
  it('records the spec canvass: a Canvass interaction, its answers and tags, in one transaction (O22)', async () => {
    const target = idOf(
      (
        await client.send({
          method: 'POST',
          url: '/osdi/v1/people',
          payload: { given_name: 'Cal', family_name: 'Target', email_addresses: [{ address: 'cal@example.com' }] },
        })
      ).json(),
    );
    const choice = (
      await client.send({
        method: 'POST',
        url: '/osdi/v1/questions',
        payload: {
          title: 'Issues',
          question_type: 'MultiChoice',
          responses: [
            { key: 'r1', title: 'One' },
            { key: 'r2', title: 'Two' },
          ],
        },
      })
    ).json();
    const open = (
      await client.send({
        method: 'POST',
        url: '/osdi/v1/questions',
        payload: { title: 'How did you hear?', question_type: 'Paragraph' },
      })
    ).json();
    const request = example('record_canvass__creating_a_new_canvass_post__request1');
    request.add_questions_responses_uri[0].question = choice._links.self.href;
    request.add_questions_responses_uri[1].question = open._links.self.href;
    const person = await client.send({ method: 'GET', url: `/osdi/v1/people/${target}` });
    const res = await client.send({
      method: 'POST',
      url: local(t, person.json()._links['osdi:record_canvass_helper'].href),
      payload: request,
    });
    expect(res.statusCode, res.body).toBe(200);
    const canvass = res.json();
    expectShape(canvass, example('record_canvass__creating_a_new_canvass_post__response2'), [
      '_links.osdi:taggings',
      '_links.osdi:canvasser',
    ]);
    expect(canvass).toMatchObject({
      action_date: '2014-03-18T11:02:15.000Z',
      contact_type: 'in-person',
      input_type: 'mobile',
      success: true,
    });
    expect(canvass._links['osdi:target'].href).toBe(`${api()}/people/${target}`);
    const interactionId = Number(canvass.identifiers[0].split(':')[1]);
    const row = await t.database.query(
      'SELECT interaction_type, outcome, source_module, interaction_date FROM voters.interactions WHERE interaction_id = $1',
      [interactionId],
    );
    expect(row.rows[0]).toMatchObject({ interaction_type: 'Canvass', outcome: 'Contacted', source_module: 'interop' });
    const answers = (await client.send({ method: 'GET', url: local(t, canvass._links['osdi:answers'].href) })).json();
    expect(answers.total_records).toBe(2);
    const values = answers._embedded['osdi:answers'].map((a: any) => a.responses ?? a.value);
    expect(values).toEqual([['r1', 'r2'], 'Heard about the candidate at the Labor Day Picnic']);
    expect(await tagNames(target)).toEqual(['donor', 'volunteer']);
    const again = await client.send({ method: 'GET', url: local(t, canvass._links.self.href) });
    expect(again.json()).toEqual(canvass);
    const list = (await client.send({ method: 'GET', url: `/osdi/v1/people/${target}/canvasses` })).json();
    expect(list._embedded['osdi:canvasses']).toHaveLength(1);
  });

  it("names the canvasser: the person of the key's user", async () => {
    const canvasser = idOf(
      (
        await client.send({
          method: 'POST',
          url: '/osdi/v1/people',
          payload: {
            given_name: 'Can',
            family_name: 'Vasser',
            email_addresses: [{ address: 'canvasser@example.com' }],
          },
        })
      ).json(),
    );
    await t.database.query('UPDATE identity.users SET voter_id = $1 WHERE id = $2', [canvasser, client.userId]);
    const target = idOf(
      (
        await client.send({
          method: 'POST',
          url: '/osdi/v1/people',
          payload: { given_name: 'Not', family_name: 'Home', email_addresses: [{ address: 'nothome@example.com' }] },
        })
      ).json(),
    );
    const res = await client.send({
      method: 'POST',
      url: `/osdi/v1/people/${target}/record_canvass_helper`,
      payload: { canvass: { contact_type: 'in-person', success: false, status_code: 'not-home' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()._links['osdi:canvasser'].href).toBe(`${api()}/people/${canvasser}`);
    const row = await t.database.query(
      "SELECT outcome FROM voters.interactions WHERE voter_id = $1 AND interaction_type = 'Canvass'",
      [target],
    );
    expect(row.rows[0].outcome).toBe('Not Home');
  });

  it('rolls everything back when an answer is invalid, and needs a key', async () => {
    const target = idOf(
      (
        await client.send({
          method: 'POST',
          url: '/osdi/v1/people',
          payload: { given_name: 'Roll', family_name: 'Back', email_addresses: [{ address: 'rollback@example.com' }] },
        })
      ).json(),
    );
    const q = (
      await client.send({
        method: 'POST',
        url: '/osdi/v1/questions',
        payload: { title: 'Pick', question_type: 'SingleChoice', responses: [{ key: 'a', title: 'A' }] },
      })
    ).json();
    const res = await client.send({
      method: 'POST',
      url: `/osdi/v1/people/${target}/record_canvass_helper`,
      payload: {
        canvass: { success: true },
        add_tags: ['volunteer'],
        add_questions_responses_uri: [{ question: q._links.self.href, responses: ['zzz'] }],
      },
    });
    expect(res.statusCode).toBe(400);
    const rows = await t.database.query(
      'SELECT (SELECT count(*)::int FROM voters.interactions WHERE voter_id = $1) AS i, (SELECT count(*)::int FROM voters.voter_tags WHERE voter_id = $1) AS t',
      [target],
    );
    expect(rows.rows[0]).toEqual({ i: 0, t: 0 });
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/osdi/v1/people/${target}/record_canvass_helper`,
      payload: example('record_canvass__creating_a_new_canvass_without_authentication_post__request3'),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (
        await client.send({
          method: 'POST',
          url: '/osdi/v1/people/999999/record_canvass_helper',
          payload: { canvass: {} },
        })
      ).statusCode,
    ).toBe(404);
  });
});
