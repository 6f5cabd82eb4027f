// Shared pieces of the voters browser tests: data made through the API, and the server and browser per file.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, newContext, signIn, watchErrors } from './browser.ts';
import { apiCall, apiSignIn, type E2eServer, type StartOptions, startServer } from './server.ts';

export interface VotersE2e {
  server: E2eServer;
  browser: Browser;
  token: string;
}

/** Starts a server and a browser for the file, signs in through the API, stops both at the end. */
export function votersE2e(options: StartOptions = {}): VotersE2e {
  const kit = {} as VotersE2e;
  // Generous: the first file of a run may migrate the template database (minutes on a busy machine).
  beforeAll(async () => {
    kit.server = await startServer(options);
    kit.browser = await launchBrowser();
    kit.token = await apiSignIn(kit.server, kit.server.admin.username, kit.server.admin.password);
  }, 600_000);
  afterAll(async () => {
    await kit.browser?.close();
    await kit.server?.stop();
  });
  return kit;
}

/** A signed-in admin page at desktop size, with its console errors collected. */
export async function adminPage(kit: VotersE2e): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await newContext(kit.browser, kit.server);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, kit.server.admin.username, kit.server.admin.password);
  return { page, errors, close: () => context.close() };
}

export interface VoterInput {
  first_name: string;
  last_name: string;
  email_address?: string;
  [field: string]: unknown;
}

export async function createVoter(kit: VotersE2e, voter: VoterInput): Promise<number> {
  const r = await apiCall(kit.server, 'POST', '/api/v1/voters', { token: kit.token, body: voter });
  return r.voter.voter_id as number;
}

export async function createCampaign(kit: VotersE2e, name: string): Promise<number> {
  const r = await apiCall(kit.server, 'POST', '/api/v1/campaigns', { token: kit.token, body: { campaign_name: name } });
  return r.campaign.campaign_id as number;
}

export const api = <T = any>(kit: VotersE2e, method: string, path: string, body?: unknown) =>
  apiCall<T>(kit.server, method, path, { token: kit.token, body });

/** The text of a file the browser downloaded. */
export async function downloadedText(download: { path(): Promise<string | null> }): Promise<string> {
  const file = await download.path();
  if (!file) throw new Error('the download did not complete');
  return fs.readFileSync(file, 'utf8');
}

/**
 * expect.poll with room for a busy machine (its default gives up after one second): the screens answer in well
 * under a second, but the CI shares its cores with the server, the browser and the database.
 */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
