// /api/v1/segments: saved filter trees, their counts, members, preview and CSV export. Thin routes.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../../identity/audit.ts';
import type { App, AppDeps } from '../../module.ts';
import { IdParams, MessageOut, Nullable, OrNull, Page, PerPage, Str } from '../common.schemas.ts';
import { VoterList, VoterSchema } from '../voters.schemas.ts';
import { DefinitionSchema } from './definition.ts';
import { exportSegment } from './export-csv.ts';
import {
  countDefinition,
  createSegment,
  deleteSegment,
  getSegment,
  listSegments,
  membersOf,
  previewDefinition,
  requireSegment,
  updateSegment,
} from './segments.service.ts';

const tags = ['segments'];
const Name = Type.String({ minLength: 1, maxLength: 255, pattern: '\\S' });
const SegmentSchema = Type.Object({
  segment_id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  definition: Type.Unknown(),
  created_by: Nullable(Type.Integer()),
  created_at: Type.String(),
  updated_at: Type.String(),
});
const SegmentOut = Type.Object({ segment: SegmentSchema });
const MembersQuery = Type.Object(
  { page: Page, per_page: PerPage, cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export function segmentsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/segments',
    {
      config: { access: 'segments:read' },
      schema: {
        tags,
        summary: 'Saved segments',
        querystring: Type.Object({ page: Page, per_page: PerPage }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            segments: Type.Array(SegmentSchema),
            total: Type.Integer(),
            current_page: Type.Integer(),
            total_pages: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listSegments(db, request.query),
  );

  app.post(
    '/api/v1/segments',
    {
      config: { access: 'segments:write' },
      schema: {
        tags,
        summary: 'Save a segment (the definition is validated; 400 names the bad node)',
        body: Type.Object(
          { name: Name, description: Type.Optional(OrNull(Str(5000))), definition: DefinitionSchema },
          { additionalProperties: false },
        ),
        response: { 201: SegmentOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createSegment(db, auditContext(request), request.body)),
  );

  app.post(
    '/api/v1/segments/preview',
    {
      config: { access: 'segments:read' },
      schema: {
        tags,
        summary: 'Count and first page of an unsaved definition (the segment builder’s live count)',
        body: Type.Object(
          { definition: DefinitionSchema, per_page: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ count: Type.Integer(), voters: Type.Array(VoterSchema) }) },
      },
    },
    async (request) => previewDefinition(db, request.body.definition, request.body.per_page),
  );

  app.get(
    '/api/v1/segments/:id',
    {
      config: { access: 'segments:read' },
      schema: { tags, summary: 'One segment', params: IdParams, response: { 200: SegmentOut } },
    },
    async (request) => getSegment(db, request.params.id),
  );

  app.put(
    '/api/v1/segments/:id',
    {
      config: { access: 'segments:write' },
      schema: {
        tags,
        summary: 'Update a segment (given fields only)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            description: Type.Optional(OrNull(Str(5000))),
            definition: Type.Optional(DefinitionSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: SegmentOut },
      },
    },
    async (request) => updateSegment(db, auditContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/segments/:id',
    {
      config: { access: 'segments:write' },
      schema: { tags, summary: 'Delete a segment', params: IdParams, response: { 200: MessageOut } },
    },
    async (request) => deleteSegment(db, auditContext(request), request.params.id),
  );

  app.get(
    '/api/v1/segments/:id/count',
    {
      config: { access: 'segments:read' },
      schema: {
        tags,
        summary: 'How many voters the segment holds now',
        params: IdParams,
        response: { 200: Type.Object({ count: Type.Integer() }) },
      },
    },
    async (request) => ({ count: await countDefinition(db, (await requireSegment(db, request.params.id)).definition) }),
  );

  app.get(
    '/api/v1/segments/:id/members',
    {
      config: { access: 'voters:read' },
      schema: {
        tags,
        summary: "The segment's voters by voter_id: page/per_page, or cursor= (empty to start) for keyset paging",
        params: IdParams,
        querystring: MembersQuery,
        response: { 200: VoterList },
      },
    },
    async (request) => membersOf(db, (await requireSegment(db, request.params.id)).definition, request.query),
  );

  app.get(
    '/api/v1/segments/:id/export.csv',
    {
      config: { access: 'voters:export' },
      schema: { tags, summary: "The segment's voters as CSV (streamed; audited)", params: IdParams },
    },
    async (request, reply) => {
      const { filename, stream } = await exportSegment(db, auditContext(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
