// Debian's Chromium driven by playwright-core, plus page helpers every module's browser tests can reuse.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type E2eServer, projectRoot } from './server.ts';

export const screenshotDir = path.join(projectRoot, '.tmp/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 860 },
} as const;

/** A fresh context (no stored tokens) at phone or desktop size. */
export async function newContext(
  browser: Browser,
  server: E2eServer,
  size: keyof typeof viewports = 'desktop',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: viewports[size],
    isMobile: size === 'phone',
    hasTouch: size === 'phone',
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  // The browser tests run beside the integration tests on a 2-core CI machine: waits get 60 s, not 30 s.
  context.setDefaultTimeout(60_000);
  return context;
}

/** Fails the test on an uncaught page error or a console error (other than failed requests the test caused). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** The password field of the sign-in form (the "Password" tab panel carries the same name). */
export function passwordField(page: Page) {
  return page.getByRole('tabpanel').getByLabel(/^Password/);
}

/** Signs in with username and password through the sign-in page and waits for the home page. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Username, email or phone').fill(username);
  await passwordField(page).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
}

export async function signOut(page: Page) {
  const button = page.getByRole('button', { name: 'Sign out', exact: true });
  if (!(await button.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await button.click();
  await page.getByRole('heading', { level: 1, name: 'Sign in to Caucus' }).waitFor();
  // A chosen sign-out starts afresh: no "continue to the page you were on".
  await page.waitForURL((url) => url.pathname === '/login' && !url.search.includes('next='));
}

/** Saves a full-page screenshot as .tmp/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Opens a navigation link, through the menu button when the navigation is collapsed (phone). */
export async function openNav(page: Page, name: string) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await link.click();
}

type RouteTarget = Pick<Page, 'route'> | Pick<BrowserContext, 'route'>;

/**
 * Makes matching requests fail as on a machine that cannot reach them. A request still in flight when the test
 * closes its context cannot be aborted any more; that is no error of the test (it was an unhandled rejection).
 */
export async function failRequests(target: RouteTarget, url: Parameters<Page['route']>[0]) {
  await target.route(url, (route) => route.abort('internetdisconnected').catch(() => {}));
}

/** Map tiles fail at once, as on a machine with no internet (the tests never reach OpenStreetMap). */
export const failMapTiles = (target: RouteTarget) => failRequests(target, /tile\.openstreetmap\.org/);
