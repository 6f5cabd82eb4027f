// Browser test of the import wizard with a small North Carolina voter file written by the test (the 71-column
// 2018 layout, tab-delimited, Latin-1; synthetic people): upload, preview, dry run and its counts, the real run
// with its progress, the rejected rows file, and the same file again inserting nobody. The import runs as the
// voters.import job, so this server runs its job workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot } from './browser.ts';
import { adminPage, api, downloadedText, eventually, votersE2e } from './voters-kit.ts';

// On the embedded database whatever the run: the import job on PGlite is what `npm start` users run.
const kit = votersE2e({ env: { JOBS_ENABLED: 'true' }, database: 'embedded' });

const ncHeader = `county_id county_desc voter_reg_num status_cd voter_status_desc reason_cd voter_status_reason_desc
absent_ind name_prefx_cd last_name first_name midl_name name_sufx_cd res_street_address res_city_desc state_cd
zip_code mail_addr1 mail_addr2 mail_addr3 mail_addr4 mail_city mail_state mail_zipcode full_phone_number race_code
ethnic_code party_cd gender_code birth_age birth_place drivers_lic registr_dt precinct_abbrv precinct_desc
municipality_abbrv municipality_desc ward_abbrv ward_desc cong_dist_abbrv super_court_abbrv judic_dist_abbrv
nc_senate_abbrv nc_house_abbrv county_commiss_abbrv county_commiss_desc township_abbrv township_desc
school_dist_abbrv school_dist_desc fire_dist_abbrv fire_dist_desc water_dist_abbrv water_dist_desc
sewer_dist_abbrv sewer_dist_desc sanit_dist_abbrv sanit_dist_desc rescue_dist_abbrv rescue_dist_desc
munic_dist_abbrv munic_dist_desc dist_1_abbrv dist_1_desc dist_2_abbrv dist_2_desc Confidential_ind birth_year
ncid vtd_abbrv vtd_desc`.split(/\s+/);

const people = [
  ['JOSÉ', 'NÚÑEZ'],
  ['RACHEL', 'AARHUS'],
  ['MARY', 'AARON'],
  ['JAMES', 'BOYD'],
  ['LINDA', 'CARTER'],
  ['ROBERT', 'DIXON'],
  ['SUSAN', 'ELLIS'],
  ['DAVID', 'FOSTER'],
  ['KAREN', 'GRAHAM'],
  ['THOMAS', 'HAYES'],
  ['NANCY', 'IVEY'],
  ['PAUL', 'JORDAN'],
  ['BETTY', 'KEITH'],
  ['MARK', 'LAMBERT'],
  ['SANDRA', 'MOSS'],
  ['KEVIN', 'NASH'],
  ['DONNA', 'OWENS'],
  ['BRIAN', 'PRICE'],
  ['CAROL', 'QUINN'],
  ['GEORGE', 'REID'],
];

/** One voter line: the columns a real file fills, padded and formatted the way the State Board writes them. */
function ncLine(i: number, first: string, last: string, overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    county_id: '19',
    county_desc: 'CHATHAM',
    voter_reg_num: String(900100 + i),
    status_cd: 'A',
    voter_status_desc: 'ACTIVE',
    reason_cd: 'AV',
    voter_status_reason_desc: 'VERIFIED',
    absent_ind: ' ',
    name_prefx_cd: ' ',
    last_name: last,
    first_name: first,
    midl_name: i % 3 === 0 ? 'LEE' : '',
    res_street_address: `${100 + i}  OAK RIDGE RD   `,
    res_city_desc: 'PITTSBORO',
    state_cd: 'NC',
    zip_code: '27312.0',
    mail_addr1: `${100 + i} OAK RIDGE RD`,
    mail_city: 'PITTSBORO',
    mail_state: 'NC',
    mail_zipcode: '27312',
    full_phone_number: `91955501${String(i).padStart(2, '0')}`,
    race_code: 'W',
    ethnic_code: 'NL',
    party_cd: ['DEM', 'REP', 'UNA'][i % 3],
    gender_code: i % 2 ? 'M' : 'F',
    birth_age: String(30 + i),
    birth_place: 'NC',
    drivers_lic: 'Y',
    registr_dt: `0${1 + (i % 9)}/1${i % 10}/2016`,
    precinct_abbrv: 'PBO',
    precinct_desc: 'PITTSBORO',
    cong_dist_abbrv: '6.0',
    Confidential_ind: 'N',
    birth_year: String(1988 - i),
    ncid: `ZZ${100000 + i}`,
    vtd_abbrv: 'PBO',
    vtd_desc: 'PBO',
    ...overrides,
  };
  return ncHeader.map((h) => values[h] ?? '').join('\t');
}

/** 20 good people (line 2 to 21), then three bad lines: a date that does not exist, no last name, cut short. */
function writeNcFile(): string {
  const lines = [ncHeader.join('\t'), ...people.map(([first, last], i) => ncLine(i, first, last))];
  lines.push(ncLine(20, 'OLIVIA', 'STONE', { registr_dt: '02/30/2018' }));
  lines.push(ncLine(21, 'PETER', ''));
  lines.push(ncLine(22, 'QUENTIN', 'TATE').split('\t').slice(0, 10).join('\t'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caucus-nc-'));
  const file = path.join(dir, 'ncvoter_chatham_test.txt');
  fs.writeFileSync(file, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
  return file;
}

/** The fields of one CSV line (quoted fields with doubled quotes; no line breaks inside fields here). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => m[1]?.replace(/""/g, '"') ?? m[2]);
}

/** The counts an import shows, as { 'Rows read': 23, ... }. */
async function counts(section: Locator): Promise<Record<string, number>> {
  return section.locator('dl').evaluate((dl) => {
    const out: Record<string, number> = {};
    for (const dt of dl.querySelectorAll('dt')) out[dt.textContent ?? ''] = Number(dt.nextElementSibling?.textContent);
    return out;
  });
}

/** Uploads the file, checks the preview read it as NC Latin-1, runs the dry run and waits for its counts. */
async function uploadAndDryRun(page: Page, file: string) {
  await page.goto('/voters/imports/new');
  await page.getByRole('heading', { level: 1, name: 'Import voters' }).waitFor();
  await page.getByLabel('Voter file').setInputFiles(file);
  const layout = page.getByRole('region', { name: '2. Layout and columns' });
  await layout.getByRole('table').getByRole('cell', { name: 'NÚÑEZ' }).waitFor();
  expect(await layout.getByLabel('Layout').inputValue()).toBe('nc');
  await layout.getByRole('button', { name: 'Dry run' }).click();
  const dry = page.getByRole('region', { name: '3. Dry run' });
  await dry.getByRole('progressbar', { name: /^Dry run \d+: Done$/ }).waitFor({ timeout: 90_000 });
  return dry;
}

describe('import wizard', () => {
  test('an NC file: dry run, import with progress, rejected rows, and again with nothing new', async () => {
    const file = writeNcFile();
    const { page, errors, close } = await adminPage(kit);

    const dry = await uploadAndDryRun(page, file);
    await screenshot(page, 'import-dry-run-desktop');
    expect(await counts(dry)).toMatchObject({
      'Rows read': 23,
      'Would be inserted': 20,
      'Would be updated': 0,
      Rejected: 3,
    });
    expect((await api(kit, 'GET', '/api/v1/voters?q=Aarhus')).total_voters).toBe(0); // a dry run saves nobody

    await dry.getByRole('button', { name: 'Import for real' }).click();
    const run = page.getByRole('region', { name: '4. Import' });
    await run.getByRole('progressbar', { name: /^Import \d+: Done$/ }).waitFor({ timeout: 90_000 });
    expect(await counts(run)).toMatchObject({ 'Rows read': 23, Inserted: 20, Updated: 0, Rejected: 3 });
    await screenshot(page, 'import-done-desktop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      run.getByRole('button', { name: 'Download rejected rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^import-\d+-rejected\.csv$/);
    const csv = (await downloadedText(download)).trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^line,severity,reason,county_id,county_desc,/);
    expect(csv.slice(1).map((line) => csvFields(line).slice(0, 3))).toEqual([
      ['22', 'rejected', 'invalid registration_date "02/30/2018"'],
      ['23', 'rejected', 'missing last name'],
      ['24', 'rejected', 'expected 71 fields, found 10'],
    ]);
    expect(csv[1]).toContain('OLIVIA');

    // The people are in the registry, cleaned, with the Latin-1 name decoded.
    const jose = await api(kit, 'GET', '/api/v1/voters?voter_registration_id=ZZ100000');
    expect(jose.voters[0]).toMatchObject({
      first_name: 'José',
      last_name: 'Núñez',
      street_address: '100 Oak Ridge Rd',
      zip_code: '27312',
      phone_number: '+19195550100',
      party_affiliation: 'Democratic',
      registration_status: 'Registered',
    });

    // The same file again: nothing new to insert, nothing changed.
    const again = await uploadAndDryRun(page, file);
    expect(await counts(again)).toMatchObject({ 'Would be inserted': 0, Unchanged: 20, Rejected: 3 });
    await again.getByRole('button', { name: 'Import for real' }).click();
    const rerun = page.getByRole('region', { name: '4. Import' });
    await rerun.getByRole('progressbar', { name: /^Import \d+: Done$/ }).waitFor({ timeout: 90_000 });
    expect(await counts(rerun)).toMatchObject({ Inserted: 0, Updated: 0, Unchanged: 20, Rejected: 3 });
    expect((await api(kit, 'GET', '/api/v1/voters?county=Chatham')).total_voters).toBe(20);

    // The imports list shows the four runs.
    await page.goto('/voters/imports');
    await eventually(() => page.getByRole('table').getByRole('row').count()).toBe(5);
    expect(errors).toEqual([]);
    await close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }, 400_000);
});

describe('import wizard, other layouts', () => {
  test('a CSV: map its columns over the preview, dry run, import; an unmapped file is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caucus-csv-'));
    const file = path.join(dir, 'members.csv');
    fs.writeFileSync(
      file,
      [
        'Member ID,Given,Family,E-mail,Team',
        'M-1,Ines,Ortega,ines@example.org,"North, East"',
        'M-2,Kofi,Mensah,kofi@example.org,South',
        'M-3,Lena,,lena@example.org,South',
      ].join('\n'),
    );
    const { page, errors, close } = await adminPage(kit);
    await page.goto('/voters/imports/new');
    await page.getByLabel('Voter file').setInputFiles(file);
    const columns = page.getByRole('region', { name: '2. Layout and columns' });
    await columns.getByRole('cell', { name: 'North, East' }).waitFor();
    expect(await columns.getByLabel('Layout').inputValue()).toBe('csv');

    // Without a mapping the dry run is refused with the server's reason.
    await columns.getByRole('button', { name: 'Dry run' }).click();
    await columns.getByRole('alert').waitFor();

    await columns.getByLabel('Member ID').selectOption('voter_registration_id');
    await columns.getByLabel('Given').selectOption('first_name');
    await columns.getByLabel('Family').selectOption('last_name');
    await columns.getByLabel('E-mail').selectOption('email_address');
    await columns.getByLabel('Team').selectOption({ label: 'custom field' });
    await columns.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByRole('region', { name: '3. Dry run' });
    await dry.getByRole('progressbar', { name: /^Dry run \d+: Done$/ }).waitFor({ timeout: 90_000 });
    expect(await counts(dry)).toMatchObject({ 'Rows read': 3, 'Would be inserted': 2, Rejected: 1 });
    await screenshot(page, 'import-csv-desktop');
    await dry.getByRole('button', { name: 'Import for real' }).click();
    const run = page.getByRole('region', { name: '4. Import' });
    await run.getByRole('progressbar', { name: /^Import \d+: Done$/ }).waitFor({ timeout: 90_000 });
    expect(await counts(run)).toMatchObject({ Inserted: 2, Rejected: 1 });

    const ines = await api(kit, 'GET', '/api/v1/voters?voter_registration_id=M-1');
    expect(ines.voters[0]).toMatchObject({
      first_name: 'Ines',
      last_name: 'Ortega',
      email_address: 'ines@example.org',
      custom_fields: { team: 'North, East' },
    });
    expect(errors).toEqual([]);
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
