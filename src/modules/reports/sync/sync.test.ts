// Offline sync through HTTP: idempotent replays, priorities, retries, conflicts, download and status.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { one } from '../../../db/client.ts';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { type Person, person, reportBody } from '../test/fixtures.ts';

let t: TestContext;
let citizen: Person;

const now = () => new Date().toISOString();
function action(type: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { client_id: randomUUID(), action_type: type, entity_type: 'report', timestamp: now(), data, ...extra };
}
function upload(who: Person, actions: unknown[], device_id = 'phone-1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/reports/sync/upload',
    headers: who.headers,
    payload: { device_id, last_sync_timestamp: null, actions },
  });
}
async function reportCount(userId: number, title: string) {
  return (await one<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM reports.reports WHERE user_id = ${userId} AND title = ${title}`,
  ))!.n;
}

beforeAll(async () => {
  t = await startTestApp();
  citizen = await person(t, 'citizen');
});
afterAll(() => t.close());

describe('upload', () => {
  it('an offline report synced twice (retry after a lost response) exists exactly once', async () => {
    const create = action('create_report', reportBody({ title: 'Offline pothole report' }));
    const first = await upload(citizen, [create]);
    expect(first.statusCode, first.body).toBe(200);
    const [r1] = first.json().results;
    expect(r1).toMatchObject({ client_id: create.client_id, status: 'success', entity_type: 'report' });
    expect(r1.result.report_number).toMatch(/^CL-/);
    // The response was lost: the device sends the same action again.
    const second = await upload(citizen, [create]);
    const [r2] = second.json().results;
    expect(r2).toMatchObject({ status: 'success', entity_id: r1.entity_id });
    expect(r2.result.report_number).toBe(r1.result.report_number);
    expect(await reportCount(citizen.id, 'Offline pothole report')).toBe(1);
  });

  it('concurrent replays of one action still file one report', async () => {
    const create = action('create_report', reportBody({ title: 'Concurrent replay report' }));
    const answers = await Promise.all([
      upload(citizen, [create]),
      upload(citizen, [create]),
      upload(citizen, [create]),
    ]);
    const ids = answers.map((a) => a.json().results[0].entity_id);
    expect(new Set(ids).size).toBe(1);
    expect(await reportCount(citizen.id, 'Concurrent replay report')).toBe(1);
  });

  it('runs higher priority first, so an appeal can follow its offline report', async () => {
    const create = action('create_report', reportBody({ title: 'Report with an appeal' }), { priority: 10 });
    const appeal = action(
      'submit_appeal',
      { report_client_id: create.client_id, appeal_type: 'classification', reason: 'It is a water leak, not a road' },
      { priority: 1, entity_type: 'appeal' },
    );
    const res = await upload(citizen, [appeal, create]);
    const results = res.json().results;
    expect(results.map((r: any) => r.message)).toEqual([null, null]);
    expect(results.map((r: any) => [r.action_type, r.status])).toEqual([
      ['create_report', 'success'],
      ['submit_appeal', 'success'],
    ]);
    expect(results[1].result.report_id).toBe(results[0].entity_id);
  });

  it('a failing action is retried at most 3 times, then reported as failed for good', async () => {
    const bad = action('create_report', { title: 'x' });
    const counts: [number, boolean][] = [];
    for (let i = 0; i < 4; i++) {
      const [r] = (await upload(citizen, [bad])).json().results;
      expect(r.status).toBe('failed');
      expect(r.message).toMatch(/data/);
      counts.push([r.retry_count, r.can_retry]);
    }
    expect(counts).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [3, false],
    ]);
    const status = (await t.app.inject({ url: '/api/v1/reports/sync/status', headers: citizen.headers })).json();
    expect(status.failed_actions).toBeGreaterThanOrEqual(1);
  });

  it('a client_id reused for another action type, upload_media and duplicate ids are refused', async () => {
    const create = action('create_report', reportBody({ title: 'Reuse check' }));
    await upload(citizen, [create]);
    const reuse = (await upload(citizen, [{ ...create, action_type: 'update_profile' }])).json().results[0];
    expect(reuse).toMatchObject({ status: 'failed', can_retry: false });
    expect(reuse.message).toMatch(/already used/);
    const media = (await upload(citizen, [action('upload_media', { report_id: 1 })])).json().results[0];
    expect(media).toMatchObject({ status: 'failed' });
    expect(media.message).toMatch(/media/);
    const dup = await upload(citizen, [create, create]);
    expect(dup.statusCode).toBe(400);
  });

  it('refuses malformed uploads and callers without sync:use', async () => {
    const cases = [
      { device_id: 'x', actions: [{ client_id: 'a', action_type: 'hack', timestamp: now(), data: {} }] },
      { device_id: '', actions: [] },
      { device_id: 'x', actions: [{ client_id: 'a b', action_type: 'create_report', timestamp: now(), data: {} }] },
      { device_id: 'x', actions: [{ client_id: 'a', action_type: 'create_report', timestamp: 'yesterday', data: {} }] },
      { device_id: 'x', actions: Array.from({ length: 101 }, () => action('create_report', {})) },
      { device_id: 'x', actions: [], extra: 1 },
    ];
    for (const payload of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reports/sync/upload',
        headers: citizen.headers,
        payload,
      });
      expect(res.statusCode).toBe(400);
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/reports/sync/upload',
          payload: { device_id: 'x', actions: [] },
        })
      ).statusCode,
    ).toBe(401);
    const auditor = await person(t, 'auditor');
    expect((await upload(auditor, [])).statusCode).toBe(403);
  });
});

describe('conflicts', () => {
  it('an update based on stale values is a conflict; client_wins applies it and health recovers', async () => {
    const user = await person(t, 'citizen', { full_name: 'Server Name' });
    const stale = action(
      'update_profile',
      { full_name: 'Phone Name', base: { full_name: 'Old Name' } },
      { entity_type: 'user' },
    );
    const [r] = (await upload(user, [stale])).json().results;
    expect(r).toMatchObject({ status: 'conflict', entity_type: 'user', entity_id: user.id });
    const status = (await t.app.inject({ url: '/api/v1/reports/sync/status', headers: user.headers })).json();
    expect(status.sync_health).toBe('conflicts_detected');
    const list = (await t.app.inject({ url: '/api/v1/reports/sync/conflicts', headers: user.headers })).json()
      .conflicts;
    expect(list).toHaveLength(1);
    expect(list[0].server_version.full_name).toBe('Server Name');
    // replaying the action answers the same conflict, not a second one
    expect((await upload(user, [stale])).json().results[0].conflict_id).toBe(r.conflict_id);

    const merge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=merge',
      headers: user.headers,
      payload: { conflict_id: r.conflict_id },
    });
    expect(merge.statusCode).toBe(400);
    const resolved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=client_wins',
      headers: user.headers,
      payload: { conflict_id: r.conflict_id },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().conflict).toMatchObject({ resolved: true, resolution_strategy: 'client_wins' });
    const name = await one<{ full_name: string }>(
      t.database.db,
      sql`SELECT full_name FROM identity.users WHERE id = ${user.id}`,
    );
    expect(name!.full_name).toBe('Phone Name');
    const after = (await t.app.inject({ url: '/api/v1/reports/sync/status', headers: user.headers })).json();
    expect(after.sync_health).toBe('good');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=server_wins',
      headers: user.headers,
      payload: { conflict_id: r.conflict_id },
    });
    expect(again.statusCode).toBe(409);
  });

  it('server_wins keeps the server; merge applies merged_data; others cannot touch my conflicts', async () => {
    const user = await person(t, 'citizen', { full_name: 'Kept', bio: 'server bio' });
    const make = async () =>
      (
        await upload(user, [
          action('update_profile', { bio: 'phone bio', base: { bio: 'older bio' } }, { entity_type: 'user' }),
        ])
      ).json().results[0].conflict_id as number;
    const c1 = await make();
    const stranger = await person(t, 'citizen');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=server_wins',
      headers: stranger.headers,
      payload: { conflict_id: c1 },
    });
    expect(foreign.statusCode).toBe(404);
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=server_wins',
      headers: user.headers,
      payload: { conflict_id: c1 },
    });
    expect(kept.json().conflict.resolved_data.bio).toBe('server bio');
    const c2 = await make();
    const merged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=merge',
      headers: user.headers,
      payload: { conflict_id: c2, merged_data: { bio: 'server bio + phone bio' } },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const bio = await one<{ bio: string }>(t.database.db, sql`SELECT bio FROM identity.users WHERE id = ${user.id}`);
    expect(bio!.bio).toBe('server bio + phone bio');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/sync/resolve-conflict?resolution=whatever',
      headers: user.headers,
      payload: { conflict_id: c2 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('an update without stale values applies at once', async () => {
    const user = await person(t, 'citizen', { full_name: 'Same' });
    const [r] = (
      await upload(user, [
        action('update_profile', { full_name: 'Newer', base: { full_name: 'Same' } }, { entity_type: 'user' }),
      ])
    ).json().results;
    expect(r.status).toBe('success');
  });
});

describe('download and status', () => {
  it('sends my changed reports since the last download, with has_more', async () => {
    const user = await person(t, 'citizen');
    await upload(
      user,
      [1, 2, 3].map((i) => action('create_report', reportBody({ title: `Download report ${i}` }))),
      'tab',
    );
    const page = await t.app.inject({
      url: '/api/v1/reports/sync/download?device_id=tab&limit=2',
      headers: user.headers,
    });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.reports).toHaveLength(2);
    expect(body.has_more).toBe(true);
    expect(Date.parse(body.since)).toBeLessThan(Date.now() - 29 * 86400000);
    const next = (
      await t.app.inject({ url: '/api/v1/reports/sync/download?device_id=tab', headers: user.headers })
    ).json();
    expect(next.reports).toEqual([]);
    expect(next.since).toBe(body.server_timestamp);
    const status = (await t.app.inject({ url: '/api/v1/reports/sync/status', headers: user.headers })).json();
    expect(status).toMatchObject({ sync_health: 'good', processed_actions: 3 });
    expect(status.devices[0]).toMatchObject({ device_id: 'tab', sync_version: 1 });
    expect(status.devices[0].last_download_timestamp).not.toBeNull();
    const bad = await t.app.inject({ url: '/api/v1/reports/sync/download?limit=501', headers: user.headers });
    expect(bad.statusCode).toBe(400);
  });
});
