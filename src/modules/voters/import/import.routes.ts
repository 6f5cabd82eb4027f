// /api/v1/imports: upload a voter file (multipart), or upload first and preview, then start (dry run or real);
// follow progress; download the rejected rows as CSV. The import itself runs as the voters.import job.
import fs from 'node:fs';
import { Type } from '@fastify/type-provider-typebox';
import { badRequest, notFound } from '../../../http/errors.ts';
import { auditContext, audit } from '../../identity/audit.ts';
import type { App, AppDeps } from '../../module.ts';
import { Id, IdParams, Page, PerPage, Str } from '../common.schemas.ts';
import { writeIssuesCsv } from './errors-csv.ts';
import { presentImport } from './import.presenter.ts';
import { importOptionsFromFields, parseMapping } from './import-request.ts';
import { createImport } from './import.service.ts';
import { importById, listImports } from './imports.queries.ts';
import { inspectFile } from './inspect-file.ts';
import { ColumnMappingSchema } from './mapping.ts';
import { saveUpload, uploadPath } from './uploads.ts';

const tags = ['imports'];
const access = 'voters:import' as const;
const ImportOut = Type.Object({ import: Type.Unknown() });
const Accepted = Type.Object({ import_id: Type.Integer(), status: Type.String() });
const UploadId = Type.String({ minLength: 1, maxLength: 60 });
const Preview = Type.Object({
  upload_id: UploadId,
  file_name: Type.String(),
  size: Type.Integer(),
  source_name: Type.String(),
  header: Type.Union([Type.Array(Type.String()), Type.Null()]),
  column_count: Type.Integer(),
  rows: Type.Array(Type.Array(Type.String())),
});
const StartBody = Type.Object(
  {
    upload_id: UploadId,
    file_name: Type.Optional(Str(255, 1)),
    layout: Type.Union([Type.Literal('nc'), Type.Literal('csv')]),
    mapping: Type.Optional(ColumnMappingSchema),
    mapping_id: Type.Optional(Id),
    campaign_id: Type.Optional(Id),
    dry_run: Type.Optional(Type.Boolean()),
    batch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export function importRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const dataDir = deps.config.dataDir;

  async function start(request: any, input: Parameters<typeof createImport>[1]) {
    const { import: imp } = await createImport(db, { ...input, createdBy: request.actor?.userId ?? null });
    await audit(db, auditContext(request), {
      action: 'voters.import.start',
      resourceType: 'import',
      resourceId: imp.import_id,
      extra: { layout: imp.layout, dry_run: imp.dry_run, campaign_id: imp.campaign_id, file_size: imp.file_size },
    });
    // Inline queues (tests, JOBS_ENABLED=false in-process) run the job now; its failure is on the import row.
    await deps.jobs.send('voters.import', { import_id: imp.import_id }).catch((err) => {
      request.log.warn({ import_id: imp.import_id, err: (err as Error).message }, 'import job failed');
    });
    return { import_id: imp.import_id, status: 'accepted' };
  }

  app.post(
    '/api/v1/imports',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Upload a voter file (multipart: file, layout, mapping, mapping_id, campaign_id, dry_run) and import it',
        consumes: ['multipart/form-data'],
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw badRequest('multipart_required', 'Send the file as multipart/form-data');
      const fields: Record<string, string> = {};
      let saved: Awaited<ReturnType<typeof saveUpload>> | null = null;
      let fileName = '';
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (saved) throw badRequest('one_file', 'Send one file per import');
          fileName = part.filename || 'upload';
          saved = await saveUpload(dataDir, fileName, part.file);
        } else {
          fields[part.fieldname] = String(part.value ?? '').slice(0, 200_000);
        }
      }
      if (!saved) throw badRequest('file_required', 'The form has no file');
      const options = importOptionsFromFields(fields);
      return reply.status(202).send(await start(request, { ...options, filePath: saved.file, fileName }));
    },
  );

  app.post(
    '/api/v1/imports/uploads',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Upload a voter file without importing it; answers a preview of its first rows',
        consumes: ['multipart/form-data'],
        response: { 201: Preview },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw badRequest('multipart_required', 'Send the file as multipart/form-data');
      const file = await request.file();
      if (!file) throw badRequest('file_required', 'The form has no file');
      const saved = await saveUpload(dataDir, file.filename || 'upload', file.file);
      // An NC voter file (tab-delimited, Latin-1) is previewed as such, so its names are not garbled as UTF-8.
      const asNc = await inspectFile(saved.file, 'nc', null, 8).catch(() => null);
      const preview = asNc?.header?.includes('ncid')
        ? asNc
        : await inspectFile(saved.file, 'csv', guessMapping(file.filename), 8);
      return reply
        .status(201)
        .send({ upload_id: saved.uploadId, file_name: file.filename, size: saved.size, ...preview });
    },
  );

  app.post(
    '/api/v1/imports/uploads/:upload_id/preview',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The first rows of an uploaded file read with a layout or mapping',
        params: Type.Object({ upload_id: UploadId }, { additionalProperties: false }),
        body: Type.Object(
          {
            layout: Type.Union([Type.Literal('nc'), Type.Literal('csv')]),
            mapping: Type.Optional(ColumnMappingSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: Preview },
      },
    },
    async (request) => {
      const file = uploadPath(dataDir, request.params.upload_id);
      const mapping = request.body.mapping ? parseMapping(request.body.mapping) : null;
      const preview = await inspectFile(
        file,
        request.body.layout,
        mapping ?? (request.body.layout === 'csv' ? guessMapping(file) : null),
        8,
      );
      const { size } = await fs.promises.stat(file);
      return { upload_id: request.params.upload_id, file_name: request.params.upload_id, size, ...preview };
    },
  );

  app.post(
    '/api/v1/imports/start',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Import an uploaded file (or dry-run it)',
        body: StartBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const file = uploadPath(dataDir, b.upload_id);
      return reply.status(202).send(
        await start(request, {
          filePath: file,
          fileName: b.file_name ?? b.upload_id,
          layout: b.layout,
          mapping: b.mapping ?? null,
          mappingId: b.mapping_id ?? null,
          campaignId: b.campaign_id ?? null,
          dryRun: b.dry_run ?? false,
          batchSize: b.batch_size,
        }),
      );
    },
  );

  app.post(
    '/api/v1/imports/:id/resume',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Run a failed or interrupted import again from where it stopped',
        params: IdParams,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const imp = await importById(db, request.params.id);
      if (!imp) throw notFound('Import', request.params.id);
      await deps.jobs.send('voters.import', { import_id: imp.import_id }).catch(() => {});
      return reply.status(202).send({ import_id: imp.import_id, status: 'accepted' });
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Imports, newest first',
        querystring: Type.Object({ page: Page, per_page: PerPage }, { additionalProperties: false }),
        response: { 200: Type.Object({ imports: Type.Array(Type.Unknown()), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { items, total } = await listImports(db, request.query.page, request.query.per_page);
      return { imports: items.map(presentImport), total };
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One import: state, progress and counts',
        params: IdParams,
        response: { 200: ImportOut },
      },
    },
    async (request) => {
      const imp = await importById(db, request.params.id);
      if (!imp) throw notFound('Import', request.params.id);
      return { import: presentImport(imp) };
    },
  );

  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The rejected rows (line, reason and the raw fields); include=warnings adds the warnings',
        params: IdParams,
        querystring: Type.Object({ include: Type.Optional(Type.Literal('warnings')) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const imp = await importById(db, request.params.id);
      if (!imp) throw notFound('Import', request.params.id);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${imp.import_id}-rejected.csv"`);
      return reply.send(writeIssuesCsv(db, imp, request.query.include === 'warnings'));
    },
  );
}

/** A first guess for reading a file of unknown layout: tabs for .txt/.tsv, commas otherwise. */
function guessMapping(fileName: string) {
  const tab = /\.(txt|tsv|zip)$/i.test(fileName);
  return { delimiter: tab ? '\t' : ',', encoding: 'utf8', header: true, quote: !tab, columns: {} } as const;
}
