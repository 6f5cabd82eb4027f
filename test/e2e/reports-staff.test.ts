// Browser tests of the report workflow: every move of the transition table (src/modules/reports/transitions.ts)
// clicked through the report screen by the role that makes it — administrator, moderator or the assigned officer —
// and checked on the screen (status badge, history) and through the API. Data is prepared through the API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allowedTransitions, type ReportStatus } from '../../src/modules/reports/transitions.ts';
import { launchBrowser, screenshot } from './browser.ts';
import {
  adminApi,
  clickAction,
  createStaff,
  fileReport,
  label,
  offeredMoves,
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
/** Every move made by a click in the web app, as "from>to". */
const madeInUi = new Set<string>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  staff = await createStaff(server, 'wf');
  ({ pages, errors: pageErrors } = await staffPages(browser, staff));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Step {
  as: Role;
  /** The button's name; in the Actions section unless `in` names another section. */
  click: string;
  to: ReportStatus;
  fields?: Record<string, string> | null;
  in?: string;
}

const api = <T = any>(method: string, path: string, body?: unknown) => adminApi(staff)<T>(method, path, body);
const statusOf = async (id: number): Promise<ReportStatus> => (await api('GET', `/api/v1/reports/${id}`)).report.status;

/** Walks the steps through the web app; each move shows in the badge and the API, and is recorded. */
async function walk(id: number, steps: Step[]) {
  let current: Role | null = null;
  let from = await statusOf(id);
  for (const step of steps) {
    const page = pages[step.as];
    // A page that made the last move has reloaded the report; another role's page opens it afresh.
    if (current !== step.as) await openReport(page, id);
    current = step.as;
    expect(await shownStatus(page)).toBe(label(from));
    // The administrator is offered exactly the moves of the table from this status.
    if (step.as === 'admin') expect(await offeredMoves(page, true)).toEqual(allowedTransitions[from]);
    const within = step.in ? region(page, step.in) : undefined;
    await clickAction(page, step.click, step.fields === undefined ? {} : step.fields, within);
    await expect.poll(() => shownStatus(page), { timeout: 15_000 }).toBe(label(step.to));
    expect(await statusOf(id)).toBe(step.to);
    madeInUi.add(`${from}>${step.to}`);
    from = step.to;
  }
}

const history = async (id: number) =>
  (await api('GET', `/api/v1/reports/${id}/history`)).history
    .filter((h: any) => h.old_status !== h.new_status)
    .map((h: any) => `${h.old_status}>${h.new_status}`);

describe('report workflow through the web app', () => {
  test('main path: received to closed, reopened and back in progress, with the history on screen', async () => {
    const id = await fileReport(staff, 'Pothole on Station Road');
    const dept = { Department: staff.department.name };
    const officer = { Officer: staff.officer.name, 'Priority (1–10)': '7' };
    await walk(id, [
      { as: 'admin', click: 'Move to pending classification', to: 'pending_classification' },
      {
        as: 'moderator',
        click: 'Classify',
        to: 'classified',
        fields: { Category: 'Roads', Severity: 'High', 'Classification notes': 'Road surface, busy junction' },
      },
      { as: 'admin', click: 'Assign a department', to: 'assigned_to_department', fields: dept },
      { as: 'admin', click: 'Assign an officer', to: 'assigned_to_officer', fields: officer },
      { as: 'officer', click: 'Acknowledge', to: 'acknowledged' },
      { as: 'officer', click: 'Start work', to: 'in_progress', fields: { Notes: 'Crew on site' } },
      {
        as: 'officer',
        click: 'Submit for verification',
        to: 'pending_verification',
        fields: { 'Resolution notes': 'Filled and rolled' },
      },
      { as: 'admin', click: 'Approve the resolution', to: 'resolved' },
      { as: 'admin', click: 'Move to closed', to: 'closed' },
      { as: 'admin', click: 'Reopen', to: 'reopened', fields: { Reason: 'The pothole came back after rain' } },
      { as: 'officer', click: 'Start work', to: 'in_progress' },
    ]);
    const moves = [
      'received>pending_classification',
      'pending_classification>classified',
      'classified>assigned_to_department',
      'assigned_to_department>assigned_to_officer',
      'assigned_to_officer>acknowledged',
      'acknowledged>in_progress',
      'in_progress>pending_verification',
      'pending_verification>resolved',
      'resolved>closed',
      'closed>reopened',
      'reopened>in_progress',
    ];
    expect(await history(id)).toEqual(['null>received', ...moves]);

    const page = pages.officer;
    const rows = region(page, 'Status history').getByRole('row');
    await expect.poll(() => rows.count()).toBe(moves.length + 2); // header and the filing
    const shown = (await rows.allTextContents()).join('\n');
    for (const move of moves) {
      const [from, to] = move.split('>');
      expect(shown).toContain(`${label(from)} → ${label(to)}`);
    }
    expect(shown).toContain('Crew on site');
    expect(shown).toContain('The pothole came back after rain');
    // The task and the classification the clicks recorded.
    const task = await region(page, 'Task').textContent();
    expect(task).toContain(staff.officer.name);
    expect(task).toContain('Filled and rolled');
    const classification = await region(page, 'Classification').textContent();
    expect(classification).toMatch(/Manual severity\s*High/);
    expect(classification).toContain('Road surface, busy junction');
    const detail = await api('GET', `/api/v1/reports/${id}`);
    expect(detail.report).toMatchObject({ manual_category: 'roads', manual_severity: 'high', severity: 'high' });
    expect(detail.task).toMatchObject({ assigned_to: staff.officer.id, priority: 7, status: 'in_progress' });
    await screenshot(page, 'reports-staff-report-desktop');
  });

  test('holds, re-routing, auto-assignment and rejected assignments, then rejected from classified', async () => {
    const id = await fileReport(staff, 'Broken kerb on Lake Road');
    const dept = { Department: staff.department.name };
    const officer = { Officer: staff.officer.name };
    const reason = (text: string) => ({ Reason: text });
    await walk(id, [
      { as: 'admin', click: 'Assign a department', to: 'assigned_to_department', fields: dept },
      { as: 'admin', click: 'Put on hold', to: 'on_hold', fields: reason('Waiting for the budget') },
      { as: 'admin', click: 'Assign a department', to: 'assigned_to_department', fields: dept },
      { as: 'admin', click: 'Auto-assign an officer', to: 'assigned_to_officer', fields: null, in: 'Task' },
      { as: 'officer', click: 'Put on hold', to: 'on_hold', fields: reason('Road closed for a festival') },
      { as: 'admin', click: 'Assign an officer', to: 'assigned_to_officer', fields: officer },
      { as: 'officer', click: 'Reject the assignment', to: 'assignment_rejected', fields: reason('Not my ward') },
      { as: 'admin', click: 'Assign an officer', to: 'assigned_to_officer', fields: officer },
      { as: 'officer', click: 'Reject the assignment', to: 'assignment_rejected', fields: reason('Still not mine') },
      { as: 'admin', click: 'Move to classified', to: 'classified' },
      { as: 'moderator', click: 'Reject the report', to: 'rejected', fields: reason('Private road') },
    ]);
    const detail = await api('GET', `/api/v1/reports/${id}`);
    expect(detail.report).toMatchObject({
      rejection_reason: 'Private road',
      assignment_rejection_reason: 'Still not mine',
      hold_reason: 'Road closed for a festival',
    });
    expect(await region(pages.moderator, 'Report').textContent()).toContain('Private road');
  });

  test('the officer holds and resumes work; work sent back; rejected at verification', async () => {
    const id = await fileReport(staff, 'Sinking manhole on Hill Road');
    const hold = (text: string) => ({ Reason: text });
    await walk(id, [
      { as: 'admin', click: 'Move to pending classification', to: 'pending_classification' },
      {
        as: 'admin',
        click: 'Assign a department',
        to: 'assigned_to_department',
        fields: { Department: staff.department.name },
      },
      { as: 'admin', click: 'Assign an officer', to: 'assigned_to_officer', fields: { Officer: staff.officer.name } },
      { as: 'officer', click: 'Acknowledge', to: 'acknowledged' },
      { as: 'officer', click: 'Put on hold', to: 'on_hold', fields: hold('Waiting for a cover') },
      { as: 'officer', click: 'Start work', to: 'in_progress' },
      { as: 'officer', click: 'Put on hold', to: 'on_hold', fields: hold('Rain') },
      { as: 'officer', click: 'Start work', to: 'in_progress' },
      { as: 'officer', click: 'Submit for verification', to: 'pending_verification' },
      { as: 'officer', click: 'Put on hold', to: 'on_hold', fields: hold('Inspector away') },
      { as: 'officer', click: 'Start work', to: 'in_progress' },
      { as: 'officer', click: 'Submit for verification', to: 'pending_verification' },
      { as: 'admin', click: 'Send the work back', to: 'in_progress', fields: { Reason: 'Cover rocks' } },
      { as: 'officer', click: 'Submit for verification', to: 'pending_verification' },
      { as: 'admin', click: 'Reject the report', to: 'rejected', fields: { Reason: 'Utility company owns it' } },
    ]);
    expect((await api('GET', `/api/v1/reports/${id}`)).task.status).toBe('rejected');
  });

  test('a resolved report reopened; a rejected assignment rejected', async () => {
    const resolvedOne = await fileReport(staff, 'Faded zebra crossing');
    await prepare(staff, resolvedOne, 'pending_verification');
    await walk(resolvedOne, [
      { as: 'admin', click: 'Approve the resolution', to: 'resolved' },
      { as: 'admin', click: 'Reopen', to: 'reopened' },
    ]);
    const refused = await fileReport(staff, 'Tree root lifting the pavement');
    await prepare(staff, refused, 'assignment_rejected');
    await walk(refused, [
      { as: 'admin', click: 'Reject the report', to: 'rejected', fields: { Reason: 'Parks department matter' } },
    ]);
  });

  test('intake exits: rejected or duplicate from received, pending classification, classified and routed', async () => {
    const near = { latitude: 23.3641, longitude: 85.3196 };
    const original = await fileReport(staff, 'Water-logged pothole at the market gate', near);
    const number = (await api('GET', `/api/v1/reports/${original}`)).report.report_number;
    const twin = await fileReport(staff, 'Water-logged pothole at the market gate', near);
    // From the candidates list: the original is offered with a button of its own.
    await walk(twin, [
      { as: 'moderator', click: `Mark duplicate of ${number}`, to: 'duplicate', in: 'Possible duplicates' },
    ]);
    expect((await api('GET', `/api/v1/reports/${twin}`)).report).toMatchObject({
      is_duplicate: true,
      duplicate_of_report_id: original,
    });
    await expect.poll(() => region(pages.moderator, 'Report').textContent()).toContain(`Report ${original}`);

    const spam = await fileReport(staff, 'Advertisement for a tyre shop');
    await walk(spam, [{ as: 'moderator', click: 'Reject the report', to: 'rejected', fields: { Reason: 'Spam' } }]);

    const typed = { 'Original report id': String(original) };
    for (const [start, exit] of [
      ['pending_classification', 'rejected'],
      ['pending_classification', 'duplicate'],
      ['classified', 'duplicate'],
      ['assigned_to_department', 'duplicate'],
    ] as const) {
      const id = await fileReport(staff, `Pothole reported again (${start})`);
      await prepare(staff, id, start);
      const step: Step =
        exit === 'rejected'
          ? { as: 'moderator', click: 'Reject the report', to: exit, fields: { Reason: 'Not a civic issue' } }
          : { as: 'moderator', click: 'Mark as duplicate', to: exit, fields: typed };
      await walk(id, [step]);
    }
  });

  test('offers only the moves allowed for the status and role', async () => {
    const id = await fileReport(staff, 'Loose manhole cover on Church Road');
    await openReport(pages.moderator, id);
    expect(await offeredMoves(pages.moderator, true)).toEqual(['rejected', 'duplicate']);
    await openReport(pages.officer, id);
    expect(await offeredMoves(pages.officer, true)).toEqual([]);
    await expect
      .poll(() => region(pages.officer, 'Actions').textContent())
      .toContain('No workflow action is open to your role from received');

    await prepare(staff, id, 'assigned_to_officer');
    await openReport(pages.officer, id);
    expect(await offeredMoves(pages.officer)).toEqual(['acknowledged', 'on_hold', 'assignment_rejected']);
    await openReport(pages.admin, id);
    expect(await offeredMoves(pages.admin)).toEqual(allowedTransitions.assigned_to_officer);
    const actions = await region(pages.admin, 'Actions').textContent();
    for (const absent of ['Approve the resolution', 'Reopen', 'Move to closed', 'Mark as duplicate']) {
      expect(actions).not.toContain(absent);
    }
    // Terminal: nothing is offered, and the API refuses what the screen does not offer.
    const gone = await fileReport(staff, 'Graffiti on the bus shelter');
    await api('POST', `/api/v1/reports/${gone}/reject`, { rejection_reason: 'Not roads' });
    await openReport(pages.admin, gone);
    expect(await offeredMoves(pages.admin, true)).toEqual([]);
    await expect(api('POST', `/api/v1/reports/${gone}/reopen`, {})).rejects.toThrow(/422 invalid_transition/);
  });

  test('every move of the transition table was made through the web app', () => {
    const table = Object.entries(allowedTransitions).flatMap(([from, targets]) => targets.map((to) => `${from}>${to}`));
    expect(table.length).toBe(35);
    expect(table.filter((edge) => !madeInUi.has(edge))).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });
});
