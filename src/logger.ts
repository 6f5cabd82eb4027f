// pino logs. Personal data never goes to logs: request bodies are not logged, and these paths are redacted.
import pino from 'pino';

export type Logger = pino.Logger;

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["osdi-api-token"]',
  'password',
  '*.password',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'token',
  '*.token',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } });
}
