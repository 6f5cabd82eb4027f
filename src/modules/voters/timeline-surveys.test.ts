// Interactions, survey questions/responses, tags and lists through the HTTP API, and the voter profile.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../db/client.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { logInteraction } from './interactions.service.ts';
import { type Caller, caller, expectProblem, makeCampaign, makeVoter } from './test/kit.ts';

let t: TestContext;
let admin: Caller;
let viewer: Caller;
beforeAll(async () => {
  t = await startTestApp();
  admin = await caller(t, 'admin');
  viewer = await caller(t, 'viewer');
});
afterAll(() => t.close());

describe('interactions', () => {
  it('logs, filters, corrects and deletes; engagement follows; timeline shows every module newest first', async () => {
    const voterId = await makeVoter(admin);
    const campaignId = await makeCampaign(admin);
    const res = await admin.send({
      method: 'POST',
      url: '/api/v1/interactions',
      payload: {
        voter_id: voterId,
        campaign_id: campaignId,
        interaction_type: 'Phone Call',
        outcome: 'Pledged Support',
        duration_minutes: 4,
        interaction_date: '2026-11-20T10:00:00Z',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().interaction;
    expect(created).toMatchObject({
      user_id: admin.userId,
      source_module: 'voters',
      interaction_date: '2026-11-20T10:00:00.000Z',
    });
    await logInteraction(t.database.db, {
      voter_id: voterId,
      interaction_type: 'Report Filed',
      source_module: 'reports',
      source_ref: '17',
      interaction_date: '2026-11-21T10:00:00Z',
    });

    const filtered = await viewer.send({
      url: `/api/v1/interactions?voter_id=${voterId}&outcome=Pledged%20Support&from=2026-11-20&to=2026-11-20`,
    });
    expect(filtered.json().interactions.map((i: any) => i.interaction_id)).toEqual([created.interaction_id]);
    expect(
      (
        await viewer.send({ url: `/api/v1/interactions?campaign_id=${campaignId}&interaction_type=Door%20Knock` })
      ).json().total,
    ).toBe(0);

    const timeline = await viewer.send({ url: `/api/v1/voters/${voterId}/timeline` });
    expect(timeline.json().interactions.map((i: any) => i.source_module)).toEqual(['reports', 'voters']);
    expect(timeline.json().interactions[1].campaign_name).toEqual(expect.any(String));

    let score = (await viewer.send({ url: `/api/v1/voters/${voterId}` })).json().voter.engagement_score;
    expect(score).toBe(5 + 10 + 20 + 5);
    const put = await admin.send({
      method: 'PUT',
      url: `/api/v1/interactions/${created.interaction_id}`,
      payload: { outcome: 'Not Home' },
    });
    expect(put.json().interaction.outcome).toBe('Not Home');
    score = (await viewer.send({ url: `/api/v1/voters/${voterId}` })).json().voter.engagement_score;
    expect(score).toBe(5 + 20);
    expect(
      (await admin.send({ method: 'DELETE', url: `/api/v1/interactions/${created.interaction_id}` })).statusCode,
    ).toBe(200);
    expectProblem(await viewer.send({ url: `/api/v1/interactions/${created.interaction_id}` }), 404);
  });

  it('refuses unknown voters, negative durations and writes by a viewer', async () => {
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/interactions',
        payload: { voter_id: 99999999, interaction_type: 'Phone Call' },
      }),
      404,
    );
    const voterId = await makeVoter(admin);
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/interactions',
        payload: { voter_id: voterId, interaction_type: 'Call', duration_minutes: -5 },
      }),
      400,
    );
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/interactions',
        payload: { voter_id: voterId, interaction_type: '   ' },
      }),
      400,
    );
    expectProblem(
      await viewer.send({
        method: 'POST',
        url: '/api/v1/interactions',
        payload: { voter_id: voterId, interaction_type: 'Call' },
      }),
      403,
    );
  });
});

describe('surveys', () => {
  it('builds a campaign survey, records checked answers as a Survey interaction, shows them on the profile', async () => {
    const campaignId = await makeCampaign(admin);
    const mc = await admin.send({
      method: 'POST',
      url: '/api/v1/survey-questions',
      payload: {
        campaign_id: campaignId,
        question_text: 'Top issue?',
        question_type: 'Multiple Choice',
        possible_answers: { A: 'Housing', B: 'Transit' },
      },
    });
    expect(mc.statusCode, mc.body).toBe(201);
    const rating = await admin.send({
      method: 'POST',
      url: '/api/v1/survey-questions',
      payload: {
        campaign_id: campaignId,
        question_text: 'How likely to vote?',
        question_type: 'Rating Scale',
        possible_answers: { min: 1, max: 5 },
      },
    });
    const open = await admin.send({
      method: 'POST',
      url: '/api/v1/survey-questions',
      payload: { question_text: 'Anything else?', question_type: 'Open Text' },
    });
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/survey-questions',
        payload: { question_text: 'No answers', question_type: 'Multiple Choice' },
      }),
      400,
      'invalid_answers',
    );
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/survey-questions',
        payload: { question_text: 'x', question_type: 'Essay' },
      }),
      400,
      'validation_failed',
    );
    const [q1, q2, q3] = [
      mc.json().question.question_id,
      rating.json().question.question_id,
      open.json().question.question_id,
    ];
    expect((await viewer.send({ url: `/api/v1/survey-questions?campaign_id=${campaignId}` })).json().total).toBe(2);

    const voterId = await makeVoter(admin);
    const bad = await admin.send({
      method: 'POST',
      url: '/api/v1/survey-responses',
      payload: { voter_id: voterId, answers: [{ question_id: q1, response_value: 'Parks' }] },
    });
    expectProblem(bad, 400, 'invalid_answer');
    expectProblem(
      await admin.send({
        method: 'POST',
        url: '/api/v1/survey-responses',
        payload: { voter_id: voterId, answers: [{ question_id: q2, response_value: '9' }] },
      }),
      400,
      'invalid_answer',
    );
    const ok = await admin.send({
      method: 'POST',
      url: '/api/v1/survey-responses',
      payload: {
        voter_id: voterId,
        answers: [
          { question_id: q1, response_value: 'B' },
          { question_id: q2, response_value: '4' },
          { question_id: q3, response_value: 'More buses' },
        ],
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().responses).toHaveLength(3);
    const interaction = await one<any>(
      t.database.db,
      sql`SELECT * FROM voters.interactions WHERE interaction_id = ${ok.json().interaction_id}`,
    );
    expect(interaction).toMatchObject({ voter_id: voterId, interaction_type: 'Survey', campaign_id: campaignId });
    const profile = (await viewer.send({ url: `/api/v1/voters/${voterId}` })).json();
    expect(profile.survey_answers.map((a: any) => a.response_value).sort()).toEqual(['4', 'B', 'More buses']);
    const responseId = ok.json().responses[0].response_id;
    const fixed = await admin.send({
      method: 'PUT',
      url: `/api/v1/survey-responses/${responseId}`,
      payload: { response_value: 'Housing' },
    });
    expect(fixed.json().response.response_value).toBe('Housing');
    expect((await viewer.send({ url: `/api/v1/survey-responses?question_id=${q1}` })).json().total).toBe(1);
    expect((await admin.send({ method: 'DELETE', url: `/api/v1/survey-questions/${q1}` })).statusCode).toBe(200);
    expectProblem(await viewer.send({ url: `/api/v1/survey-responses/${responseId}` }), 404);
  });
});

describe('tags and lists', () => {
  it('tags voters by id or name (case-insensitive unique), lists them and untags', async () => {
    const voterId = await makeVoter(admin);
    const tag = await admin.send({ method: 'POST', url: '/api/v1/tags', payload: { name: 'Volunteer' } });
    expect(tag.statusCode).toBe(201);
    expectProblem(await admin.send({ method: 'POST', url: '/api/v1/tags', payload: { name: 'VOLUNTEER' } }), 409);
    const byName = await admin.send({
      method: 'POST',
      url: `/api/v1/voters/${voterId}/tags`,
      payload: { name: 'volunteer' },
    });
    expect(byName.json().tags.map((x: any) => x.tag_id)).toEqual([tag.json().tag.tag_id]);
    const created = await admin.send({
      method: 'POST',
      url: `/api/v1/voters/${voterId}/tags`,
      payload: { name: 'Donor' },
    });
    expect(created.json().tags.map((x: any) => x.name)).toEqual(['Donor', 'Volunteer']);
    expectProblem(
      await admin.send({ method: 'POST', url: `/api/v1/voters/${voterId}/tags`, payload: {} }),
      400,
      'tag_required',
    );
    const filtered = await viewer.send({ url: `/api/v1/voters?tag_id=${tag.json().tag.tag_id}` });
    expect(filtered.json().voters.map((v: any) => v.voter_id)).toEqual([voterId]);
    const untag = await admin.send({
      method: 'DELETE',
      url: `/api/v1/voters/${voterId}/tags/${tag.json().tag.tag_id}`,
    });
    expect(untag.json().tags.map((x: any) => x.name)).toEqual(['Donor']);
    expect((await viewer.send({ url: '/api/v1/tags?q=don' })).json().tags[0]).toMatchObject({
      name: 'Donor',
      voter_count: 1,
    });
  });

  it('creates lists, adds and removes items, shows them on the profile', async () => {
    const [a, b] = [await makeVoter(admin), await makeVoter(admin)];
    const list = await admin.send({ method: 'POST', url: '/api/v1/lists', payload: { name: 'Walk list 1' } });
    expect(list.statusCode).toBe(201);
    const id = list.json().list.list_id;
    expect(list.json().list.created_by).toBe(admin.userId);
    expect(
      (await admin.send({ method: 'POST', url: `/api/v1/lists/${id}/items`, payload: { voter_ids: [a, b] } })).json(),
    ).toEqual({ added: 2, already_members: 0 });
    expect((await viewer.send({ url: `/api/v1/lists/${id}/items` })).json().total_voters).toBe(2);
    expect((await viewer.send({ url: `/api/v1/voters/${a}` })).json().lists).toEqual([
      expect.objectContaining({ list_id: id, name: 'Walk list 1' }),
    ]);
    expect((await admin.send({ method: 'DELETE', url: `/api/v1/lists/${id}/items/${a}` })).statusCode).toBe(200);
    expect((await viewer.send({ url: `/api/v1/lists/${id}` })).json().list.voter_count).toBe(1);
    expectProblem(await viewer.send({ method: 'POST', url: '/api/v1/lists', payload: { name: 'x' } }), 403);
    expect((await admin.send({ method: 'DELETE', url: `/api/v1/lists/${id}` })).statusCode).toBe(200);
  });
});
