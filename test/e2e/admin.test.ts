// Browser tests of the admin screens: create a user, change its role with a reason, find it in the role history
// and the audit log, read the outbox; screenshots of the main screens at phone and desktop width.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newContext, openNav, screenshot, signIn, watchErrors } from './browser.ts';
import { apiCall, apiSignIn, type E2eServer, startServer } from './server.ts';

let server: E2eServer;
let browser: Browser;

// Generous: the first file of a run may migrate the template database (minutes on a busy machine).
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin screens', () => {
  test('create a user, change its role with a reason, see the history and the audit record', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.admin.username, server.admin.password);

    await openNav(page, 'Users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Full name').fill('Dana Organizer');
    await dialog.getByLabel('Role').selectOption('editor');
    await dialog.getByLabel('Username').fill('dana');
    await dialog.getByLabel('Email').fill('dana@example.org');
    await dialog.getByLabel('Password').fill('Organizer-2026-x');
    await dialog.getByRole('button', { name: 'Create user' }).click();

    await page.getByRole('heading', { level: 1, name: 'Dana Organizer' }).waitFor();
    const userId = Number(/\/admin\/users\/(\d+)$/.exec(page.url())?.[1]);
    expect(userId).toBeGreaterThan(1);
    const details = page.getByRole('region', { name: 'Details' });
    expect(await details.textContent()).toContain('editor');

    await page.getByRole('button', { name: 'Change role' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Change role' });
    await roleDialog.getByLabel('New role').selectOption('moderator');
    await roleDialog.getByLabel('Reason').fill('Leads the weekend canvass team');
    await roleDialog.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => roleDialog.isVisible()).toBe(false);
    await expect.poll(() => details.textContent()).toContain('moderator');

    const history = page.getByRole('region', { name: 'Role history' });
    const row = history.getByRole('row', { name: /Leads the weekend canvass team/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/editor.*moderator.*admin/);
    await screenshot(page, 'user-desktop');

    // Deactivating asks first; activating again is one click.
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Dana Organizer?' });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => details.textContent()).toContain('inactive');
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    await expect.poll(() => details.textContent()).not.toContain('inactive');

    // The audit log viewer finds the role change by action and resource.
    await openNav(page, 'Audit log');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const filters = page.getByRole('search', { name: 'Filter the audit log' });
    await filters.getByLabel('Action').fill('user_role_changed');
    await filters.getByLabel('Resource ID').fill(String(userId));
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain('action=user_role_changed');
    const records = page.getByRole('table');
    await expect.poll(() => records.getByRole('row').count()).toBe(2); // header + one record
    expect(await records.textContent()).toContain(`user #${userId}`);
    await screenshot(page, 'audit-log-desktop');

    // The users list filters by role.
    await openNav(page, 'Users');
    const userFilters = page.getByRole('search', { name: 'Filter users' });
    await userFilters.getByLabel('Role').selectOption('moderator');
    await userFilters.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    expect(await page.getByRole('table').textContent()).toContain('Dana Organizer');
    await screenshot(page, 'users-desktop');

    expect(errors).toEqual([]);
    await context.close();
  });

  test('the outbox shows the text of a password-reset email, and its link resets the password', async () => {
    const token = await apiSignIn(server, server.admin.username, server.admin.password);
    await apiCall(server, 'POST', '/api/v1/users', {
      token,
      body: { username: 'olu', email: 'olu@example.org', password: 'First-Password-2026', role: 'viewer' },
    });

    const anonymous = await newContext(browser, server);
    const visitor = await anonymous.newPage();
    await visitor.goto('/login');
    await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
    await visitor.getByLabel('Email').fill('olu@example.org');
    await visitor.getByRole('button', { name: 'Send reset link' }).click();
    await visitor.getByText('Check your email').waitFor();

    const context = await newContext(browser, server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.admin.username, server.admin.password);
    await openNav(page, 'Mail outbox');
    await page.getByRole('heading', { level: 1, name: 'Mail outbox' }).waitFor();
    const filters = page.getByRole('search', { name: 'Filter messages' });
    await filters.getByLabel('Channel').selectOption('email');
    await filters.getByLabel('Recipient').fill('olu@example.org');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    const message = page.getByRole('table').getByRole('group').first();
    await message.locator('summary').click();
    const body = (await message.locator('pre').textContent())!;
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(body)?.[0];
    expect(link).toBeTruthy();
    await screenshot(page, 'outbox-desktop');
    expect(errors).toEqual([]);

    await visitor.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
    await visitor.getByLabel(/^New password(?! again)/).fill('Second-Password-2026');
    await visitor.getByLabel('New password again').fill('Second-Password-2026');
    await visitor.getByRole('button', { name: 'Change password' }).click();
    await visitor.getByText('Password changed').waitFor();
    await signIn(visitor, 'olu', 'Second-Password-2026');
    await anonymous.close();
    await context.close();
  });

  test('an API key is shown once at creation; revoking it asks first', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, server.admin.username, server.admin.password);
    await openNav(page, 'API keys');
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key' });
    // The dialog starts in its first field.
    expect(await dialog.getByLabel(/^Name/).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('County 311 app');
    await dialog.getByLabel('Interface').selectOption('open311');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new API key' }).getByTestId('new-api-key');
    const key = (await shown.textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row', { name: /County 311 app/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Open311');
    expect(await page.locator('main').textContent()).not.toContain(key);

    await row.getByRole('button', { name: 'Revoke County 311 app' }).click();
    await page
      .getByRole('dialog', { name: /Revoke/ })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the main screens are readable at phone width and on a desktop', async () => {
    for (const size of ['phone', 'desktop'] as const) {
      const context = await newContext(browser, server, size);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: 'Sign in to Caucus' }).waitFor();
      await screenshot(page, `login-${size}`);
      await signIn(page, server.admin.username, server.admin.password);
      await screenshot(page, `home-${size}`);

      if (size === 'phone') {
        // The navigation is behind the menu button, which says whether it is open.
        const menu = page.getByRole('button', { name: 'Menu' });
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
        await menu.click();
        expect(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
        await screenshot(page, 'menu-phone');
        await page.getByRole('button', { name: 'Close menu' }).click();
      }

      for (const [name, heading, file] of [
        ['Users', 'Users', 'users'],
        ['Roles', 'Roles', 'roles'],
        ['Audit log', 'Audit log', 'audit-log'],
        ['API keys', 'API keys', 'api-keys'],
        ['Mail outbox', 'Mail outbox', 'outbox'],
      ] as const) {
        await openNav(page, name);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page
          .getByRole('table')
          .or(page.getByRole('region', { name: /./ }).first())
          .first()
          .waitFor();
        // Nothing may be wider than the screen: tables scroll inside their own region.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} overflows at ${size} width`).toBeLessThanOrEqual(0);
        await screenshot(page, `${file}-${size}`);
      }
      await page.goto('/account');
      await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      await page.getByRole('region', { name: 'Where you are signed in' }).getByRole('table').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await screenshot(page, `account-${size}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
