// Browser test of duplicate review: near-duplicate people made through the API, the scan started from the queue
// (a job, so this server runs its job workers), a pair reviewed with its score and reasons, merged with a field
// taken from the other record, its interaction moved, the merge undone; another pair marked "not the same
// person" stays out of the queue when the voters are scanned again.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot } from './browser.ts';
import { adminPage, api, createVoter, votersE2e } from './voters-kit.ts';

const kit = votersE2e({ env: { JOBS_ENABLED: 'true' } });

const address = { street_address: '12 Elm St', city: 'Chapel Hill', zip_code: '27514' };

/** Starts a scan from the queue and waits until the queue shows `pairs` rows. */
async function scanAndWait(page: Page, pairs: number) {
  await page.goto('/voters/duplicates');
  await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
  await page.getByRole('button', { name: 'Scan all voters' }).click();
  const rows = page.getByRole('table', { name: 'Pairs by score' }).getByRole('row');
  await expect.poll(() => rows.count(), { timeout: 60_000, interval: 1000 }).toBe(pairs + 1);
}

describe('duplicate review', () => {
  test('scan, merge choosing fields, interactions moved, undo; "not the same person" stays gone', async () => {
    const katherine = await createVoter(kit, {
      first_name: 'Katherine',
      last_name: 'Johnson',
      email_address: 'kjohnson@example.org',
      date_of_birth: '1980-05-14',
      ...address,
    });
    const katharine = await createVoter(kit, {
      first_name: 'Katharine',
      last_name: 'Johnson',
      email_address: 'kate.johnson@example.org',
      phone_number: '919-555-0142',
      date_of_birth: '1980-05-14',
      ...address,
    });
    const visit = await api(kit, 'POST', '/api/v1/interactions', {
      voter_id: katharine,
      interaction_type: 'Door Knock',
      outcome: 'Interested',
      notes: 'Asked about early voting sites',
    });
    const michael = {
      last_name: 'Brown',
      date_of_birth: '1975-02-02',
      street_address: '40 Oak Ave',
      zip_code: '27701',
    };
    await createVoter(kit, { first_name: 'Michael', email_address: 'mbrown@example.org', ...michael });
    await createVoter(kit, { first_name: 'Micheal', email_address: 'micheal.b@example.org', ...michael });

    const { page, errors, close } = await adminPage(kit);
    await scanAndWait(page, 2);
    const queue = page.getByRole('table', { name: 'Pairs by score' });
    const katherinePair = queue.getByRole('row', { name: /Katherine Johnson/ });
    expect(await katherinePair.textContent()).toMatch(/same date of birth · same street and zip/);
    await screenshot(page, 'duplicates-queue-desktop');

    // Review: the score and reasons, both records side by side; keep Katherine, take Katharine's email.
    await katherinePair.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Possible duplicate \(score 0\.\d\d\)$/ }).waitFor();
    expect(await page.locator('.page-intro').textContent()).toContain('first names sound alike');
    const sideBySide = page.getByRole('table', { name: 'Pick the value to keep in each row' });
    const keepA = sideBySide.getByRole('radio', { name: `Keep person A (#${katherine})` });
    expect(await keepA.isChecked()).toBe(true);
    const emailRow = sideBySide.getByRole('row', { name: /^email address/ });
    await emailRow.getByRole('radio', { name: 'kate.johnson@example.org' }).check();
    await page.getByRole('button', { name: 'Merge into person A' }).click();
    await page.getByRole('button', { name: 'Undo the merge' }).waitFor();
    const now = page.getByRole('table', { name: 'The two records now' });
    expect(await now.getByRole('row', { name: /^email address/ }).textContent()).toBe(
      'email addresskate.johnson@example.org—',
    );
    const reviewUrl = page.url();
    await screenshot(page, 'duplicate-merged-desktop');

    const survivor = await api(kit, 'GET', `/api/v1/voters/${katherine}`);
    expect(survivor.voter.first_name).toBe('Katherine');
    expect(survivor.voter.email_address).toBe('kate.johnson@example.org');
    expect(survivor.voter.phone_number).toBe('+19195550142'); // empty on the survivor: filled from the other
    const loser = await api(kit, 'GET', `/api/v1/voters/${katharine}`);
    expect(loser.voter.merged_into_voter_id).toBe(katherine);

    // The interaction moved to the survivor's timeline.
    await page.goto(`/voters/${katherine}`);
    await page.getByRole('heading', { level: 1, name: 'Katherine Johnson' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('row', { name: /Asked about early voting sites/ }).waitFor();

    // Undo: both people come back as they were, with the interaction where it was; the pair is pending again.
    await page.goto(reviewUrl);
    await page.getByRole('button', { name: 'Undo the merge' }).click();
    await page.getByRole('button', { name: 'Merge into person A' }).waitFor();
    const restored = await api(kit, 'GET', `/api/v1/voters/${katherine}`);
    expect(restored.voter.email_address).toBe('kjohnson@example.org');
    expect(restored.voter.phone_number).toBeNull();
    const back = await api(kit, 'GET', `/api/v1/voters/${katharine}`);
    expect(back.voter.merged_into_voter_id).toBeNull();
    const moved = await api(kit, 'GET', `/api/v1/voters/${katharine}/timeline`);
    expect(moved.interactions.map((i: { interaction_id: number }) => i.interaction_id)).toContain(
      visit.interaction.interaction_id,
    );

    // The Browns are not the same person: the pair leaves the queue and a new scan does not bring it back.
    await page.goto('/voters/duplicates');
    await queue
      .getByRole('row', { name: /Michael Brown/ })
      .getByRole('link')
      .click();
    await page.getByRole('button', { name: 'Not the same person' }).click();
    await page.getByText('Marked as not the same person.').waitFor();
    await page.goto('/voters/duplicates');
    await queue.getByRole('row', { name: /Katherine Johnson/ }).waitFor();
    expect(await queue.getByRole('row', { name: /Brown/ }).count()).toBe(0);

    // A third pair proves the second scan ran.
    const dana = { last_name: 'Whitaker', birth_year: 1990, street_address: '5 Pine Ct', zip_code: '27510' };
    await createVoter(kit, { first_name: 'Dana', email_address: 'dana.w@example.org', ...dana });
    await createVoter(kit, { first_name: 'Danna', email_address: 'danna.w@example.org', ...dana });
    await scanAndWait(page, 2);
    await queue.getByRole('row', { name: /Dana Whitaker|Danna Whitaker/ }).waitFor();
    expect(await queue.getByRole('row', { name: /Brown/ }).count()).toBe(0);
    await page.getByLabel('Show').selectOption('not_duplicate');
    await queue.getByRole('row', { name: /Brown/ }).waitFor();

    expect(errors).toEqual([]);
    await close();
  }, 300_000);
});
