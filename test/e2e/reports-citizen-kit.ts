// Shared pieces of the citizen report browser tests: a server, a browser and one citizen per file, the citizen's
// pages (map tiles fail at once, as on a machine with no internet), and reports read back through the API.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { failMapTiles, launchBrowser, newContext, signIn } from './browser.ts';
import { apiCall, apiSignIn, type E2eServer, startServer } from './server.ts';

export interface Citizen {
  username: string;
  password: string;
  full_name: string;
  email: string;
}

export interface CitizenE2e {
  citizen: Citizen;
  server: E2eServer;
  browser: Browser;
  adminToken: string;
  citizenToken: string;
}

/** Starts a server and a browser for the file, creates the citizen through the API, stops both at the end. */
export function citizenE2e(citizen: Citizen): CitizenE2e {
  const kit = { citizen } as CitizenE2e;
  // Generous: the first file of a run may migrate the template database (minutes on a busy machine).
  beforeAll(async () => {
    kit.server = await startServer();
    kit.browser = await launchBrowser();
    kit.adminToken = await apiSignIn(kit.server, kit.server.admin.username, kit.server.admin.password);
    await apiCall(kit.server, 'POST', '/api/v1/users', {
      token: kit.adminToken,
      body: { ...citizen, role: 'citizen' },
    });
    kit.citizenToken = await apiSignIn(kit.server, citizen.username, citizen.password);
  }, 600_000);
  afterAll(async () => {
    await kit.browser?.close();
    await kit.server?.stop();
  });
  return kit;
}

/** A signed-in citizen's context (service workers allowed, as in a real browser); map tiles fail at once. */
export async function citizenContext(
  kit: CitizenE2e,
  size: 'phone' | 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(kit.browser, kit.server, size);
  await failMapTiles(context);
  const page = await context.newPage();
  await signIn(page, kit.citizen.username, kit.citizen.password);
  return { context, page };
}

/** Every report with exactly this title, whoever filed it (the admin sees all). */
export async function reportsTitled(kit: CitizenE2e, title: string): Promise<{ id: number; report_number: string }[]> {
  const list = await apiCall(kit.server, 'GET', `/api/v1/reports?q=${encodeURIComponent(title)}&per_page=200`, {
    token: kit.adminToken,
  });
  return list.reports.filter((r: { title: string }) => r.title === title);
}

/** A report waiting on this device, in the queue's list. */
export const queued = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Reports on this device' }).getByRole('listitem', { name: title });
