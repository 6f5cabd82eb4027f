// Browser tests of the reports staff screens around the workflow: the queue filters against the API, department
// workload and analytics showing the API's numbers, and on the report screen the classification override,
// appeals and escalations; departments and area assignments managed through their screens.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser.ts';
import {
  adminApi,
  clickAction,
  createStaff,
  fileReport,
  label,
  openReport,
  prepare,
  type Role,
  region,
  shownStatus,
  type Staff,
  staffPages,
} from './reports-staff-kit.ts';
import { type E2eServer, startServer } from './server.ts';

let server: E2eServer;
let browser: Browser;
let staff: Staff;
let pages: Record<Role, Page>;
let pageErrors: () => string[];
let water: { id: number; name: string };
const ids = {} as Record<'critical' | 'water' | 'streetlight' | 'rejected' | 'working', number>;

const api = <T = any>(method: string, path: string, body?: unknown) => adminApi(staff)<T>(method, path, body);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  staff = await createStaff(server, 'sc');
  water = { id: 0, name: 'Water Works sc' };
  water.id = (await api('POST', '/api/v1/reports/departments', { name: water.name })).id;
  // The moderator also holds ward W17, for the area filter.
  await api('POST', '/api/v1/reports/areas', {
    user_id: staff.moderator.id,
    area_type: 'ward',
    area_name: 'Ward 17',
    area_data: { ward_number: 'W17' },
  });
  ids.critical = await fileReport(staff, 'Crater on the ring road', { severity: 'critical', ward_number: 'W17' });
  await prepare(staff, ids.critical, 'assigned_to_officer');
  ids.water = await fileReport(staff, 'Burst pipe flooding the lane', { category: 'water', severity: 'low' });
  await api('POST', `/api/v1/reports/${ids.water}/assign-department`, { department_id: water.id });
  ids.streetlight = await fileReport(staff, 'Streetlight dark for a week', {
    category: 'streetlight',
    ward_number: 'W17',
  });
  ids.rejected = await fileReport(staff, 'Not a civic issue at all');
  await api('POST', `/api/v1/reports/${ids.rejected}/reject`, { rejection_reason: 'Spam' });
  ids.working = await fileReport(staff, 'Cracked culvert by the school', { severity: 'high' });
  await prepare(staff, ids.working, 'assigned_to_officer');
  for (const action of ['acknowledge', 'start-work']) await api('POST', `/api/v1/reports/${ids.working}/${action}`);
  ({ pages, errors: pageErrors } = await staffPages(browser, staff));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The report numbers the queue shows, in order. */
const shownNumbers = (page: Page) =>
  page.getByRole('region', { name: 'Reports', exact: true }).locator('tbody tr td:first-child').allTextContents();

/** The report numbers the API answers for the same query, in order. */
async function apiNumbers(query: string, token = staff.token): Promise<string[]> {
  const list = await adminApi({ ...staff, token })('GET', `/api/v1/reports?${query}`);
  return list.reports.map((r: any) => r.report_number);
}

/** Sets every filter (the ones not named back to "any") and applies them. */
async function applyFilter(page: Page, fields: Record<string, string>) {
  const bar = page.getByRole('search', { name: 'Filter reports' });
  for (const name of ['Status', 'Severity', 'Category', 'Department', 'Area', 'SLA']) {
    const select = bar.getByLabel(name, { exact: true });
    await (fields[name] ? select.selectOption({ label: fields[name] }) : select.selectOption({ value: '' }));
  }
  await bar.getByRole('button', { name: 'Apply filters' }).click();
}

describe('reports staff screens', () => {
  test('queue filters by status, severity, department, area and SLA answer what the API answers', async () => {
    const page = pages.admin;
    await page.goto('/reports/queue');
    await page.getByRole('heading', { level: 1, name: 'Report queue' }).waitFor();
    const all = await apiNumbers('');
    expect(all).toHaveLength(5);
    await expect.poll(() => shownNumbers(page)).toEqual(all);

    const number = async (id: number) => (await api('GET', `/api/v1/reports/${id}`)).report.report_number;
    const cases: [Record<string, string>, string, string[]][] = [
      [{ Status: 'Rejected' }, 'status=rejected', [await number(ids.rejected)]],
      [{ Severity: 'Critical' }, 'severity=critical', [await number(ids.critical)]],
      [{ Department: water.name }, `department_id=${water.id}`, [await number(ids.water)]],
      [{ Status: 'In progress', Severity: 'High' }, 'status=in_progress&severity=high', [await number(ids.working)]],
      [{ SLA: 'Within SLA' }, 'overdue=false', all],
    ];
    for (const [fields, query, expected] of cases) {
      await applyFilter(page, fields);
      expect(await apiNumbers(query)).toEqual(expected);
      await expect.poll(() => shownNumbers(page)).toEqual(expected);
      expect(page.url()).toContain(query.split('&')[0]);
    }
    // Nothing here is past its SLA yet (the shortest is hours away): the overdue filter reaches the API and shows
    // its empty answer.
    const request = page.waitForRequest(
      (r) => r.url().includes('/api/v1/reports?') && r.url().includes('overdue=true'),
    );
    await applyFilter(page, { SLA: 'Overdue' });
    await request;
    expect(await apiNumbers('overdue=true')).toEqual([]);
    await page.getByText('No reports match these filters').waitFor();

    // A moderator filters by one of their areas (ward W17 holds two reports; the city-wide area all of them).
    const moderator = pages.moderator;
    await moderator.goto('/reports/queue');
    const areas = (await adminApi(staff)('GET', `/api/v1/reports/areas?user_id=${staff.moderator.id}`)).areas;
    const ward = areas.find((a: any) => a.area_name === 'Ward 17');
    await applyFilter(moderator, { Area: 'Ward 17' });
    const inWard = await apiNumbers(`area_id=${ward.id}`);
    expect(inWard.sort()).toEqual([await number(ids.critical), await number(ids.streetlight)].sort());
    await expect.poll(async () => (await shownNumbers(moderator)).sort()).toEqual(inWard.sort());
    await screenshot(moderator, 'reports-staff-queue-desktop');
  });

  test('department workload and analytics show the numbers the API computes', async () => {
    const page = pages.admin;
    await page.goto('/reports/workload');
    const picker = page.getByRole('search', { name: 'Choose a department' });
    await picker.getByLabel('Department').selectOption({ label: staff.department.name });
    await picker.getByRole('button', { name: 'Apply filters' }).click();
    const w = await api('GET', `/api/v1/reports/workload/department/${staff.department.id}`);
    expect(w.open_reports).toBe(2);
    const summary = `${w.open_reports} open, ${w.overdue_reports} overdue, ${w.unassigned} waiting for an officer.`;
    await page.getByText(summary).waitFor();
    const byStatus = w.by_status.map((s: any) => `${label(s.status)} ${s.count}`).join(', ');
    await page.getByRole('img', { name: `Open reports by status: ${byStatus}` }).waitFor();
    const officer = w.officers.find((o: any) => o.officer_id === staff.officer.id);
    expect(officer).toMatchObject({ open_tasks: 2, in_progress: 1 });
    const row = region(page, 'Officers').getByRole('row', { name: new RegExp(staff.officer.name) });
    expect((await row.getByRole('cell').allTextContents()).slice(1)).toEqual(
      [officer.open_tasks, officer.in_progress, officer.overdue_tasks, officer.resolved_last_30_days].map(String),
    );
    await screenshot(page, 'reports-staff-workload-desktop');

    await page.goto('/reports/analytics');
    const stats = await api('GET', '/api/v1/reports/analytics/stats');
    expect(stats.total).toBe(5);
    const facts = region(page, 'Service levels');
    await expect.poll(() => facts.textContent()).toMatch(/Reports\s*5/);
    const chart = (title: string, counts: { key: string; count: number }[]) =>
      `${title}: ${counts.map((c) => `${label(c.key)} ${c.count}`).join(', ')}`;
    await page.getByRole('img', { name: chart('Reports by status', stats.by_status) }).waitFor();
    await page.getByRole('img', { name: chart('Reports by severity', stats.by_severity) }).waitFor();
    await page.getByRole('img', { name: chart('Reports by category', stats.by_category) }).waitFor();
    const bar = page.getByRole('search', { name: 'Filter analytics' });
    await bar.getByLabel('Department').selectOption({ label: water.name });
    await bar.getByRole('button', { name: 'Apply filters' }).click();
    const waterStats = await api('GET', `/api/v1/reports/analytics/stats?department_id=${water.id}`);
    expect(waterStats.total).toBe(1);
    await expect.poll(() => facts.textContent()).toMatch(/Reports\s*1/);
    await page.getByRole('img', { name: chart('Reports by category', waterStats.by_category) }).waitFor();
    await screenshot(page, 'reports-staff-analytics-desktop');
  });

  test('departments and area assignments: created, deactivated and deleted through the screens', async () => {
    const page = pages.admin;
    await page.goto('/reports/departments');
    await page.getByRole('button', { name: 'New department' }).click();
    let dialog = page.getByRole('dialog', { name: 'New department' });
    await dialog.getByLabel(/^Name/).fill('Parks sc');
    await dialog.getByLabel('Routing keywords').fill('tree, park');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /Parks sc/ });
    await expect.poll(() => row.textContent()).toContain('tree, park');
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete Parks sc?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const departments = (await api('GET', '/api/v1/reports/departments')).departments;
    expect(departments.map((d: any) => d.name)).not.toContain('Parks sc');

    await page.goto('/reports/areas');
    await page.getByRole('button', { name: 'Assign an area' }).click();
    dialog = page.getByRole('dialog', { name: 'Assign an area' });
    await dialog.getByLabel(/^Staff member/).selectOption({ label: `${staff.officer.name} (Nodal officer)` });
    await dialog.getByLabel('Type').selectOption({ label: 'Ward' });
    await dialog.getByLabel(/^Area name/).fill('Ward 18');
    await dialog.getByLabel(/^Ward number or name/).fill('W18');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    const area = page.getByRole('row', { name: /Ward 18/ });
    await expect.poll(() => area.textContent()).toContain(staff.officer.name);
    const mine = async () =>
      (await api('GET', `/api/v1/reports/areas?user_id=${staff.officer.id}`)).areas.find(
        (a: any) => a.area_name === 'Ward 18',
      );
    expect(await mine()).toMatchObject({ area_type: 'ward', is_active: true, area_data: { name: 'W18' } });
    await area.getByRole('button', { name: 'Deactivate' }).click();
    // exact: "Activate" is also inside "Deactivate", which would match at once, before the change is made.
    await area.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect((await mine()).is_active).toBe(false);
    await area.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => area.count()).toBe(0);
    expect(await mine()).toBeUndefined();
  });

  test('report screen: classification override keeps the status; appeals and escalations', async () => {
    const page = pages.moderator;
    await openReport(page, ids.critical);
    await clickAction(
      page,
      'Override the classification',
      { Category: 'Drainage', Severity: 'Medium', 'Classification notes': 'Water under the crater' },
      region(page, 'Classification'),
    );
    const classification = region(page, 'Classification');
    await expect.poll(() => classification.textContent()).toContain('Water under the crater');
    expect(await classification.textContent()).toMatch(/Manual category\s*Drainage/);
    expect(await shownStatus(page)).toBe('Assigned to officer');
    expect((await api('GET', `/api/v1/reports/${ids.critical}`)).report).toMatchObject({
      status: 'assigned_to_officer',
      manual_category: 'drainage',
      manual_severity: 'medium',
      severity: 'medium',
      classification_notes: 'Water under the crater',
      classified_by_user_id: staff.moderator.id,
    });

    // The administrator raises a quality concern and approves it; escalates, acknowledges and resolves.
    const admin = pages.admin;
    await openReport(admin, ids.critical);
    const appeals = region(admin, 'Appeals');
    await appeals.getByRole('button', { name: 'File an appeal' }).click();
    let dialog = admin.getByRole('dialog', { name: 'File an appeal' });
    await dialog.getByLabel('Type').selectOption({ label: 'Quality concern' });
    await dialog.getByLabel(/^Reason/).fill('Patch keeps failing');
    await dialog.getByRole('button', { name: 'File the appeal' }).click();
    await appeals.getByRole('row', { name: /Patch keeps failing/ }).waitFor();
    await appeals.getByRole('button', { name: 'Review' }).click();
    dialog = admin.getByRole('dialog', { name: 'Review the appeal' });
    await dialog.getByLabel('Decision').selectOption({ label: 'Approve' });
    await dialog.getByLabel('Review notes').fill('Send a better crew');
    await dialog.getByRole('button', { name: 'Save the review' }).click();
    await expect
      .poll(() => appeals.getByRole('row', { name: /Patch keeps failing/ }).textContent())
      .toContain('Approved');

    const escalations = region(admin, 'Escalations');
    await escalations.getByRole('button', { name: 'Escalate' }).click();
    dialog = admin.getByRole('dialog', { name: 'Escalate the report' });
    await dialog.getByLabel('Level').selectOption({ label: 'Level 2 — City manager' });
    await dialog.getByLabel('Reason').selectOption({ label: 'Vip attention' });
    await dialog.getByLabel(/^Description/).fill('The mayor drives past daily');
    await dialog.getByLabel(/^SLA hours/).fill('12');
    await dialog.locator('.dialog-foot').getByRole('button', { name: 'Escalate' }).click();
    const row = escalations.getByRole('row', { name: /The mayor drives past daily/ });
    await expect.poll(() => row.textContent()).toContain('Escalated');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => row.textContent()).toContain('Acknowledged');
    await row.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => row.textContent()).toContain('Resolved');
    const detail = await api('GET', `/api/v1/reports/${ids.critical}`);
    expect(detail.appeals).toMatchObject([{ appeal_type: 'quality_concern', status: 'approved' }]);
    expect(detail.escalations).toMatchObject([{ level: 'level_2', reason: 'vip_attention', status: 'resolved' }]);
    await screenshot(admin, 'reports-staff-appeals-escalations-desktop');
    await admin.setViewportSize(viewports.phone);
    await screenshot(admin, 'reports-staff-report-phone');
    await admin.setViewportSize(viewports.desktop);
  });

  test("an officer's incorrect-assignment appeal approved with another officer picked by name", async () => {
    const other = await api('POST', '/api/v1/users', {
      username: 'officer_sc2',
      password: staff.password,
      role: 'nodal_officer',
      full_name: 'Ola Second sc',
      department_id: staff.department.id,
    });
    await openReport(pages.officer, ids.working);
    const appeals = region(pages.officer, 'Appeals');
    await appeals.getByRole('button', { name: 'File an appeal' }).click();
    let dialog = pages.officer.getByRole('dialog', { name: 'File an appeal' });
    await dialog.getByLabel('Type').selectOption({ label: 'Incorrect assignment' });
    await dialog.getByLabel(/^Reason/).fill('This culvert is in the next ward');
    await dialog.getByRole('button', { name: 'File the appeal' }).click();
    await appeals.getByRole('row', { name: /next ward/ }).waitFor();

    await openReport(pages.admin, ids.working);
    await region(pages.admin, 'Appeals').getByRole('button', { name: 'Review' }).click();
    dialog = pages.admin.getByRole('dialog', { name: 'Review the appeal' });
    await dialog.getByLabel('Decision').selectOption({ label: 'Approve' });
    await dialog.getByLabel('Reassign to officer').selectOption({ label: 'Ola Second sc' });
    await dialog.getByRole('button', { name: 'Save the review' }).click();
    await expect.poll(() => region(pages.admin, 'Task').textContent()).toContain('Ola Second sc');
    const detail = await api('GET', `/api/v1/reports/${ids.working}`);
    expect(detail.task.assigned_to).toBe(other.user.id);
    expect(detail.appeals).toMatchObject([{ appeal_type: 'incorrect_assignment', status: 'approved' }]);
    expect(pageErrors()).toEqual([]);
  });
});
