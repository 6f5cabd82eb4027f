// Uploading, listing, serving and deleting a report's media. Files are checked by content, sized by type,
// images re-encoded without metadata, stored through the storage adapter, then recorded in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../../db/client.ts';
import type { Actor } from '../../../http/access.ts';
import { AppError, badRequest, notFound } from '../../../http/errors.ts';
import { type AuditContext, audit } from '../../identity/audit.ts';
import { sanitizeImage, UnreadableImage } from './image-sanitize.ts';
import { assertCanDelete, assertCanUpload, canSeeReportMedia, type UploadSource } from './media-access.ts';
import { maxFilesPerReport, type SniffedType, sizeLimits, sniff } from './media-types.ts';
import { type MediaRow, presentMedia } from './media.presenter.ts';
import { findMedia, mediaColumns, mediaOfReport } from './media.queries.ts';
import type { StorageAdapter } from './storage.ts';

export interface MediaDeps {
  db: Db;
  storage: StorageAdapter;
  uploadLimit: number;
  context: AuditContext;
}

export interface IncomingFile {
  data: Buffer;
  filename: string;
  mimetype: string;
}

export interface UploadOptions {
  caption?: string | null;
  is_primary?: boolean;
  is_proof_of_work?: boolean;
  upload_source?: UploadSource;
  sequence_order?: number | null;
}

interface Prepared {
  sniffed: SniffedType;
  data: Buffer;
  key: string;
  meta: Record<string, unknown>;
}

const unsupported = (message: string, extra?: Record<string, unknown>) =>
  new AppError(415, 'unsupported_media_type', message, extra);

function safeName(name: string): string {
  // Control characters and path separators never reach a header or a download name.
  const cleaned = [...name].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127 && c !== '/' && c !== '\\');
  return cleaned.join('').trim().slice(0, 200) || 'file';
}

/** Checks one file by content and size, strips image metadata, and names it in storage. */
async function prepare(file: IncomingFile, reportId: number, uploadLimit: number, actor: Actor): Promise<Prepared> {
  const label = JSON.stringify(safeName(file.filename));
  const found = await sniff(file.data, file.mimetype);
  if (!found.ok) {
    if (found.reason === 'mismatch') {
      throw unsupported(`${label} is ${found.detected} but was sent as ${file.mimetype}`, { detected: found.detected });
    }
    throw unsupported(
      found.reason === 'unknown'
        ? `${label} is not a recognised image, video, audio or PDF file`
        : `${label} is ${found.detected}, which is not accepted`,
      { detected: found.detected ?? null },
    );
  }
  const { sniffed } = found;
  const limit = Math.min(sizeLimits[sniffed.type], uploadLimit);
  if (file.data.length > limit) {
    throw new AppError(413, 'file_too_large', `${label} is larger than ${limit} bytes allowed for ${sniffed.type}`, {
      max_bytes: limit,
    });
  }
  let data = file.data;
  const meta: Record<string, unknown> = { original_name: safeName(file.filename), uploaded_by: actor.userId };
  if (sniffed.type === 'IMAGE') {
    try {
      const clean = await sanitizeImage(file.data, sniffed.mime);
      data = clean.data;
      Object.assign(meta, { width: clean.width, height: clean.height, metadata_stripped: true });
    } catch (err) {
      if (err instanceof UnreadableImage) throw unsupported(`${label}: ${err.message}`);
      throw err;
    }
  }
  const key = `reports/${reportId}/${randomUUID()}.${sniffed.ext}`;
  meta.storage_key = key;
  meta.sha256 = createHash('sha256').update(data).digest('hex');
  return { sniffed, data, key, meta };
}

export async function uploadMedia(
  deps: MediaDeps,
  actor: Actor | null,
  reportId: number,
  files: IncomingFile[],
  options: UploadOptions,
) {
  const source = options.upload_source ?? 'citizen_submission';
  const who = await assertCanUpload(deps.db, actor, reportId, source).then(() => actor!);
  if (files.length === 0) throw badRequest('file_required', 'Attach at least one file');
  if (options.is_proof_of_work && source === 'citizen_submission') {
    throw badRequest(
      'invalid_proof_of_work',
      'Proof of work must be an officer photo (officer_before_photo or officer_after_photo)',
    );
  }
  const prepared: Prepared[] = [];
  for (const file of files) prepared.push(await prepare(file, reportId, deps.uploadLimit, who));
  for (const p of prepared) await deps.storage.put(p.key, p.data);
  try {
    return await deps.db.transaction(async (tx) => {
      // Lock the report row so concurrent uploads count against the limit one at a time.
      await tx.execute(sql`SELECT id FROM reports.reports WHERE id = ${reportId} FOR UPDATE`);
      const counts = await one<{ n: number; next: number; has_primary: boolean }>(
        tx,
        sql`SELECT count(*)::int AS n, COALESCE(max(sequence_order) + 1, 0)::int AS next, bool_or(is_primary) AS has_primary
            FROM reports.media WHERE report_id = ${reportId}`,
      );
      if (counts!.n + prepared.length > maxFilesPerReport) {
        throw new AppError(
          409,
          'media_limit_reached',
          `A report may have at most ${maxFilesPerReport} files; it has ${counts!.n}`,
          { max_files: maxFilesPerReport, current: counts!.n },
        );
      }
      const firstImage = prepared.findIndex((p) => p.sniffed.type === 'IMAGE');
      const primaryIndex = options.is_primary ? Math.max(firstImage, 0) : counts!.has_primary ? -1 : firstImage;
      if (primaryIndex >= 0 && counts!.has_primary) {
        await tx.execute(sql`UPDATE reports.media SET is_primary = false WHERE report_id = ${reportId} AND is_primary`);
      }
      const created: MediaRow[] = [];
      for (const [i, p] of prepared.entries()) {
        const row = await one<MediaRow>(
          tx,
          sql`INSERT INTO reports.media AS m (report_id, file_url, file_type, file_size, mime_type, is_primary,
                is_proof_of_work, sequence_order, caption, meta, upload_source)
              VALUES (${reportId}, '', ${p.sniffed.type}, ${p.data.length}, ${p.sniffed.mime}, ${i === primaryIndex},
                ${options.is_proof_of_work ?? false}, ${(options.sequence_order ?? counts!.next) + i},
                ${options.caption?.trim() || null}, ${JSON.stringify(p.meta)}::jsonb, ${source})
              RETURNING ${mediaColumns}`,
        );
        const fileUrl = `/api/v1/reports/${reportId}/media/${row!.id}/file`;
        await tx.execute(sql`UPDATE reports.media SET file_url = ${fileUrl} WHERE id = ${row!.id}`);
        created.push({ ...row!, file_url: fileUrl });
        await audit(tx, deps.context, {
          action: 'media_uploaded',
          description: `${p.sniffed.type} uploaded to report ${reportId}`,
          resourceType: 'media',
          resourceId: row!.id,
          extra: { report_id: reportId, mime_type: p.sniffed.mime, file_size: p.data.length, upload_source: source },
        });
      }
      return created.map(presentMedia);
    });
  } catch (err) {
    for (const p of prepared) await deps.storage.delete(p.key).catch(() => undefined);
    throw err;
  }
}

export async function listReportMedia(db: Db, actor: Actor | null, reportId: number) {
  await canSeeReportMedia(db, actor, reportId);
  return { media: (await mediaOfReport(db, reportId)).map(presentMedia) };
}

export async function openMediaFile(
  deps: Pick<MediaDeps, 'db' | 'storage'>,
  actor: Actor | null,
  reportId: number,
  mediaId: number,
  context?: AuditContext,
): Promise<{ media: MediaRow; stream: Readable }> {
  const report = await canSeeReportMedia(deps.db, actor, reportId);
  const media = await findMedia(deps.db, reportId, mediaId);
  const key = media?.meta?.storage_key;
  if (!media || typeof key !== 'string' || !(await deps.storage.exists(key))) throw notFound('Media', mediaId);
  // CiviLens media_accessed: a file of a private or sensitive report served to someone other than its reporter
  // (staff, by visibility) is audited. Photos of public, non-sensitive reports are on the public map for anyone
  // and the reporter's own files are theirs: auditing those would fill the log with every page view.
  const open = report.is_public && !report.is_sensitive;
  if (!open && actor && actor.userId !== report.user_id) {
    await audit(deps.db, context ?? { actor }, {
      action: 'media_accessed',
      description: `Media ${mediaId} of report ${reportId} served`,
      resourceType: 'media',
      resourceId: mediaId,
      extra: { report_id: reportId, file_type: media.file_type },
    });
  }
  return { media, stream: deps.storage.stream(key) };
}

export async function deleteMedia(deps: MediaDeps, actor: Actor | null, reportId: number, mediaId: number) {
  const media = await findMedia(deps.db, reportId, mediaId);
  if (!media) {
    await canSeeReportMedia(deps.db, actor, reportId);
    throw notFound('Media', mediaId);
  }
  await assertCanDelete(deps.db, actor, reportId, media);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM reports.media WHERE id = ${mediaId}`);
    await audit(tx, deps.context, {
      action: 'media_deleted',
      description: `Media ${mediaId} deleted from report ${reportId}`,
      resourceType: 'media',
      resourceId: mediaId,
      extra: { report_id: reportId, file_type: media.file_type },
    });
  });
  if (typeof media.meta?.storage_key === 'string') await deps.storage.delete(media.meta.storage_key);
}
