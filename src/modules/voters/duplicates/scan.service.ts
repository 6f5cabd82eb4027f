// Duplicate scans: on demand over every voter (POST /api/v1/duplicates/scan, job voters.duplicates.scan), and
// after an import over the voters it inserted or updated. The pairing and scoring are in scan.sql.ts.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../../db/client.ts';
import { defaultThreshold, scanSql } from './scan.sql.ts';

export interface ScanInput {
  /** Only pairs involving voters this import inserted or updated. */
  importId?: number | null;
  threshold?: number;
}

export async function scanDuplicates(db: Db, input: ScanInput = {}): Promise<{ added: number }> {
  const threshold = input.threshold ?? defaultThreshold;
  let scope = 'true';
  if (input.importId) {
    const imp = await one<{ started_at: string | null }>(
      db,
      sql`SELECT started_at::text AS started_at FROM voters.imports WHERE import_id = ${input.importId}`,
    );
    if (!imp?.started_at) return { added: 0 };
    // Voters inserted or updated since the import started (updated_at is set by both).
    scope = `s.updated_at >= '${imp.started_at.replace(/'/g, '')}'::timestamptz`;
  }
  const row = await one<{ added: number }>(
    db,
    sql.raw(scanSql(scope, input.importId ? 'import' : 'scan', input.importId ?? null, threshold)),
  );
  return { added: row?.added ?? 0 };
}
