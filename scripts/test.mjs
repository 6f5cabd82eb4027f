// npm test: typecheck, lint, unit + HTTP integration tests on the embedded database, again on PostgreSQL when
// TEST_DATABASE_URL is set, and the browser tests when Chromium is installed. The phases run side by side to fit
// the CI budget on a 2-core machine: the browser tests (which wait on a browser and servers much of the time)
// start first, beside the typecheck and lint; the PostgreSQL phase (whose work is mostly PostgreSQL's) runs beside
// the embedded one. Background phases write to .tmp/<phase>.log, printed once the foreground phases are done.
// With TEST_DATABASE_URL the browser tests' servers run on PostgreSQL (test/e2e/global-setup.ts), a few on PGlite.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = [];
let passed = 0;
let failed = 0;
fs.mkdirSync('.tmp', { recursive: true });

/** Adds a vitest JSON report's counts; a run that failed without a failing test (a crashed file) counts as one. */
function tally(report) {
  if (!report || !fs.existsSync(report)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && !r.success && r.numFailedTests === 0 ? 1 : 0);
}

function foreground(name, cmd, args, env = {}, report = null) {
  process.stdout.write(`\n── ${name} ──\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ name, ok: r.status === 0 });
  if (report) tally(report);
}

function background(name, log, cmd, args, env = {}, report = null) {
  const out = fs.openSync(log, 'w');
  const child = spawn(cmd, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  const done = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, log, report, done };
}

/** vitest's arguments for a run whose JSON report goes to `report` (removed first: a stale one must not count). */
function vitestArgs(report, extra = []) {
  fs.rmSync(report, { force: true });
  return ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra];
}

const running = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  const report = '.tmp/vitest-e2e.json';
  const args = vitestArgs(report).slice(2); // scripts/e2e.mjs builds the web app, then runs vitest with these
  running.push(
    background('browser tests (Chromium)', '.tmp/e2e.log', 'node', ['scripts/e2e.mjs', ...args], {}, report),
  );
}

foreground('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
foreground('lint', 'npx', ['biome', 'check', '.']);

if (process.env.TEST_DATABASE_URL) {
  // The CLI test runs `caucus` on a temporary embedded data directory whatever the engine, and the engine-parity
  // test compares a fresh PGlite with a fresh PostgreSQL whatever the engine: both run in the embedded phase.
  const report = '.tmp/vitest-postgres.json';
  const args = vitestArgs(report, ['--exclude', 'src/cli/cli.test.ts', '--exclude', 'test/engine-parity.test.ts']);
  running.push(
    background('tests on PostgreSQL + PostGIS', '.tmp/postgres.log', 'npx', args, { TEST_ENGINE: 'postgres' }, report),
  );
}

const pgliteReport = '.tmp/vitest-pglite.json';
foreground(
  'tests on the embedded database (PGlite)',
  'npx',
  vitestArgs(pgliteReport),
  { TEST_ENGINE: 'pglite' },
  pgliteReport,
);
if (!process.env.TEST_DATABASE_URL) {
  process.stdout.write('\nTEST_DATABASE_URL is not set: the integration tests ran on the embedded database only.\n');
}

for (const phase of running) {
  const code = await phase.done;
  process.stdout.write(`\n── ${phase.name} ──\n`);
  process.stdout.write(fs.readFileSync(phase.log, 'utf8'));
  results.push({ name: phase.name, ok: code === 0 });
  tally(phase.report);
}
if (!fs.existsSync(chromium)) {
  process.stdout.write(
    `\nBrowser tests NOT run: Chromium is not installed at ${chromium} (apt-get install chromium).\n`,
  );
}

process.stdout.write('\n── summary ──\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}\n`);
const ok = results.every((r) => r.ok);
process.stdout.write(`test: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
