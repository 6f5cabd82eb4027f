// Browser tests of the citizen report screens: file a report with a photo by clicking the map; file one offline,
// see it queued, come back online and see it synced exactly once (also after "Sync now" and a replayed
// upload); a request that cannot reach the server queues too; My reports; the public map without signing in.
// The lost-answer, frame indicator and offline cold start cases are in reports-offline.test.ts.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { failMapTiles, failRequests, newContext, openNav, screenshot, watchErrors } from './browser.ts';
import { citizenContext, citizenE2e, queued, reportsTitled } from './reports-citizen-kit.ts';
import { apiCall } from './server.ts';

const kit = citizenE2e({
  username: 'ravi',
  password: 'Citizen-Pass-2026',
  email: 'ravi@example.org',
  full_name: 'Ravi Citizen',
});
const titles = {
  online: 'Pothole by the school gate',
  offline: 'Streetlight out on Lake Road',
  unreachable: 'Overflowing bin behind the market',
};

/** A small real image file, as a phone camera would give one. */
async function photo(name: string, colour: { r: number; g: number; b: number }) {
  const buffer = await sharp({ create: { width: 80, height: 60, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return { name, mimeType: 'image/png', buffer };
}

async function mediaOf(reportId: number): Promise<{ file_type: string }[]> {
  return (await apiCall(kit.server, 'GET', `/api/v1/reports/${reportId}/media`, { token: kit.citizenToken })).media;
}

async function fillReport(page: Page, title: string, description: string) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description').fill(description);
}

const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync status' });

describe('citizen report screens', () => {
  test('file a report online with a photo by clicking the map', async () => {
    const { context, page } = await citizenContext(kit, 'desktop');
    const errors = watchErrors(page);
    await openNav(page, 'Report an issue');
    await page.getByRole('heading', { level: 1, name: 'Report an issue' }).waitFor();

    await page.getByText('No pin yet').waitFor();
    await page.getByRole('region', { name: 'Map: where is the issue?' }).click({ position: { x: 220, y: 120 } });
    await page.getByText(/^Pin at -?\d+\.\d{5}, -?\d+\.\d{5}$/).waitFor();
    const lat = Number(await page.getByLabel('Latitude').inputValue());
    const lon = Number(await page.getByLabel('Longitude').inputValue());
    expect(Math.abs(lat - 23.3441)).toBeLessThan(0.1);
    expect(Math.abs(lon - 85.3096)).toBeLessThan(0.1);

    await page.getByLabel('Category').selectOption({ label: 'Roads' });
    await fillReport(page, titles.online, 'A deep pothole right at the school gate; children step around it.');
    await page.getByLabel('Address or landmark').fill('Gate 2, Government School, Main Road');
    await page.getByLabel('Photos').setInputFiles(await photo('pothole.png', { r: 120, g: 90, b: 60 }));
    await page.getByRole('img', { name: 'Preview of pothole.png' }).waitFor();
    await screenshot(page, 'citizen-report-form-desktop');
    await page.getByRole('button', { name: 'File report' }).click();

    await page.getByRole('heading', { level: 1, name: titles.online }).waitFor();
    const photoImg = page.getByRole('img', { name: 'Photo 1 of the issue' });
    await photoImg.waitFor();
    await expect.poll(() => photoImg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(80);
    expect(await page.getByRole('region', { name: 'Status' }).textContent()).toContain('Received');

    const [report] = await reportsTitled(kit, titles.online);
    expect(report.report_number).toMatch(/^CL-\d{4}-RNC-\d{5}$/);
    expect(page.url()).toContain(`/reports/mine/${report.id}`);
    expect(await page.getByText(report.report_number).count()).toBeGreaterThan(0);
    const detail = await apiCall(kit.server, 'GET', `/api/v1/reports/${report.id}`, { token: kit.citizenToken });
    expect(detail.report).toMatchObject({ category: 'roads', is_public: true, latitude: lat, longitude: lon });
    expect((await mediaOf(report.id)).map((m) => m.file_type)).toEqual(['IMAGE']);
    await screenshot(page, 'citizen-report-view-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('offline: the report is queued, syncs once when back online, and its photo follows', async () => {
    const { context, page } = await citizenContext(kit, 'phone');
    const errors = watchErrors(page);
    await openNav(page, 'Report an issue');
    await page.getByRole('heading', { level: 1, name: 'Report an issue' }).waitFor();
    await expect.poll(() => page.getByLabel('Category').locator('option').count()).toBeGreaterThan(1);

    await context.setOffline(true);
    await expect.poll(() => syncStatus(page).textContent()).toContain('You are offline');
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 23.36, longitude: 85.33 });
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Pin at 23.36000, 85.33000').waitFor();
    await page.getByLabel('Category').selectOption({ label: 'Streetlights' });
    await fillReport(page, titles.offline, 'Three lamps in a row are dark since Monday.');
    await page.getByLabel('Photos').setInputFiles(await photo('lamp.png', { r: 20, g: 20, b: 40 }));
    await page.getByRole('button', { name: 'Save report to send later' }).click();

    const item = queued(page, titles.offline);
    await item.getByText('Queued', { exact: true }).waitFor();
    expect(await item.textContent()).toContain('1 photo waiting to upload');
    await expect.poll(() => syncStatus(page).textContent()).toContain('1 report waits on this device');
    expect(await page.getByLabel('Title').inputValue()).toBe('');
    expect(await reportsTitled(kit, titles.offline)).toEqual([]);
    await screenshot(page, 'citizen-offline-queued-phone');

    await context.setOffline(false);
    await item.getByText('Synced', { exact: true }).waitFor();
    await expect.poll(() => item.textContent()).toContain('1 photo uploaded');
    const [report, ...others] = await reportsTitled(kit, titles.offline);
    expect(others).toEqual([]);
    expect(await item.getByRole('link', { name: report.report_number }).getAttribute('href')).toBe(
      `/reports/mine/${report.id}`,
    );
    expect((await mediaOf(report.id)).map((m) => m.file_type)).toEqual(['IMAGE']);
    await expect.poll(() => syncStatus(page).textContent()).toContain('Every report from this device has been sent');

    // Syncing again, and replaying the upload with the same client_id, file nothing new.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
    const stored = await page.evaluate(
      () =>
        new Promise<{ client_id: string; queued_at: string; data: Record<string, unknown> }[]>((resolve, reject) => {
          const open = indexedDB.open('caucus-offline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('report_queue').objectStore('report_queue').getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
          };
        }),
    );
    const queuedAction = stored.find((s) => s.data.title === titles.offline)!;
    const replay = await apiCall(kit.server, 'POST', '/api/v1/reports/sync/upload', {
      token: kit.citizenToken,
      body: {
        device_id: 'replay-test',
        actions: [
          {
            client_id: queuedAction.client_id,
            action_type: 'create_report',
            timestamp: queuedAction.queued_at,
            data: queuedAction.data,
          },
        ],
      },
    });
    expect(replay.results[0]).toMatchObject({ status: 'success', entity_id: report.id });
    expect((await reportsTitled(kit, titles.offline)).map((r) => r.id)).toEqual([report.id]);
    expect(await mediaOf(report.id)).toHaveLength(1);
    await screenshot(page, 'citizen-offline-synced-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a report whose request cannot reach the server is queued, then sent with "Sync now"; a bad photo is refused', async () => {
    const { context, page } = await citizenContext(kit, 'desktop');
    const errors = watchErrors(page);
    await page.goto('/reports/new');
    await page.getByRole('region', { name: 'Map: where is the issue?' }).click({ position: { x: 300, y: 200 } });
    await fillReport(page, titles.unreachable, 'The bin has not been emptied for a week.');
    await page.getByLabel('Show this report on the public map').uncheck();
    // Not an image inside: the server refuses it, and the queue says so instead of retrying it for ever.
    await page
      .getByLabel('Photos')
      .setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
    // Every report, online too, is sent through the idempotent sync upload.
    const dropCreate = (url: URL) => url.pathname === '/api/v1/reports/sync/upload';
    await failRequests(page, dropCreate);
    await page.getByRole('button', { name: 'File report' }).click();
    const item = queued(page, titles.unreachable);
    await item.getByText('Queued', { exact: true }).waitFor();
    // "Queued" shows from the moment the report is kept; the failed attempt is over when the form says so.
    await page.getByText(/The server cannot be reached\. Your report is saved on this device/).waitFor();
    expect(await reportsTitled(kit, titles.unreachable)).toEqual([]);

    await page.unroute(dropCreate);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await item.getByText('Synced', { exact: true }).waitFor();
    const created = await reportsTitled(kit, titles.unreachable);
    expect(created).toHaveLength(1);
    const detail = await apiCall(kit.server, 'GET', `/api/v1/reports/${created[0].id}`, { token: kit.citizenToken });
    expect(detail.report.is_public).toBe(false);
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).toMatch(/Photo not accepted: broken\.png: \S+/);
    expect(await item.textContent()).not.toContain('waiting to upload');
    expect(await mediaOf(created[0].id)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('My reports lists the online and the synced offline report with their status', async () => {
    const { context, page } = await citizenContext(kit, 'desktop');
    const errors = watchErrors(page);
    await openNav(page, 'My reports');
    await page.getByRole('heading', { level: 1, name: 'My reports' }).waitFor();
    const table = page.getByRole('table');
    for (const title of Object.values(titles)) {
      const row = table.getByRole('row', { name: new RegExp(title) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Received');
    }
    const [offline] = await reportsTitled(kit, titles.offline);
    await table.getByRole('link', { name: offline.report_number }).click();
    await page.getByRole('heading', { level: 1, name: titles.offline }).waitFor();
    expect(await page.getByRole('region', { name: 'Status' }).textContent()).toContain('Streetlights');
    await page.getByRole('img', { name: 'Photo 1 of the issue' }).waitFor();
    await openNav(page, 'My reports');
    await table.getByRole('row', { name: new RegExp(titles.online) }).waitFor();
    await screenshot(page, 'citizen-my-reports-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the public map lists public reports with their status to anyone, without personal data', async () => {
    for (const size of ['phone', 'desktop'] as const) {
      const context = await newContext(kit.browser, kit.server, size);
      await failMapTiles(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto('/reports/map');
      await page.getByRole('heading', { level: 1, name: 'Public issue map' }).waitFor();
      const table = page.getByRole('table');
      await table.getByRole('row', { name: new RegExp(titles.online) }).waitFor();
      await table.getByRole('row', { name: new RegExp(titles.offline) }).waitFor();
      expect(await table.textContent()).not.toContain(titles.unreachable); // filed as private
      const map = page.getByRole('region', { name: 'Map of public reports' });
      await expect.poll(() => map.locator('path.leaflet-interactive').count()).toBe(2);
      expect(await page.locator('main').textContent()).not.toContain(kit.citizen.full_name);

      const filters = page.getByRole('search', { name: 'Filter public reports' });
      await filters.getByLabel('Category').selectOption({ label: 'Roads' });
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await expect.poll(() => page.url()).toContain('category=roads');
      await expect.poll(() => table.getByRole('row').count()).toBe(2); // header + the pothole
      expect(await table.textContent()).toContain(titles.online);
      await expect.poll(() => map.locator('path.leaflet-interactive').count()).toBe(1);

      await filters.getByLabel('Category').selectOption({ label: 'Any category' });
      await filters.getByLabel('Status').selectOption({ label: 'Resolved' });
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No public reports match these filters').waitFor();
      await filters.getByRole('button', { name: 'Clear' }).click();
      await table.getByRole('row', { name: new RegExp(titles.offline) }).waitFor();
      await screenshot(page, `citizen-public-map-${size}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('the citizen reads the news about their report under Notifications, and opening it marks it read', async () => {
    const [report] = await reportsTitled(kit, titles.online);
    await apiCall(kit.server, 'POST', `/api/v1/reports/${report.id}/status`, {
      token: kit.adminToken,
      body: { status: 'pending_classification', notes: 'A crew will look at it this week.' },
    });
    const { context, page } = await citizenContext(kit, 'phone');
    const errors = watchErrors(page);
    await openNav(page, 'Notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByText('1 unread').waitFor();
    const news = page.getByRole('link', { name: `Your report ${report.report_number} is now pending classification` });
    expect(await page.locator('main').textContent()).toContain('Note: A crew will look at it this week.');
    await screenshot(page, 'citizen-notifications-phone');
    await news.click();
    await page.getByRole('heading', { level: 1, name: titles.online }).waitFor();
    await openNav(page, 'Notifications');
    await page.getByText('Nothing unread.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
