// The real server for browser tests: `node bin/caucus.mjs serve` on a fresh data directory and a free port.
// Reusable by every module's e2e tests: startServer(), then apiSignIn()/apiCall() to prepare data quickly.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { cloneDatabase } from '../postgres-databases.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface E2eServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  admin: { username: string; password: string };
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A migrated embedded database, made once per set of migrations (`caucus migrate` into .tmp/e2e-template/<hash>)
 * and copied for each server: migrating PGlite takes minutes on a busy machine, copying takes a second.
 * The copy has no users, so each server still creates its first admin and prints the password.
 */
function migratedTemplate(): string {
  const dir = path.join(projectRoot, 'migrations');
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  const template = path.join(projectRoot, '.tmp/e2e-template', hash.digest('hex').slice(0, 16));
  if (fs.existsSync(template)) return template;
  fs.mkdirSync(path.dirname(template), { recursive: true });
  const building = fs.mkdtempSync(`${template}-building-`);
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, ['bin/caucus.mjs', 'migrate'], {
    cwd: projectRoot,
    env: { ...env, CAUCUS_DATA_DIR: building, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`caucus migrate failed:\n${r.stdout}\n${r.stderr}`);
  fs.rmSync(path.join(building, 'secret.key'), { force: true }); // each server makes its own
  try {
    fs.renameSync(building, template);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another run finished first
  }
  return template;
}

/**
 * A PostgreSQL database of the server's own, cloned from the run's migrated template (test/e2e/global-setup.ts),
 * with the function that drops it; null when the run has no PostgreSQL (no TEST_DATABASE_URL).
 */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const template = inject('e2ePostgresTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (!template || !url) return null;
  return cloneDatabase(url, template, `caucus_e2e_${process.pid}_${Date.now().toString(36)}`);
}

export interface StartOptions {
  /** Variables added or overriding the server's environment. */
  env?: Record<string, string>;
  /**
   * 'embedded': PGlite whatever the run (the `npm start` default, kept under test by some files). Otherwise the
   * server runs on PostgreSQL when the run has TEST_DATABASE_URL (as CI does), else on PGlite.
   */
  database?: 'embedded';
  timeoutMs?: number;
}

/** Starts the server and waits until /api/health answers and the first admin's password has been printed. */
export async function startServer(options: StartOptions = {}) {
  // Debugging against a server you already run: CAUCUS_E2E_URL and CAUCUS_E2E_ADMIN_PASSWORD (its data is kept).
  const running = process.env.CAUCUS_E2E_URL;
  if (running) {
    return {
      url: running,
      port: Number(new URL(running).port),
      dataDir: '',
      admin: { username: 'admin', password: process.env.CAUCUS_E2E_ADMIN_PASSWORD ?? '' },
      output: () => '',
      stop: async () => {},
    } satisfies E2eServer;
  }
  if (!fs.existsSync(path.join(projectRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web is not built: run the browser tests with `node scripts/e2e.mjs`');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caucus-e2e-'));
  const postgres = options.database === 'embedded' ? null : await postgresDatabase();
  if (!postgres) fs.cpSync(migratedTemplate(), dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: Record<string, string> = {
    ...(inherited as Record<string, string>),
    NODE_ENV: 'test',
    CAUCUS_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    JOBS_ENABLED: 'false',
    RATE_LIMIT_MAX: '100000',
    AUTH_RATE_LIMIT_MAX: '10000',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, ['bin/caucus.mjs', 'serve'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d) => {
    output += d.toString();
  });
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  let password: string | null = null;
  try {
    for (;;) {
      if (exited !== null) throw new Error(`the server exited with code ${exited}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the server did not start in time:\n${output}`);
      password ??= /with password: (\S+)/.exec(output)?.[1] ?? null;
      if (password) {
        const healthy = await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (healthy) break;
      }
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const server: E2eServer = {
    url,
    port,
    dataDir,
    admin: { username: 'admin', password: password! },
    output: () => output,
    stop,
  };
  return server;
}

/** A JSON call to the server's API; throws with the problem detail on a non-2xx answer. */
export async function apiCall<T = any>(
  server: E2eServer,
  method: string,
  apiPath: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(server.url + apiPath, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status} ${body?.code}: ${body?.detail}`);
  return body as T;
}

/** Signs in through the API (no 2FA) and returns the access token. */
export async function apiSignIn(server: E2eServer, username: string, password: string): Promise<string> {
  const answer = await apiCall<{ access_token?: string; two_factor_required?: boolean }>(
    server,
    'POST',
    '/api/v1/auth/login',
    { body: { username, password } },
  );
  if (!answer.access_token) throw new Error(`${username} has two-factor authentication on; sign in through the UI`);
  return answer.access_token;
}
