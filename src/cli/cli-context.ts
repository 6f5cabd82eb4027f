// Who acts when a command runs: the operator at the terminal, trusted like the system (no level rule),
// recorded in the audit log with user agent "caucus-cli". Database errors are turned into their user message,
// so a failed statement (and the values it carried) is never printed.
import { AppError, fromDatabaseError } from '../http/errors.ts';
import type { AuditContext } from '../modules/identity/audit.ts';

export const cliContext: AuditContext = { actor: null, userAgent: 'caucus-cli' };

/** Runs `fn`; an error becomes an Error whose message is safe and meant for the operator. */
export async function operatorErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known) throw new Error(`${known.message} (${known.code})`);
    throw err;
  }
}
