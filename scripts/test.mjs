// npm test: typecheck, lint, unit + HTTP integration tests on the embedded database, again on PostgreSQL
// when TEST_DATABASE_URL is set, and beside them the browser tests when Chromium is installed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = [];
let passed = 0;
let failed = 0;

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n── ${name} ──\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

function vitest(name, engine, extra = []) {
  const out = `.tmp/vitest-${engine}.json`;
  fs.mkdirSync('.tmp', { recursive: true });
  fs.rmSync(out, { force: true });
  step(name, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], {
    TEST_ENGINE: engine,
  });
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed +=
      report.numFailedTests + (report.numTotalTestSuites > 0 && !report.success && report.numFailedTests === 0 ? 1 : 0);
  } else {
    failed += 1;
  }
}

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['biome', 'check', '.']);
// The browser tests run beside the integration tests (they mostly wait on a browser and a server), with their
// output kept in .tmp/e2e.log and printed after the integration tests, so the whole run fits the CI budget. With
// TEST_DATABASE_URL their servers run on PostgreSQL (test/e2e/global-setup.ts), a few files on the embedded one.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2eOut = '.tmp/vitest-e2e.json';
const e2eLog = '.tmp/e2e.log';
let browserRun = null;
if (fs.existsSync(chromium)) {
  fs.mkdirSync('.tmp', { recursive: true });
  fs.rmSync(e2eOut, { force: true });
  const log = fs.openSync(e2eLog, 'w');
  const child = spawn(
    'node',
    ['scripts/e2e.mjs', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eOut}`],
    { stdio: ['ignore', log, log], env: process.env },
  );
  browserRun = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

vitest('tests on the embedded database (PGlite)', 'pglite');
if (process.env.TEST_DATABASE_URL) {
  // The CLI test runs `caucus` on a temporary embedded data directory whatever the engine, and the engine-parity
  // test compares a fresh PGlite with a fresh PostgreSQL whatever the engine: both ran above already.
  vitest('tests on PostgreSQL + PostGIS', 'postgres', [
    '--exclude',
    'src/cli/cli.test.ts',
    '--exclude',
    'test/engine-parity.test.ts',
  ]);
} else {
  process.stdout.write('\nTEST_DATABASE_URL is not set: the integration tests ran on the embedded database only.\n');
}
if (browserRun) {
  const code = await browserRun;
  process.stdout.write('\n── browser tests (Chromium) ──\n');
  process.stdout.write(fs.readFileSync(e2eLog, 'utf8'));
  results.push({ name: 'browser tests (Chromium)', ok: code === 0 });
  if (fs.existsSync(e2eOut)) {
    const report = JSON.parse(fs.readFileSync(e2eOut, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else {
    failed += 1;
  }
} else {
  process.stdout.write(
    `\nBrowser tests NOT run: Chromium is not installed at ${chromium} (apt-get install chromium).\n`,
  );
}

process.stdout.write('\n── summary ──\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}\n`);
const ok = results.every((r) => r.ok);
process.stdout.write(`test: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
