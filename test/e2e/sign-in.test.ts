// Browser tests of signing in: keyboard only, and two-factor authentication set up in the UI and then required.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newContext, passwordField, screenshot, signIn, signOut, watchErrors } from './browser.ts';
import { apiCall, apiSignIn, type E2eServer, startServer } from './server.ts';
import { freshTotp } from './totp.ts';

let server: E2eServer;
let browser: Browser;

// Generous: the first file of a run may migrate the template database (minutes on a busy machine).
beforeAll(async () => {
  // On the embedded database whatever the run: it is what `npm install && npm start` gives.
  server = await startServer({ database: 'embedded' });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sign-in', () => {
  test('the sign-in form can be completed with Tab and Enter only', async () => {
    const token = await apiSignIn(server, server.admin.username, server.admin.password);
    await apiCall(server, 'POST', '/api/v1/users', {
      token,
      body: { username: 'keyboard.kim', password: 'Keyboard-Only-2026', role: 'editor', full_name: 'Kim Keys' },
    });

    const context = await newContext(browser, server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Caucus' }).waitFor();

    // Tab from the top of the page until the username field has focus; each stop must be a labelled control.
    const stops: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
        const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
        return `${el.tagName.toLowerCase()}:${label.trim()}`;
      });
      stops.push(stop);
      if (stop.startsWith('input:Username')) break;
    }
    expect(stops[0]).toBe('a:Skip to content');
    expect(stops.at(-1)).toMatch(/^input:Username, email or phone/);

    // A wrong password first: the error is announced and focus can go straight back to the field.
    await page.keyboard.type('keyboard.kim');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/./);

    // Focus is still in the password field: select what was typed and type the right one.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('password');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Keyboard-Only-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Kim Keys' }).waitFor();

    // After a page change focus sits on the new page's heading, so the next Tab continues in the content.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // On a fresh load the first Tab reaches the skip link, which moves focus to the main content.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Kim Keys' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an empty form says what is missing instead of submitting', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByText('Enter your username, email or phone number.').isVisible()).toBe(true);
    const field = page.getByLabel('Username, email or phone');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  test('a citizen signs up and in with a code sent by SMS', async () => {
    const context = await newContext(browser, server, 'phone');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/login');
    await page.getByRole('tab', { name: 'Code by phone' }).click();
    await page.getByLabel('Mobile phone number').fill('+12025550143');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code from the SMS').waitFor();

    // The SMS adapter writes to the outbox; read the code there as the phone would receive it.
    const token = await apiSignIn(server, server.admin.username, server.admin.password);
    const outbox = await apiCall<{ messages: { text_body: string }[] }>(
      server,
      'GET',
      '/api/v1/mail/outbox?channel=sms&to=%2B12025550143',
      { token },
    );
    const code = /\b(\d{4,8})\b/.exec(outbox.messages[0]?.text_body ?? '')?.[1];
    expect(code).toBeTruthy();

    await page.getByLabel('Code from the SMS').fill(code!);
    await page.getByLabel('Your name').fill('Casey Citizen');
    await screenshot(page, 'sign-in-phone-code-phone');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Casey Citizen' }).waitFor();

    // A citizen sees no administration links.
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'My account' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    // And an admin page answers with a clear refusal, not a broken screen.
    await page.goto('/admin/users');
    await page.getByText('Not available to your role').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the admin sets up two-factor authentication and must then pass the TOTP step', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const used = new Set<string>();

    await signIn(page, server.admin.username, server.admin.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    const section = page.getByRole('region', { name: 'Two-factor authentication' });
    await section.getByRole('button', { name: 'Set up two-factor authentication' }).click();

    // Read the key shown on screen, as a person would type it into an app.
    const shown = page.getByTestId('totp-secret');
    await shown.waitFor();
    const secret = (await shown.textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect.poll(() => section.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
    await screenshot(page, 'account-2fa-setup-desktop');

    // A wrong code is refused.
    await section.getByLabel('Code from the app').fill('000000');
    await section.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await section.getByRole('alert').waitFor();

    await section.getByLabel('Code from the app').fill(await freshTotp(secret, used));
    await section.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const list = section.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    const codes = await list.getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    await section.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => section.getByText('On', { exact: true }).isVisible()).toBe(true);

    await signOut(page);

    // Password alone is no longer enough: the TOTP step appears.
    await page.getByLabel('Username, email or phone').fill(server.admin.username);
    await passwordField(page).fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByLabel('Authentication code').fill('123456');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Authentication code').fill(await freshTotp(secret, used));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();

    // A recovery code works instead of the app, once.
    await signOut(page);
    await page.getByLabel('Username, email or phone').fill(server.admin.username);
    await passwordField(page).fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
