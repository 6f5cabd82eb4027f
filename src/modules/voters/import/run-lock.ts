// One runner per import. PostgreSQL: a session advisory lock on a dedicated connection, released by the server
// when the process dies (so a killed import can be resumed at once). PGlite is one process: an in-memory set.
import type { PoolClient } from 'pg';
import type { Database } from '../../../db/client.ts';
import { conflict } from '../../../http/errors.ts';

const LOCK_CLASS = 72736150;
const running = new Set<number>();

export interface RunLock {
  release(): Promise<void>;
}

export async function lockImport(database: Database, importId: number): Promise<RunLock> {
  const busy = () => conflict('import_running', `Import ${importId} is already running`);
  if (!database.pool) {
    if (running.has(importId)) throw busy();
    running.add(importId);
    return { release: async () => void running.delete(importId) };
  }
  const client: PoolClient = await database.pool.connect();
  const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_CLASS, importId]);
  if (!rows[0].ok) {
    client.release();
    throw busy();
  }
  return {
    async release() {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, importId]).catch(() => {});
      client.release();
    },
  };
}
