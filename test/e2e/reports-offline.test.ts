// Browser tests of the report queue's hard cases: an online report whose answer is lost on the way is filed once
// and its photo follows; the app frame shows reports not sent yet, with "Sync now", on other screens; after one
// visit online the service worker opens /reports/new with no network at all, and that report syncs once later.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { openNav, screenshot, watchErrors } from './browser.ts';
import { citizenContext, citizenE2e, queued, reportsTitled } from './reports-citizen-kit.ts';
import { apiCall } from './server.ts';

const kit = citizenE2e({
  username: 'meera',
  password: 'Citizen-Pass-2026',
  email: 'meera@example.org',
  full_name: 'Meera Citizen',
});

const unsent = (page: Page) => page.getByRole('status', { name: 'Unsent reports' });

describe('report queue: lost answers, the frame indicator, offline start', () => {
  test('an online report whose answer is lost is filed once, with its photo; the frame offers "Sync now"', async () => {
    const title = 'Water main leaking at the bus stand';
    const { context, page } = await citizenContext(kit, 'desktop');
    const errors = watchErrors(page);
    // As for a returning user, the service worker controls the page: API requests still pass it untouched.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto('/reports/new');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('region', { name: 'Map: where is the issue?' }).click({ position: { x: 240, y: 140 } });
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('Water has been running across the road since this morning.');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 90, b: 160 } } })
      .png()
      .toBuffer();
    await page.getByLabel('Photos').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: png });

    // The first upload reaches the server, which files the report; its answer never gets back to the page.
    // Later ones (the queue's own retry) fail to connect until the test lets them through.
    let lost = false;
    let reachable = false;
    const upload = (url: URL) => url.pathname === '/api/v1/reports/sync/upload';
    await page.route(upload, async (route) => {
      if (reachable) return route.continue();
      if (lost) return route.abort('internetdisconnected');
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'File report' }).click();
    await queued(page, title).getByText('Queued', { exact: true }).waitFor();
    await page.getByText(/The server cannot be reached\. Your report is saved on this device/).waitFor();
    expect(await reportsTitled(kit, title)).toHaveLength(1);

    await openNav(page, 'Home');
    await expect.poll(() => unsent(page).textContent()).toContain('1 unsent report');
    await screenshot(page, 'citizen-unsent-reports-desktop');
    reachable = true;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await unsent(page).waitFor({ state: 'detached' });
    const [report, ...others] = await reportsTitled(kit, title);
    expect(others).toEqual([]);
    const { media } = await apiCall(kit.server, 'GET', `/api/v1/reports/${report.id}/media`, {
      token: kit.citizenToken,
    });
    expect(media.map((m: { file_type: string }) => m.file_type)).toEqual(['IMAGE']);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('after one visit online, /reports/new opens offline; the report syncs once when back online', async () => {
    const title = 'Fallen tree blocking the lane';
    const { context, page } = await citizenContext(kit, 'phone');
    const errors = watchErrors(page);
    await page.goto('/reports/new');
    await page.getByRole('heading', { level: 1, name: 'Report an issue' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Report an issue' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect
      .poll(() => page.getByRole('status', { name: 'Sync status' }).textContent())
      .toContain('You are offline');
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 23.35, longitude: 85.32 });
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Pin at 23.35000, 85.32000').waitFor();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('A large branch came down in the night and blocks the whole lane.');
    await page.getByRole('button', { name: 'Save report to send later' }).click();
    await queued(page, title).getByText('Queued', { exact: true }).waitFor();

    await openNav(page, 'Home');
    await expect.poll(() => unsent(page).textContent()).toContain('1 unsent report (offline)');
    expect(await page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
    await screenshot(page, 'citizen-offline-start-phone');
    expect(await reportsTitled(kit, title)).toEqual([]);

    await context.setOffline(false);
    await unsent(page).waitFor({ state: 'detached' });
    expect(await reportsTitled(kit, title)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
