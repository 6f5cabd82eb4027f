// The one validated configuration object. Nothing else in the code reads process.env.
import path from 'node:path';

type Kind = 'string' | 'int' | 'bool' | 'url' | 'list';

interface Variable {
  name: string;
  kind: Kind;
  default?: string;
  description: string;
  min?: number;
  max?: number;
  choices?: string[];
}

/** Every variable Caucus reads, with its default and meaning. README's configuration table is made from this list. */
export const variables: Variable[] = [
  {
    name: 'DATABASE_URL',
    kind: 'url',
    description: 'PostgreSQL 15+ with PostGIS 3. Unset: the embedded PGlite database in CAUCUS_DATA_DIR.',
  },
  { name: 'CAUCUS_DATA_DIR', kind: 'string', default: './data', description: 'Embedded database, uploads and keys.' },
  { name: 'HOST', kind: 'string', default: '127.0.0.1', description: 'Address the HTTP server listens on.' },
  { name: 'PORT', kind: 'int', default: '3000', min: 0, max: 65535, description: 'HTTP port.' },
  {
    name: 'PUBLIC_URL',
    kind: 'url',
    description: 'Public base URL used in emails and OSDI/Open311 links. Default: http://localhost:PORT.',
  },
  {
    name: 'LOG_LEVEL',
    kind: 'string',
    default: 'info',
    choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'pino log level.',
  },
  {
    name: 'CAUCUS_SECRET',
    kind: 'string',
    description:
      'Master secret (32+ chars) for signing tokens and encrypting TOTP secrets. Unset: generated once into CAUCUS_DATA_DIR/secret.key.',
  },
  {
    name: 'ACCESS_TOKEN_TTL',
    kind: 'int',
    default: '900',
    min: 30,
    max: 86400,
    description: 'Access token lifetime, seconds.',
  },
  {
    name: 'REFRESH_TOKEN_TTL',
    kind: 'int',
    default: '2592000',
    min: 300,
    max: 31536000,
    description: 'Refresh token and session lifetime, seconds.',
  },
  {
    name: 'SMTP_URL',
    kind: 'url',
    description: 'smtp:// or smtps:// URL. Unset: mail is kept in the database outbox shown in the web app.',
  },
  { name: 'MAIL_FROM', kind: 'string', default: 'Caucus <no-reply@caucus.local>', description: 'From address.' },
  {
    name: 'SMS_ADAPTER',
    kind: 'string',
    default: 'outbox',
    choices: ['outbox'],
    description: 'SMS gateway adapter; "outbox" records messages in the outbox.',
  },
  {
    name: 'CORS_ORIGINS',
    kind: 'list',
    default: '',
    description: 'Comma-separated origins allowed by CORS. Empty: same origin only.',
  },
  {
    name: 'BODY_LIMIT',
    kind: 'int',
    default: '1048576',
    min: 1024,
    max: 104857600,
    description: 'Largest JSON/form body, bytes.',
  },
  {
    name: 'UPLOAD_LIMIT',
    kind: 'int',
    default: '26214400',
    min: 1024,
    max: 2147483647,
    description: 'Largest uploaded file, bytes.',
  },
  {
    name: 'RATE_LIMIT_MAX',
    kind: 'int',
    default: '600',
    min: 1,
    max: 1000000,
    description: 'Requests per minute per IP, all routes.',
  },
  {
    name: 'AUTH_RATE_LIMIT_MAX',
    kind: 'int',
    default: '20',
    min: 1,
    max: 100000,
    description: 'Requests per minute per IP on sign-in, code and reset routes.',
  },
  {
    name: 'LOCKOUT_THRESHOLD',
    kind: 'int',
    default: '5',
    min: 1,
    max: 100,
    description: 'Failed sign-ins in a row that lock an account.',
  },
  {
    name: 'LOCKOUT_MINUTES',
    kind: 'int',
    default: '15',
    min: 1,
    max: 100000,
    description: 'How long a lockout lasts unless an admin unlocks sooner.',
  },
  { name: 'JOBS_ENABLED', kind: 'bool', default: 'true', description: 'Run job workers and cron schedules.' },
  { name: 'TRUST_PROXY', kind: 'bool', default: 'false', description: 'Trust X-Forwarded-* headers.' },
];

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  secret: string | undefined;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  smsAdapter: 'outbox';
  corsOrigins: string[];
  bodyLimit: number;
  uploadLimit: number;
  rateLimitMax: number;
  authRateLimitMax: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  jobsEnabled: boolean;
  trustProxy: boolean;
  /** Derived: which database engine is used. */
  engine: 'pglite' | 'postgres';
}

export class ConfigError extends Error {}

function read(env: NodeJS.ProcessEnv, v: Variable): string | number | boolean | string[] | undefined {
  const raw = env[v.name] === '' && v.kind !== 'list' ? undefined : (env[v.name] ?? v.default);
  if (raw === undefined) return undefined;
  switch (v.kind) {
    case 'int': {
      if (!/^\d+$/.test(raw)) throw new ConfigError(`${v.name} must be a whole number, got "${raw}"`);
      const n = Number(raw);
      if ((v.min !== undefined && n < v.min) || (v.max !== undefined && n > v.max)) {
        throw new ConfigError(`${v.name} must be between ${v.min} and ${v.max}, got ${n}`);
      }
      return n;
    }
    case 'bool':
      if (!['true', 'false', '1', '0'].includes(raw)) throw new ConfigError(`${v.name} must be true or false`);
      return raw === 'true' || raw === '1';
    case 'url':
      try {
        new URL(raw);
      } catch {
        throw new ConfigError(`${v.name} must be a URL`);
      }
      return raw;
    case 'list':
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      if (v.choices && !v.choices.includes(raw)) {
        throw new ConfigError(`${v.name} must be one of ${v.choices.join(', ')}, got "${raw}"`);
      }
      return raw;
  }
}

/** Reads and validates the environment; an invalid variable throws a ConfigError naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values = Object.fromEntries(variables.map((v) => [v.name, read(env, v)])) as Record<string, any>;
  if (values.CAUCUS_SECRET !== undefined && String(values.CAUCUS_SECRET).length < 32) {
    throw new ConfigError('CAUCUS_SECRET must be at least 32 characters');
  }
  const port = values.PORT as number;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.CAUCUS_DATA_DIR),
    host: values.HOST,
    port,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: values.LOG_LEVEL,
    secret: values.CAUCUS_SECRET,
    accessTokenTtl: values.ACCESS_TOKEN_TTL,
    refreshTokenTtl: values.REFRESH_TOKEN_TTL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    smsAdapter: values.SMS_ADAPTER,
    corsOrigins: values.CORS_ORIGINS,
    bodyLimit: values.BODY_LIMIT,
    uploadLimit: values.UPLOAD_LIMIT,
    rateLimitMax: values.RATE_LIMIT_MAX,
    authRateLimitMax: values.AUTH_RATE_LIMIT_MAX,
    lockoutThreshold: values.LOCKOUT_THRESHOLD,
    lockoutMinutes: values.LOCKOUT_MINUTES,
    jobsEnabled: values.JOBS_ENABLED,
    trustProxy: values.TRUST_PROXY,
    engine: values.DATABASE_URL ? 'postgres' : 'pglite',
  };
}
