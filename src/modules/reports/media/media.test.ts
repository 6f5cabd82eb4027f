// Report media through HTTP: real files, checked by content, images served without EXIF/GPS.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../../test/harness.ts';
import { type Person, person, reportBody } from '../test/fixtures.ts';
import { hasGpsTag, jpegWithGps, multipart, pdf, png } from './test/multipart.ts';

let t: TestContext;
let citizen: Person;
let other: Person;
let admin: Person;
let officer: Person;

async function fileReport(who: Person, overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: who.headers,
    payload: reportBody(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().report.id;
}

function upload(reportId: number, who: Person | null, parts: Parameters<typeof multipart>[0], bulk = false) {
  const body = multipart(parts, who?.headers ?? {});
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/${reportId}/media${bulk ? '/bulk' : ''}`,
    headers: body.headers,
    payload: body.payload,
  });
}

const photo = async (name = 'photo.jpg') => ({
  name: 'file',
  file: { data: await jpegWithGps(), filename: name, type: 'image/jpeg' },
});

beforeAll(async () => {
  t = await startTestApp();
  citizen = await person(t, 'citizen');
  other = await person(t, 'citizen');
  admin = await person(t, 'admin');
  officer = await person(t, 'nodal_officer');
});
afterAll(() => t.close());

describe('upload', () => {
  it('stores a photo without its EXIF/GPS and serves it to anyone for a public report', async () => {
    const id = await fileReport(citizen);
    const original = await jpegWithGps();
    expect(hasGpsTag((await sharp(original).metadata()).exif)).toBe(true);
    const res = await upload(id, citizen, [
      { name: 'caption', value: 'The pothole' },
      { name: 'file', file: { data: original, filename: 'IMG_0001.jpg', type: 'image/jpeg' } },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [media] = res.json().media;
    expect(media).toMatchObject({
      report_id: id,
      file_type: 'IMAGE',
      mime_type: 'image/jpeg',
      is_primary: true,
      caption: 'The pothole',
      upload_source: 'citizen_submission',
      width: 64,
      height: 48,
      original_name: 'IMG_0001.jpg',
    });
    const served = await t.app.inject({ url: media.file_url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('CaucusTestCam'))).toBe(false);
    expect(media.file_size).toBe(served.rawPayload.length);
  });

  it('takes several files at once, keeps one primary and orders them', async () => {
    const id = await fileReport(citizen);
    const res = await upload(
      id,
      citizen,
      [
        { name: 'files', file: { data: pdf(), filename: 'receipt.pdf', type: 'application/pdf' } },
        { name: 'files', file: { data: await png(), filename: 'a.png', type: 'image/png' } },
        { name: 'files', file: { data: await jpegWithGps(), filename: 'b.jpg', type: 'image/jpeg' } },
      ],
      true,
    );
    expect(res.statusCode, res.body).toBe(201);
    const media = res.json().media;
    expect(media.map((m: any) => [m.file_type, m.is_primary, m.sequence_order])).toEqual([
      ['DOCUMENT', false, 0],
      ['IMAGE', true, 1],
      ['IMAGE', false, 2],
    ]);
    const again = await upload(id, citizen, [{ name: 'is_primary', value: 'true' }, await photo()]);
    expect(again.json().media[0]).toMatchObject({ is_primary: true, sequence_order: 3 });
    const list = (await t.app.inject({ url: `/api/v1/reports/${id}/media` })).json().media;
    expect(list.filter((m: any) => m.is_primary)).toHaveLength(1);
    expect(list[0].id).toBe(again.json().media[0].id);
    const doc = await t.app.inject({ url: media[0].file_url });
    expect(doc.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('refuses content that is not what it claims, unknown types and empty uploads', async () => {
    const id = await fileReport(citizen);
    const disguised = await upload(id, citizen, [
      { name: 'file', file: { data: pdf(), filename: 'x.jpg', type: 'image/jpeg' } },
    ]);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: 'unsupported_media_type', detected: 'application/pdf' });
    const text = await upload(id, citizen, [
      { name: 'file', file: { data: Buffer.from('#!/bin/sh\nrm -rf /\n'), filename: 'a.jpg', type: 'image/jpeg' } },
    ]);
    expect(text.statusCode).toBe(415);
    const html = await upload(id, citizen, [
      {
        name: 'file',
        file: { data: Buffer.from('<html><script>alert(1)</script></html>'), filename: 'a.html', type: 'text/html' },
      },
    ]);
    expect(html.statusCode).toBe(415);
    const zip = await upload(id, citizen, [
      {
        name: 'file',
        file: { data: Buffer.from('504b0304140000000800', 'hex'), filename: 'a.zip', type: 'application/zip' },
      },
    ]);
    expect(zip.statusCode).toBe(415);
    const truncatedJpeg = (await jpegWithGps()).subarray(0, 200);
    const broken = await upload(id, citizen, [
      { name: 'file', file: { data: truncatedJpeg, filename: 'a.jpg', type: 'image/jpeg' } },
    ]);
    expect(broken.statusCode).toBe(415);
    const none = await upload(id, citizen, [{ name: 'caption', value: 'nothing' }]);
    expect(none.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/media`,
      headers: citizen.headers,
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
    const list = (await t.app.inject({ url: `/api/v1/reports/${id}/media` })).json().media;
    expect(list).toEqual([]);
  });

  it('refuses bad fields and a second file on the single route', async () => {
    const id = await fileReport(citizen);
    for (const parts of [
      [{ name: 'upload_source', value: 'drone' }, await photo()],
      [{ name: 'is_primary', value: 'yes' }, await photo()],
      [{ name: 'sequence_order', value: '-1' }, await photo()],
      [{ name: 'evil', value: 'x' }, await photo()],
      [{ name: 'caption', value: 'x'.repeat(501) }, await photo()],
    ]) {
      const res = await upload(id, citizen, parts);
      expect(res.statusCode, JSON.stringify(parts[0])).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const two = await upload(id, citizen, [await photo(), await photo()]);
    expect(two.statusCode).toBe(413);
  });

  it('enforces the per-report limit of 10 files', async () => {
    const id = await fileReport(citizen);
    const tenFiles = await Promise.all(
      Array.from({ length: 10 }, async () => ({
        name: 'files',
        file: { data: await png(8, 8), filename: 'p.png', type: 'image/png' },
      })),
    );
    expect((await upload(id, citizen, tenFiles, true)).statusCode).toBe(201);
    const eleventh = await upload(id, citizen, [await photo()]);
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().code).toBe('media_limit_reached');
  });

  it('only the reporter (or staff who may act on it) uploads; officer photos need an officer', async () => {
    const id = await fileReport(citizen);
    expect((await upload(id, other, [await photo()])).statusCode).toBe(404);
    expect((await upload(id, null, [await photo()])).statusCode).toBe(401);
    const before = await upload(id, citizen, [{ name: 'upload_source', value: 'officer_before_photo' }, await photo()]);
    expect(before.statusCode).toBe(403);
    const proof = await upload(id, citizen, [{ name: 'is_proof_of_work', value: 'true' }, await photo()]);
    expect(proof.statusCode).toBe(400);
    const byAdmin = await upload(id, admin, [
      { name: 'upload_source', value: 'officer_after_photo' },
      { name: 'is_proof_of_work', value: 'true' },
      await photo(),
    ]);
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json().media[0]).toMatchObject({ upload_source: 'officer_after_photo', is_proof_of_work: true });
    expect((await upload(id, officer, [await photo()])).statusCode).toBe(404);
  });
});

describe('reading and deleting', () => {
  it('media of a private report is visible only to who may see the report', async () => {
    const id = await fileReport(citizen, { is_public: false });
    const res = await upload(id, citizen, [await photo()]);
    const url = res.json().media[0].file_url;
    expect((await t.app.inject({ url })).statusCode).toBe(404);
    expect((await t.app.inject({ url, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/reports/${id}/media`, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url, headers: citizen.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: admin.headers })).statusCode).toBe(200);
  });

  it('the reporter deletes their own upload; others cannot; the file is gone', async () => {
    const id = await fileReport(citizen);
    const media = (await upload(id, citizen, [await photo()])).json().media[0];
    const del = (who: Person | null) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/reports/${id}/media/${media.id}`, headers: who?.headers ?? {} });
    expect((await del(null)).statusCode).toBe(401);
    expect((await del(other)).statusCode).toBe(403);
    expect((await del(citizen)).statusCode).toBe(204);
    expect((await t.app.inject({ url: media.file_url })).statusCode).toBe(404);
    expect((await del(admin)).statusCode).toBe(404);
  });

  it('staff with media:delete remove any media of a report they may act on', async () => {
    const id = await fileReport(citizen);
    const media = (await upload(id, citizen, [await photo()])).json().media[0];
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/reports/${id}/media/${media.id}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
  });

  it('answers unknown ids and malformed params with 4xx', async () => {
    expect((await t.app.inject({ url: '/api/v1/reports/999999/media' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/reports/abc/media' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/reports/1/media/99999999999/file' })).statusCode).toBe(400);
  });

  it('publishes the limits and storage statistics', async () => {
    const limits = (await t.app.inject({ url: '/api/v1/reports/media/limits' })).json();
    expect(limits.max_files_per_report).toBe(10);
    expect(limits.types.find((x: any) => x.file_type === 'IMAGE').mime_types).toContain('image/jpeg');
    expect(
      (await t.app.inject({ url: '/api/v1/reports/media/storage/stats', headers: citizen.headers })).statusCode,
    ).toBe(403);
    const stats = (await t.app.inject({ url: '/api/v1/reports/media/storage/stats', headers: admin.headers })).json();
    expect(stats.total_files).toBeGreaterThan(0);
    expect(stats.by_type.map((b: any) => b.file_type)).toContain('IMAGE');
  });
});
