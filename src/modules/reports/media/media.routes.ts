// Report media under /api/v1/reports: upload (one or several files), list, fetch a file, delete, limits and
// storage statistics. Files are multipart/form-data; the file fields are "file" (or "files" for /bulk).
import path from 'node:path';
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../../identity/audit.ts';
import type { App, AppDeps } from '../../module.ts';
import { limitsDocument, maxFilesPerUpload } from './media-types.ts';
import { deleteMedia, listReportMedia, type MediaDeps, openMediaFile, uploadMedia } from './media.service.ts';
import { storageStats } from './media.queries.ts';
import { readUpload } from './multipart-upload.ts';
import { localStorage, type StorageAdapter } from './storage.ts';

const tags = ['reports: media'];
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const ReportParams = Type.Object({ id: Id }, { additionalProperties: false });
const MediaParams = Type.Object({ id: Id, mediaId: Id }, { additionalProperties: false });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Media = Type.Object({
  id: Type.Integer(),
  report_id: Type.Integer(),
  file_url: Type.String(),
  file_type: Type.String(),
  file_size: Nullable(Type.Integer()),
  mime_type: Nullable(Type.String()),
  is_primary: Type.Boolean(),
  is_proof_of_work: Type.Boolean(),
  sequence_order: Nullable(Type.Integer()),
  caption: Nullable(Type.String()),
  upload_source: Nullable(Type.String()),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  original_name: Nullable(Type.String()),
  created_at: Nullable(Type.String()),
});

/** The storage every media route uses: local disk under `${dataDir}/media`. */
export function mediaStorage(deps: AppDeps): StorageAdapter {
  return localStorage(path.join(deps.config.dataDir, 'media'));
}

export function mediaRoutes(app: App, deps: AppDeps, storage: StorageAdapter = mediaStorage(deps)) {
  const db = deps.database.db;
  const mediaDeps = (request: Parameters<typeof auditContext>[0]): MediaDeps => ({
    db,
    storage,
    uploadLimit: deps.config.uploadLimit,
    context: auditContext(request),
  });
  const uploadSchema = (summary: string) => ({
    tags,
    summary,
    consumes: ['multipart/form-data'],
    params: ReportParams,
    response: { 201: Type.Object({ media: Type.Array(Media, { maxItems: maxFilesPerUpload }) }) },
  });

  app.post(
    '/api/v1/reports/:id/media',
    { config: { access: 'media:upload' }, schema: uploadSchema('Upload one file (field "file") to a report') },
    async (request, reply) => {
      const { files, options } = await readUpload(request, 1);
      const media = await uploadMedia(mediaDeps(request), request.actor, request.params.id, files, options);
      return reply.status(201).send({ media });
    },
  );

  app.post(
    '/api/v1/reports/:id/media/bulk',
    {
      config: { access: 'media:upload' },
      schema: uploadSchema(`Upload up to ${maxFilesPerUpload} files (fields "files") to a report`),
    },
    async (request, reply) => {
      const { files, options } = await readUpload(request, maxFilesPerUpload);
      const media = await uploadMedia(mediaDeps(request), request.actor, request.params.id, files, options);
      return reply.status(201).send({ media });
    },
  );

  app.get(
    '/api/v1/reports/:id/media',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A report's media (public reports: anyone; others: who may see the report)",
        params: ReportParams,
        response: { 200: Type.Object({ media: Type.Array(Media) }) },
      },
    },
    async (request) => listReportMedia(db, request.actor, request.params.id),
  );

  app.get(
    '/api/v1/reports/:id/media/:mediaId/file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The file itself (images carry no EXIF/GPS metadata)',
        params: MediaParams,
        response: { 200: Type.Unknown({ description: 'The file bytes' }) },
      },
    },
    async (request, reply) => {
      const { media, stream } = await openMediaFile(
        { db, storage },
        request.actor,
        request.params.id,
        request.params.mediaId,
        auditContext(request),
      );
      const inline = media.file_type !== 'DOCUMENT';
      return reply
        .type(media.mime_type ?? 'application/octet-stream')
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="media-${media.id}"`)
        .header('cache-control', 'private, max-age=300')
        .send(stream);
    },
  );

  app.delete(
    '/api/v1/reports/:id/media/:mediaId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Delete a media item', params: MediaParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await deleteMedia(mediaDeps(request), request.actor, request.params.id, request.params.mediaId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/reports/media/limits',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Accepted types and size limits',
        response: {
          200: Type.Object({
            max_files_per_report: Type.Integer(),
            max_files_per_upload: Type.Integer(),
            types: Type.Array(
              Type.Object({
                file_type: Type.String(),
                max_bytes: Type.Integer(),
                mime_types: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async () => limitsDocument(deps.config.uploadLimit),
  );

  app.get(
    '/api/v1/reports/media/storage/stats',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags,
        summary: 'Stored media: files and bytes by type',
        response: {
          200: Type.Object({
            total_files: Type.Integer(),
            total_bytes: Type.Integer(),
            reports_with_media: Type.Integer(),
            by_type: Type.Array(
              Type.Object({ file_type: Type.String(), files: Type.Integer(), bytes: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async () => storageStats(db),
  );
}
