// Shared by the reports staff browser tests: a department with an officer, a moderator, both working the city;
// reports filed and moved through the API to prepare data; and a workflow action clicked through the web app,
// checked on the screen and through the API.
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext, screenshot, signIn, watchErrors } from './browser.ts';
import { apiCall, apiSignIn, type E2eServer } from './server.ts';

export type Role = 'admin' | 'moderator' | 'officer';

export interface Staff {
  server: E2eServer;
  token: string;
  department: { id: number; name: string };
  officer: { id: number; name: string; username: string };
  moderator: { id: number; username: string };
  password: string;
}

export const ranchi = { latitude: 23.3441, longitude: 85.3096 };
const cityArea = { type: 'radius', center_lat: 23.34, center_lon: 85.31, radius_km: 30 };

/** "assigned_to_department" → "Assigned to department", as the screens label statuses. */
export const label = (code: string) => {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export async function createStaff(server: E2eServer, suffix: string): Promise<Staff> {
  const token = await apiSignIn(server, server.admin.username, server.admin.password);
  const call = (method: string, path: string, body?: unknown) => apiCall(server, method, path, { token, body });
  const password = 'Civic-Staff-2026-pw';
  const name = `Roads and Drains ${suffix}`;
  const department = await call('POST', '/api/v1/reports/departments', { name, keywords: 'pothole, road' });
  const officerName = `Olu Officer ${suffix}`;
  const officer = await call('POST', '/api/v1/users', {
    username: `officer_${suffix}`,
    password,
    role: 'nodal_officer',
    full_name: officerName,
    department_id: department.id,
  });
  const moderator = await call('POST', '/api/v1/users', {
    username: `moderator_${suffix}`,
    password,
    role: 'moderator',
    full_name: `Mo Moderator ${suffix}`,
  });
  for (const user of [officer.user, moderator.user]) {
    await call('POST', '/api/v1/reports/areas', {
      user_id: user.id,
      area_type: 'radius',
      area_name: `Ranchi ${suffix}`,
      area_data: cityArea,
    });
  }
  return {
    server,
    token,
    department: { id: department.id, name },
    officer: { id: officer.user.id, name: officerName, username: `officer_${suffix}` },
    moderator: { id: moderator.user.id, username: `moderator_${suffix}` },
    password,
  };
}

export function adminApi(staff: Staff) {
  return <T = any>(method: string, path: string, body?: unknown) =>
    apiCall<T>(staff.server, method, path, { token: staff.token, body });
}

/** Files a report (as the administrator) and returns its id. */
export async function fileReport(staff: Staff, title: string, extra: Record<string, unknown> = {}): Promise<number> {
  const created = await adminApi(staff)('POST', '/api/v1/reports', {
    title,
    description: `${title}: a deep pothole near the bus stop damages vehicles every day`,
    ...ranchi,
    category: 'roads',
    ...extra,
  });
  return created.report.id;
}

/** Moves a report along through the API (data preparation, not the moves under test). */
export async function prepare(staff: Staff, id: number, to: string): Promise<void> {
  const call = adminApi(staff);
  const post = (action: string, body: Record<string, unknown> = {}) =>
    call('POST', `/api/v1/reports/${id}/${action}`, body);
  const steps: Record<string, () => Promise<unknown>> = {
    pending_classification: () => post('status', { status: 'pending_classification' }),
    classified: () => call('PUT', `/api/v1/reports/${id}/classify`, { manual_category: 'roads' }),
    assigned_to_department: () => post('assign-department', { department_id: staff.department.id }),
    assigned_to_officer: async () => {
      await post('assign-department', { department_id: staff.department.id });
      await post('assign-officer', { officer_id: staff.officer.id });
    },
    assignment_rejected: async () => {
      await steps.assigned_to_officer();
      await post('reject-assignment', { reason: 'Prepared: not my ward' });
    },
    pending_verification: async () => {
      await steps.assigned_to_officer();
      await post('acknowledge');
      await post('start-work');
      await post('submit-for-verification', { resolution_notes: 'Prepared: filled' });
    },
  };
  await steps[to]();
  expect((await call('GET', `/api/v1/reports/${id}`)).report.status).toBe(to);
}

/** One browser page per role, each signed in once. */
export async function staffPages(browser: Browser, staff: Staff) {
  const pages = {} as Record<Role, Page>;
  const watched: string[][] = [];
  const sign: Record<Role, [string, string]> = {
    admin: [staff.server.admin.username, staff.server.admin.password],
    moderator: [staff.moderator.username, staff.password],
    officer: [staff.officer.username, staff.password],
  };
  for (const role of ['admin', 'moderator', 'officer'] as Role[]) {
    const context = await newContext(browser, staff.server);
    const page = await context.newPage();
    watched.push(watchErrors(page));
    await signIn(page, ...sign[role]);
    pages[role] = page;
  }
  /** Page and console errors on any of the pages so far. */
  return { pages, errors: () => watched.flat() };
}

export async function openReport(page: Page, id: number) {
  await page.goto(`/reports/${id}`);
  try {
    await page.getByRole('region', { name: 'Actions', exact: true }).waitFor();
  } catch (error) {
    await screenshot(page, `reports-staff-open-${id}-failed`);
    const text = (await page.locator('body').textContent()) ?? '';
    throw new Error(`report ${id} did not open: ${text.slice(0, 500)}`, { cause: error });
  }
}

export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).first();

export async function shownStatus(page: Page): Promise<string | null> {
  return region(page, 'Report').locator('.badge[class*="badge-status-"]').textContent();
}

/** The workflow actions the Actions section offers, as target statuses (enabled ones unless `all`). */
export async function offeredMoves(page: Page, all = false): Promise<string[]> {
  const buttons = region(page, 'Actions').locator(`button[data-to-status]${all ? '' : ':enabled'}`);
  return buttons.evaluateAll((els) => els.map((el) => el.getAttribute('data-to-status') ?? ''));
}

/** Fills a dialog: selects pick the option with that label, other fields take the text. */
export async function fillDialog(dialog: Locator, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const field = dialog.getByLabel(new RegExp(`^${escaped}( \\(required\\))?$`));
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

/** Clicks `button` (in the Actions section unless `within` says otherwise), fills and submits its dialog. */
export async function clickAction(
  page: Page,
  button: string,
  fields: Record<string, string> | null = {},
  within: Locator = region(page, 'Actions'),
) {
  await within.getByRole('button', { name: button, exact: true }).click();
  if (fields === null) return; // no dialog (auto-assign)
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fillDialog(dialog, fields);
  const submit = dialog.locator('.dialog-foot').getByRole('button', { name: /./ }).last();
  await submit.click();
  await dialog.waitFor({ state: 'hidden' });
}
