// Tags and taggings (O17, O18), lists and items, questions and answers (O21), and invalid creates (O24), each
// against the spec's create request and response examples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { example, expectShape, local, osdiClient } from './test/kit.ts';

let t: TestContext;
let client: Awaited<ReturnType<typeof osdiClient>>;
let personHref: string;
let personId: number;

beforeAll(async () => {
  t = await startTestApp();
  client = await osdiClient(t);
  const res = await client.send({
    method: 'POST',
    url: '/osdi/v1/people',
    payload: { given_name: 'Tia', family_name: 'Tagged', email_addresses: [{ address: 'tia@example.com' }] },
  });
  personHref = res.json()._links.self.href;
  personId = Number(res.json().identifiers[0].split(':')[1]);
});
afterAll(() => t.close());

/** A nested-create request example with its osdi:person link pointed at our person. */
function withPerson(name: string) {
  const body = example(name);
  body._links['osdi:person'].href = personHref;
  return body;
}

const isCollection = (body: any, rel: string) => {
  for (const key of ['page', 'per_page', 'total_pages', 'total_records'])
    expect(Number.isInteger(body[key]), key).toBe(true);
  expect(Array.isArray(body._links[rel])).toBe(true);
  expect(Array.isArray(body._embedded[rel])).toBe(true);
  expect(body._links.self.href).toMatch(/^http/);
};

describe('tags and taggings', () => {
  it('creates, reads, lists, renames and deletes tags; a known name answers the same tag (O17)', async () => {
    const res = await client.send({
      method: 'POST',
      url: '/osdi/v1/tags/',
      payload: example('tags__creating_a_new_tag_post__request3'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const tag = res.json();
    expectShape(tag, example('tags__creating_a_new_tag_post__response4'), [
      'origin_system',
      '_links.osdi:creator',
      'identifiers',
    ]);
    expect(tag.name).toBe('Volunteers');
    const same = (await client.send({ method: 'POST', url: '/osdi/v1/tags', payload: { name: 'volunteers' } })).json();
    expect(same.identifiers[0]).toBe(tag.identifiers[0]);
    const read = await client.send({ method: 'GET', url: local(t, tag._links.self.href) });
    // The example tag has a description; this one was created without one.
    expectShape(read.json(), example('tags__retrieving_an_individual_tag_resource_get__response2'), [
      'origin_system',
      'description',
      '_links.osdi:creator',
      '_links.osdi:modified_by',
      'identifiers',
    ]);
    const all = (await client.send({ method: 'GET', url: '/osdi/v1/tags' })).json();
    isCollection(all, 'osdi:tags');
    expectShape(all, example('tags__retrieving_a_collection_of_tag_resources_get__response1'), [
      '_links.next',
      '_embedded.osdi:tags[].origin_system',
      '_embedded.osdi:tags[].identifiers',
      '_embedded.osdi:tags[]._links.osdi:creator',
      '_embedded.osdi:tags[]._links.osdi:modified_by',
      '_embedded.osdi:tags[].description',
    ]);
    const renamed = await client.send({
      method: 'PUT',
      url: local(t, tag._links.self.href),
      payload: example('tags__modifying_a_tag_put__request5'),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe(example('tags__modifying_a_tag_put__request5').name ?? 'Volunteers');
    const temp = (await client.send({ method: 'POST', url: '/osdi/v1/tags', payload: { name: 'temporary' } })).json();
    const gone = await client.send({ method: 'DELETE', url: local(t, temp._links.self.href) });
    expect(gone.statusCode).toBe(200);
    expect(gone.json().notice).toMatch(/deleted/);
    expect((await client.send({ method: 'GET', url: local(t, temp._links.self.href) })).statusCode).toBe(404);
  });

  it('tags a person through _links.osdi:person; the person lists it; DELETE removes it (O18)', async () => {
    const tag = (await client.send({ method: 'POST', url: '/osdi/v1/tags', payload: { name: 'Donors' } })).json();
    const res = await client.send({
      method: 'POST',
      url: `${local(t, tag._links['osdi:taggings'].href)}/`,
      payload: withPerson('taggings__creating_a_new_tagging_post__request3'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const tagging = res.json();
    expectShape(tagging, example('taggings__creating_a_new_tagging_post__response4'), ['identifiers']);
    expect(tagging.item_type).toBe('osdi:person');
    expect(tagging._links['osdi:person'].href).toBe(personHref);
    expect(tagging._links['osdi:tag'].href).toBe(tag._links.self.href);
    const byTag = (await client.send({ method: 'GET', url: local(t, tag._links['osdi:taggings'].href) })).json();
    isCollection(byTag, 'osdi:taggings');
    expect(byTag._embedded['osdi:taggings']).toHaveLength(1);
    const byPerson = (await client.send({ method: 'GET', url: `/osdi/v1/people/${personId}/taggings` })).json();
    expect(byPerson._links['osdi:taggings'].map((l: any) => l.href)).toContain(tagging._links.self.href);
    expect((await client.send({ method: 'GET', url: local(t, tagging._links.self.href) })).json()).toEqual(tagging);
    expect((await client.send({ method: 'DELETE', url: local(t, tagging._links.self.href) })).statusCode).toBe(200);
    const after = (await client.send({ method: 'GET', url: `/osdi/v1/people/${personId}/taggings` })).json();
    expect(after.total_records).toBe(0);
  });

  it('refuses a tagging whose person link is not one of our people', async () => {
    const tag = (await client.send({ method: 'POST', url: '/osdi/v1/tags', payload: { name: 'Linkless' } })).json();
    for (const links of [
      undefined,
      { 'osdi:person': { href: 'https://elsewhere.example/people/abc' } },
      { 'osdi:person': { href: `${t.deps.config.publicUrl}/osdi/v1/people/999999` } },
    ]) {
      const res = await client.send({
        method: 'POST',
        url: local(t, tag._links['osdi:taggings'].href),
        payload: { _links: links },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()['osdi:error'].resource_status[0].error_descriptions[0].error_code).toBe('PERSON_LINK_INVALID');
    }
  });
});

describe('lists and items', () => {
  it('creates a list and an item from the spec examples; both sides list the item (O21)', async () => {
    const res = await client.send({
      method: 'POST',
      url: '/osdi/v1/lists',
      payload: example('lists__creating_a_new_list_post__request3'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    const listSkips = [
      'origin_system',
      'browser_url',
      'administrative_url',
      'identifiers',
      '_links.osdi:taggings',
      '_links.osdi:creator',
      '_links.osdi:modified_by',
    ];
    expectShape(list, example('lists__creating_a_new_list_post__response4'), listSkips);
    expect(list).toMatchObject({
      name: 'Volunteers',
      summary: 'A list containing all of our volunteers',
      total_items: 0,
    });
    const item = await client.send({
      method: 'POST',
      url: local(t, list._links['osdi:items'].href),
      payload: withPerson('items__creating_a_new_item_post__request3'),
    });
    expect(item.statusCode, item.body).toBe(200);
    expectShape(item.json(), example('items__creating_a_new_item_post__response4'), ['identifiers']);
    expect((await client.send({ method: 'GET', url: local(t, item.json()._links.self.href) })).json()).toEqual(
      item.json(),
    );
    const read = (await client.send({ method: 'GET', url: local(t, list._links.self.href) })).json();
    expectShape(read, example('lists__retrieving_an_individual_list_resource_get__response2'), listSkips);
    expect(read.total_items).toBe(1);
    const items = (await client.send({ method: 'GET', url: local(t, list._links['osdi:items'].href) })).json();
    isCollection(items, 'osdi:items');
    expect(items.total_records).toBe(1);
    const mine = (await client.send({ method: 'GET', url: `/osdi/v1/people/${personId}/items` })).json();
    expect(mine._embedded['osdi:items'][0]._links['osdi:list'].href).toBe(list._links.self.href);
    isCollection((await client.send({ method: 'GET', url: '/osdi/v1/lists' })).json(), 'osdi:lists');
    const put = await client.send({
      method: 'PUT',
      url: local(t, list._links.self.href),
      payload: example('lists__modifying_a_list_put__request5'),
    });
    expect(put.statusCode).toBe(200);
    expect((await client.send({ method: 'DELETE', url: local(t, item.json()._links.self.href) })).statusCode).toBe(200);
    expect((await client.send({ method: 'DELETE', url: local(t, list._links.self.href) })).json().notice).toMatch(
      /deleted/,
    );
  });
});

describe('questions and answers', () => {
  it('creates the spec question and answers it for a person (O21)', async () => {
    const res = await client.send({
      method: 'POST',
      url: '/osdi/v1/questions/',
      payload: example('questions__creating_a_new_question_post__request3'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const question = res.json();
    const skips = [
      'origin_system',
      'identifiers',
      'description',
      'summary',
      '_links.osdi:creator',
      '_links.osdi:modified_by',
    ];
    expectShape(question, example('questions__creating_a_new_question_post__response4'), skips);
    expect(question.question_type).toBe('MultiChoice');
    // possible_answers is a jsonb object, so responses come back in jsonb key order (see CHECKLIST.md).
    expect(question.responses.map((r: any) => [r.key, r.title]).sort()).toEqual([
      ['ec', 'Economy and jobs'],
      ['env', 'Environment'],
      ['hc', 'Health care'],
    ]);
    const row = await t.database.query(
      'SELECT question_type, possible_answers FROM voters.survey_questions WHERE question_id = $1',
      [Number(question.identifiers[0].split(':')[1])],
    );
    expect(row.rows[0]).toEqual({
      question_type: 'Multiple Choice',
      possible_answers: { hc: 'Health care', env: 'Environment', ec: 'Economy and jobs' },
    });
    const answer = await client.send({
      method: 'POST',
      url: local(t, question._links['osdi:answers'].href),
      payload: withPerson('answers__creating_a_new_answer_post__request3'),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expectShape(answer.json(), example('answers__creating_a_new_answer_post__response4'), ['identifiers']);
    expect(answer.json()).toMatchObject({ responses: ['hc', 'env'], action_date: '2014-03-18T11:02:15.000Z' });
    expect((await client.send({ method: 'GET', url: local(t, answer.json()._links.self.href) })).json()).toEqual(
      answer.json(),
    );
    const byQuestion = (
      await client.send({ method: 'GET', url: local(t, question._links['osdi:answers'].href) })
    ).json();
    isCollection(byQuestion, 'osdi:answers');
    expect(byQuestion.total_records).toBe(1);
    const byPerson = (await client.send({ method: 'GET', url: `/osdi/v1/people/${personId}/answers` })).json();
    expect(byPerson._embedded['osdi:answers'][0]._links['osdi:question'].href).toBe(question._links.self.href);
    isCollection((await client.send({ method: 'GET', url: '/osdi/v1/questions' })).json(), 'osdi:questions');
    const bad = await client.send({
      method: 'POST',
      url: local(t, question._links['osdi:answers'].href),
      payload: { ...withPerson('answers__creating_a_new_answer_post__request3'), responses: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect((await client.send({ method: 'DELETE', url: local(t, question._links.self.href) })).statusCode).toBe(200);
  });

  it('answers the errors.md example with 400 and both error descriptions (O24)', async () => {
    const res = await client.send({
      method: 'POST',
      url: '/osdi/v1/questions/',
      payload: example('errors__misc__block1'),
    });
    expect(res.statusCode).toBe(400);
    const error = res.json()['osdi:error'];
    expect(error).toMatchObject({ request_type: 'atomic', response_code: 400 });
    expect(error.resource_status[0].resource).toBe('osdi:question');
    const codes = error.resource_status[0].error_descriptions.map((d: any) => d.error_code);
    expect(codes).toContain('PARAGRAPH_CANNOT_HAVE_RESPONSES');
    expect(codes).toContain('RESPONSE_NAME_INVALID');
    const invalid = error.resource_status[0].error_descriptions.find(
      (d: any) => d.error_code === 'RESPONSE_NAME_INVALID',
    );
    expect(invalid).toMatchObject({ properties: ['responses[2].key'], hint: '^[A-Za-z0-9_]+$' });
  });

  it('answers a Paragraph question with a value', async () => {
    const q = (
      await client.send({
        method: 'POST',
        url: '/osdi/v1/questions',
        payload: { title: 'Why?', question_type: 'Paragraph' },
      })
    ).json();
    expect(q.responses).toBeUndefined();
    const res = await client.send({
      method: 'POST',
      url: local(t, q._links['osdi:answers'].href),
      payload: { value: 'Because', _links: { 'osdi:person': { href: personHref } } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().value).toBe('Because');
  });
});
