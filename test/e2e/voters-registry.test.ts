// Browser tests of the person registry: the voters list (fuzzy search, filters), the segment builder (tag and
// campaign conditions, live count, save, CSV export), and the voter profile (log an interaction, tags, lists,
// campaigns, survey answers). Data comes from the API; the features under test are driven through the UI.
import { describe, expect, test } from 'vitest';
import { screenshot } from './browser.ts';
import { adminPage, api, createCampaign, createVoter, downloadedText, eventually, votersE2e } from './voters-kit.ts';

const kit = votersE2e();

describe('voters list and segments', () => {
  test('fuzzy name search, a filter, a saved segment with a tag and a campaign condition, its CSV', async () => {
    const campaign = await createCampaign(kit, 'Riverside Turnout');
    const jonathan = await createVoter(kit, {
      first_name: 'Jonathan',
      last_name: 'Whitfield',
      email_address: 'jon.whitfield@example.org',
      county: 'Chatham',
      zip_code: '27312',
    });
    const maria = await createVoter(kit, {
      first_name: 'Maria',
      last_name: 'Delgado',
      email_address: 'maria.delgado@example.org',
      county: 'Chatham',
    });
    const priya = await createVoter(kit, {
      first_name: 'Priya',
      last_name: 'Raman',
      email_address: 'priya.raman@example.org',
      county: 'Wake',
    });
    await createVoter(kit, { first_name: 'Thomas', last_name: 'Okafor', email_address: 'tokafor@example.org' });
    await api(kit, 'POST', `/api/v1/voters/${jonathan}/tags`, { name: 'Door Volunteer' });
    await api(kit, 'POST', `/api/v1/voters/${priya}/tags`, { name: 'Door Volunteer' });
    await api(kit, 'POST', `/api/v1/campaigns/${campaign}/voters`, { voter_ids: [jonathan, maria] });

    const { page, errors, close } = await adminPage(kit);
    await page.goto('/voters');
    await page.getByRole('heading', { level: 1, name: 'Voters' }).waitFor();
    const table = page.getByRole('table', { name: 'Voters' });
    await eventually(() => table.getByRole('row').count()).toBe(5);

    // A misspelt name still finds the person, and only them.
    const filters = page.getByRole('search', { name: 'Filter voters' });
    await filters.getByLabel('Name').fill('Jonathon Whitfeld');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => page.url()).toContain('q=Jonathon');
    await eventually(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link', { name: 'Jonathan Whitfield' }).waitFor();

    // An exact filter.
    await filters.getByRole('button', { name: 'Clear' }).click();
    await filters.getByLabel('County').fill('Wake');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link', { name: 'Priya Raman' }).waitFor();
    await screenshot(page, 'voters-list-desktop');

    // The segment builder counts as conditions are added: everyone, then the tag, then tag and campaign.
    await page.getByRole('link', { name: 'Build a segment' }).click();
    await page.getByRole('heading', { level: 1, name: 'New segment' }).waitFor();
    const count = page.getByText(/voters? match/);
    await eventually(() => count.textContent()).toBe('4 voters match');
    const root = page.getByRole('group', { name: 'Voters who match' });
    await root.getByRole('button', { name: 'Add condition' }).click();
    const first = root.getByRole('group', { name: 'Condition 1' });
    await first.getByLabel('Condition', { exact: true }).selectOption({ label: 'Has tag' });
    await first.getByRole('checkbox', { name: 'Door Volunteer' }).check();
    await eventually(() => count.textContent()).toBe('2 voters match');
    await root.getByRole('button', { name: 'Add condition' }).click();
    const second = root.getByRole('group', { name: 'Condition 2' });
    await second.getByLabel('Condition', { exact: true }).selectOption({ label: 'In campaign' });
    await second.getByRole('checkbox', { name: 'Riverside Turnout' }).check();
    await eventually(() => count.textContent()).toBe('1 voter matches');
    const matches = page.getByRole('region', { name: 'First matches' });
    await matches.getByRole('link', { name: 'Jonathan Whitfield' }).waitFor();
    expect(await matches.getByRole('link').count()).toBe(1);

    await page.getByLabel('Segment name').fill('Volunteers in Riverside');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Segment: Volunteers in Riverside' }).waitFor();
    const segmentId = Number(/\/voters\/segments\/(\d+)$/.exec(page.url())?.[1]);
    const saved = await api(kit, 'GET', `/api/v1/segments/${segmentId}`);
    expect(saved.segment.definition).toEqual({
      and: [
        { type: 'tag', ids: [expect.any(Number)] },
        { type: 'campaign', ids: [campaign] },
      ],
    });
    // Reopened, the builder shows the saved conditions by name.
    await page.reload();
    await eventually(() => count.textContent()).toBe('1 voter matches');
    expect(await page.getByRole('checkbox', { name: 'Door Volunteer' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Riverside Turnout' }).isChecked()).toBe(true);
    await screenshot(page, 'segment-builder-desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await downloadedText(download);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('first_name');
    expect(lines[1]).toContain('jon.whitfield@example.org');

    // The saved segment is a choice on the voters list, and a voter opens from it.
    await page.goto('/voters/segments');
    await page
      .getByRole('row', { name: /Volunteers in Riverside/ })
      .getByRole('link', { name: 'Show voters' })
      .click();
    await eventually(() => page.url()).toContain(`segment=${segmentId}`);
    await eventually(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link', { name: 'Jonathan Whitfield' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jonathan Whitfield' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/voters/${jonathan}$`));

    // Deleting the segment (after a confirmation) removes the saved search, never the voters it found.
    await page.goto('/voters/segments');
    await page.getByRole('button', { name: 'Delete Volunteers in Riverside' }).click();
    const confirm = page.getByRole('dialog', { name: /Delete the segment/ });
    await confirm.getByRole('button', { name: 'Delete segment' }).click();
    await page.getByRole('row', { name: /Volunteers in Riverside/ }).waitFor({ state: 'detached' });
    await expect(api(kit, 'GET', `/api/v1/segments/${segmentId}`)).rejects.toThrow(/404/);
    expect((await api(kit, 'GET', `/api/v1/voters/${jonathan}`)).voter.first_name).toBe('Jonathan');

    expect(errors).toEqual([]);
    await close();
  });
});

describe('voter profile', () => {
  test('log an interaction, tag, add to a list and a campaign, record a survey answer', async () => {
    const voter = await createVoter(kit, {
      first_name: 'Ada',
      last_name: 'Kowalski',
      email_address: 'ada.kowalski@example.org',
    });
    await api(kit, 'POST', '/api/v1/lists', { name: 'Tuesday phone bank' });
    const campaign = await createCampaign(kit, 'Library Bond 2026');
    await api(kit, 'POST', '/api/v1/survey-questions', {
      campaign_id: campaign,
      question_text: 'Which issue matters most?',
      question_type: 'Multiple Choice',
      possible_answers: { A: 'Housing', B: 'Transit', C: 'Libraries' },
    });

    const { page, errors, close } = await adminPage(kit);
    await page.goto(`/voters/${voter}`);
    await page.getByRole('heading', { level: 1, name: 'Ada Kowalski' }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    const detail = (term: string) => details.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    expect(await detail('Engagement score').textContent()).toBe('0');
    expect(await detail('Last contacted').textContent()).toBe('—');

    // Log an interaction: it is on the timeline, and the score and last contact date follow.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Log an interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.getByLabel('Type').selectOption('Door Knock');
    await dialog.getByLabel('Outcome').selectOption('Pledged Support');
    await dialog.getByLabel('Notes').fill('Wants a yard sign for the library bond');
    await dialog.getByRole('button', { name: 'Log it' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    const row = timeline.getByRole('row', { name: /Wants a yard sign/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Door Knock');
    expect(await row.textContent()).toContain('Pledged Support');
    await eventually(() => detail('Engagement score').textContent()).not.toBe('0');
    expect(Number(await detail('Engagement score').textContent())).toBeGreaterThan(0);
    expect(await detail('Last contacted').textContent()).not.toBe('—');
    const stored = await api(kit, 'GET', `/api/v1/voters/${voter}`);
    expect(stored.voter.engagement_score).toBe(Number(await detail('Engagement score').textContent()));
    expect(stored.voter.last_contacted_date).not.toBeNull();

    // Tag, list and campaign.
    const memberships = page.getByRole('region', { name: 'Tags, lists and campaigns' });
    await memberships.getByLabel('Add a tag').fill('Library Friend');
    await memberships.getByRole('button', { name: 'Add tag' }).click();
    await memberships.getByRole('list', { name: 'Tags' }).getByText('Library Friend').waitFor();
    await memberships.getByLabel('Add to a list').selectOption({ label: 'Tuesday phone bank' });
    await memberships.getByRole('button', { name: 'Add to list' }).click();
    await memberships.getByRole('list', { name: 'Lists' }).getByText('Tuesday phone bank').waitFor();
    await memberships.getByLabel('Add to a campaign').selectOption({ label: 'Library Bond 2026' });
    await memberships.getByRole('button', { name: 'Add to campaign' }).click();
    await memberships.getByRole('link', { name: 'Library Bond 2026' }).waitFor();

    // A survey answer: recorded through the dialog, shown with the answer's text, and on the timeline.
    await page.getByRole('button', { name: 'Record survey answers' }).click();
    const survey = page.getByRole('dialog', { name: 'Record survey answers' });
    await survey.getByLabel('Campaign').selectOption({ label: 'Library Bond 2026' });
    await survey.getByLabel('Which issue matters most?').selectOption({ label: 'Libraries' });
    await survey.getByRole('button', { name: 'Save answers' }).click();
    await eventually(() => survey.isVisible()).toBe(false);
    const answers = page.getByRole('region', { name: 'Survey answers' });
    await eventually(() => answers.textContent()).toContain('Which issue matters most?: Libraries');
    await timeline.getByRole('row', { name: /Survey/ }).waitFor();
    await screenshot(page, 'voter-profile-desktop');

    const profile = await api(kit, 'GET', `/api/v1/voters/${voter}`);
    expect(profile.tags.map((t: { name: string }) => t.name)).toEqual(['Library Friend']);
    expect(profile.lists.map((l: { name: string }) => l.name)).toEqual(['Tuesday phone bank']);
    expect(profile.campaigns.map((c: { campaign_id: number }) => c.campaign_id)).toEqual([campaign]);
    expect(profile.survey_answers).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('voter form and survey segments', () => {
  test('add and edit a voter through the form; a segment on a survey answer picked by question', async () => {
    const { page, errors, close } = await adminPage(kit);
    await page.goto('/voters');
    await page.getByRole('button', { name: 'New voter' }).click();
    const dialog = page.getByRole('dialog', { name: 'New voter' });
    await dialog.getByLabel('First name').fill('Rosa');
    await dialog.getByLabel('Last name').fill('Parks');
    await dialog.getByRole('textbox', { name: /^Email/ }).fill('Rosa.Parks@Example.org');
    await dialog.getByRole('textbox', { name: /^Phone/ }).fill('(919) 555-0188');
    await dialog.getByRole('button', { name: 'Add voter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Parks' }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    expect(await details.textContent()).toContain('rosa.parks@example.org');
    expect(await details.textContent()).toContain('+19195550188');
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit voter' });
    await edit.getByLabel('City').fill('Montgomery');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await eventually(() => details.textContent()).toContain('Montgomery');
    expect(await details.textContent()).toContain('+19195550188');

    // The profile test recorded "Libraries" for Ada Kowalski.
    await page.goto('/voters/segments/new');
    const root = page.getByRole('group', { name: 'Voters who match' });
    await root.getByRole('button', { name: 'Add condition' }).click();
    const condition = root.getByRole('group', { name: 'Condition 1' });
    await condition.getByLabel('Condition', { exact: true }).selectOption({ label: 'Survey answer' });
    await condition.getByLabel('Question').selectOption({ label: 'Which issue matters most? (Library Bond 2026)' });
    await condition.getByLabel(/^Answers/).fill('Libraries');
    await eventually(() => page.getByText(/voters? match/).textContent()).toBe('1 voter matches');
    await page.getByRole('region', { name: 'First matches' }).getByRole('link', { name: 'Ada Kowalski' }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
