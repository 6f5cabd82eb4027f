// Named media queries.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../../db/client.ts';
import type { MediaRow } from './media.presenter.ts';

export const mediaColumns = sql.raw(`m.id, m.report_id, m.file_url, m.file_type, m.file_size, m.mime_type,
  m.is_primary, m.is_proof_of_work, m.sequence_order, m.caption, m.meta, m.upload_source, m.created_at`);

export async function mediaOfReport(db: Db, reportId: number): Promise<MediaRow[]> {
  return rows<MediaRow>(
    db,
    sql`SELECT ${mediaColumns} FROM reports.media m WHERE m.report_id = ${reportId}
        ORDER BY m.is_primary DESC, m.sequence_order NULLS LAST, m.id`,
  );
}

export async function findMedia(db: Db, reportId: number, mediaId: number): Promise<MediaRow | undefined> {
  return one<MediaRow>(
    db,
    sql`SELECT ${mediaColumns} FROM reports.media m WHERE m.id = ${mediaId} AND m.report_id = ${reportId}`,
  );
}

export interface ReportAccessFacts {
  id: number;
  user_id: number;
  is_public: boolean;
  is_sensitive: boolean;
}

export async function reportFacts(db: Db, reportId: number): Promise<ReportAccessFacts | undefined> {
  return one<ReportAccessFacts>(
    db,
    sql`SELECT id, user_id, is_public, is_sensitive FROM reports.reports WHERE id = ${reportId}`,
  );
}

export async function storageStats(db: Db) {
  const byType = await rows<{ file_type: string; files: number; bytes: number }>(
    db,
    sql`SELECT file_type, count(*)::int AS files, COALESCE(sum(file_size), 0)::int8 AS bytes
        FROM reports.media GROUP BY file_type ORDER BY file_type`,
  );
  const reports = await one<{ n: number }>(db, sql`SELECT count(DISTINCT report_id)::int AS n FROM reports.media`);
  return {
    total_files: byType.reduce((s, r) => s + r.files, 0),
    total_bytes: byType.reduce((s, r) => s + Number(r.bytes), 0),
    reports_with_media: reports?.n ?? 0,
    by_type: byType.map((r) => ({ file_type: r.file_type, files: r.files, bytes: Number(r.bytes) })),
  };
}
