// Browser tests of campaigns: create one, find and add members, build its survey; and its public signup form
// (no sign-in): the same person signing up twice with the email in another case stays one voter, the
// "Signed Up" interactions are on their timeline, and the honeypot field is there but hidden.
import { describe, expect, test } from 'vitest';
import { newContext, screenshot, signIn, watchErrors } from './browser.ts';
import { adminPage, api, createCampaign, createVoter, eventually, votersE2e } from './voters-kit.ts';

const kit = votersE2e();

describe('campaign page', () => {
  test('create a campaign, add a member found by name, build the survey, see the membership', async () => {
    const grace = await createVoter(kit, {
      first_name: 'Grace',
      last_name: 'Hopper',
      email_address: 'grace.hopper@example.org',
    });
    await createVoter(kit, { first_name: 'Alan', last_name: 'Turing', email_address: 'alan.turing@example.org' });

    const { page, errors, close } = await adminPage(kit);
    await page.goto('/campaigns');
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page.getByRole('button', { name: 'New campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Name').fill('Eastside Canvass');
    await dialog.getByLabel('Starts').fill('2026-03-01');
    await dialog.getByLabel('Ends').fill('2026-11-03');
    await dialog.getByLabel('Description').fill('Door to door east of the river.');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eastside Canvass' }).waitFor();
    const campaignId = Number(/\/campaigns\/(\d+)$/.exec(page.url())?.[1]);
    expect(campaignId).toBeGreaterThan(0);
    await page.getByText('Door to door east of the river.').waitFor();

    // Members: found by a misspelt name, added, listed; the count follows.
    const voters = page.getByRole('region', { name: 'Voters' });
    await voters.getByText('No voters in this campaign yet').waitFor();
    await voters.getByLabel('Find voters to add').fill('Grace Hoper');
    await voters.getByRole('button', { name: 'Find' }).click();
    await voters.getByRole('button', { name: 'Add Grace Hopper' }).click();
    const members = voters.getByRole('table', { name: 'Campaign voters' });
    await members.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    await page.getByText(/· 1 voter ·/).waitFor();
    await voters.getByRole('list', { name: 'Voters found' }).getByText('(in this campaign)').waitFor();

    // The survey: a rating scale, a multiple choice and an open question.
    const survey = page.getByRole('region', { name: 'Survey' });
    const form = survey.getByRole('form', { name: 'Add a question' });
    await form.getByLabel('Question').fill('How likely are you to vote?');
    await form.getByLabel('Type').selectOption('Rating Scale');
    await form.getByLabel('To').fill('10');
    await form.getByRole('button', { name: 'Add question' }).click();
    await survey.getByText('How likely are you to vote?', { exact: true }).waitFor();
    await form.getByLabel('Question').fill('Which issue matters most?');
    await form.getByLabel('Type').selectOption('Multiple Choice');
    await form.getByLabel('Possible answers').fill('Housing\nTransit\nParks');
    await form.getByRole('button', { name: 'Add question' }).click();
    await survey.getByText('Which issue matters most?', { exact: true }).waitFor();
    await form.getByLabel('Question').fill('Anything else we should know?');
    await form.getByLabel('Type').selectOption('Open Text');
    await form.getByRole('button', { name: 'Add question' }).click();
    await survey.getByText('Anything else we should know?', { exact: true }).waitFor();
    expect(await survey.getByRole('listitem').count()).toBe(3);
    expect(await survey.textContent()).toContain('Housing · Transit · Parks');
    expect(await survey.textContent()).toContain('(Rating Scale) from 1 to 10');
    await screenshot(page, 'campaign-desktop');

    const { questions } = await api(kit, 'GET', `/api/v1/survey-questions?campaign_id=${campaignId}`);
    expect(
      questions.map((q: { question_type: string; possible_answers: unknown }) => [q.question_type, q.possible_answers]),
    ).toEqual([
      ['Rating Scale', { min: 1, max: 10 }],
      ['Multiple Choice', { A: 'Housing', B: 'Transit', C: 'Parks' }],
      ['Open Text', null],
    ]);
    const membership = await api(kit, 'GET', `/api/v1/campaigns/${campaignId}/voters`);
    expect(membership.voters.map((v: { voter_id: number }) => v.voter_id)).toEqual([grace]);

    // The campaigns list shows the member count; removing the member empties the campaign.
    await page.goto('/campaigns');
    const row = page.getByRole('row', { name: /Eastside Canvass/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('1');
    await row.getByRole('link', { name: 'Eastside Canvass' }).click();
    await members.getByRole('button', { name: 'Remove Grace Hopper' }).click();
    await voters.getByText('No voters in this campaign yet').waitFor();

    expect(errors).toEqual([]);
    await close();
  });
});

describe('public signup form', () => {
  test('signing up twice with the email in another case keeps one voter with two "Signed Up" entries', async () => {
    const campaignId = await createCampaign(kit, 'Clean Parks Pledge');
    const context = await newContext(kit.browser, kit.server);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`/signup/${campaignId}`);
    // The form names its campaign (read through the public campaign route, without signing in).
    await page.getByRole('heading', { level: 1, name: 'Sign up: Clean Parks Pledge' }).waitFor();

    // The honeypot is in the form but neither seen nor announced nor reachable with Tab.
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.count()).toBe(1);
    const box = await honeypot.boundingBox();
    expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await page.getByRole('textbox', { name: 'Website' }).count()).toBe(0);

    const signUp = async (email: string, notes: string) => {
      await page.getByLabel('First name').fill('Pat');
      await page.getByLabel('Last name').fill('Signer');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Anything you want to tell us').fill(notes);
      await page.getByLabel('I want to get involved').check();
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByText('You are signed up.').waitFor();
    };
    await signUp('pat.signer@example.org', 'Saturdays work for me.');
    await screenshot(page, 'signup-done-desktop');
    await page.goto(`/signup/${campaignId}`);
    await signUp('Pat.Signer@Example.ORG', 'Bringing a friend.');
    expect(errors).toEqual([]);
    await context.close();

    const found = await api(kit, 'GET', '/api/v1/voters?email=pat.signer%40example.org');
    expect(found.total_voters).toBe(1);
    const byName = await api(kit, 'GET', '/api/v1/voters?q=Pat%20Signer');
    expect(byName.total_voters).toBe(1);
    const voterId = found.voters[0].voter_id as number;
    expect(found.voters[0].email_address).toBe('pat.signer@example.org');
    expect(found.voters[0].source_campaign_id).toBe(campaignId);

    // The staff side: both signups on the person's timeline, with the campaign and the interests.
    const admin = await adminPage(kit);
    await admin.page.goto(`/voters/${voterId}`);
    await admin.page.getByRole('heading', { level: 1, name: 'Pat Signer' }).waitFor();
    const timeline = admin.page.getByRole('region', { name: 'Timeline' });
    const signedUp = timeline.getByRole('row', { name: /Signed Up/ });
    await eventually(() => signedUp.count()).toBe(2);
    expect(await signedUp.first().textContent()).toContain('Clean Parks Pledge');
    expect(await timeline.textContent()).toContain('Bringing a friend. Expressed interest: Get Involved.');
    expect(await timeline.textContent()).toContain('Saturdays work for me. Expressed interest: Get Involved.');
    await admin.page
      .getByRole('region', { name: 'Tags, lists and campaigns' })
      .getByRole('link', { name: 'Clean Parks Pledge' })
      .waitFor();
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  test('a form for a campaign that does not exist says so and offers no form', async () => {
    const context = await newContext(kit.browser, kit.server);
    const page = await context.newPage();
    await page.goto('/signup/999999');
    const alert = page.getByRole('alert');
    await alert.getByText('This signup form is not available').waitFor();
    expect(await alert.textContent()).toContain('Campaign 999999 was not found');
    expect(await page.getByRole('button', { name: 'Sign up' }).count()).toBe(0);
    await context.close();
  });
});

describe('on a phone', () => {
  test('the voters screens fit the width of a phone', async () => {
    const campaign = await createCampaign(kit, 'Phone Bank Pilot');
    const voter = await createVoter(kit, {
      first_name: 'Maximiliano',
      last_name: 'Castellanos-Villanueva',
      email_address: 'maximiliano.castellanos-villanueva@example.org',
      street_address: '1154 Clearwater Lake Rd',
      city: 'Chapel Hill',
      zip_code: '27517',
    });
    await api(kit, 'POST', `/api/v1/campaigns/${campaign}/voters`, { voter_ids: [voter] });
    const context = await newContext(kit.browser, kit.server, 'phone');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, kit.server.admin.username, kit.server.admin.password);
    const screens: [string, string, string][] = [
      ['/voters', 'Voters', 'voters-list-phone'],
      [`/voters/${voter}`, 'Maximiliano Castellanos-Villanueva', 'voter-profile-phone'],
      ['/voters/segments/new', 'New segment', 'segment-builder-phone'],
      [`/campaigns/${campaign}`, 'Phone Bank Pilot', 'campaign-phone'],
      ['/voters/imports/new', 'Import voters', 'import-wizard-phone'],
      ['/voters/duplicates', 'Possible duplicates', 'duplicates-phone'],
    ];
    for (const [url, heading, name] of screens) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, name);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, url).toBeLessThanOrEqual(390);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
