// /api/v1/import-mappings: saved column mappings for CSV/TSV layouts (the NC layout needs none).
import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { one, rows } from '../../../db/client.ts';
import { notFound } from '../../../http/errors.ts';
import { iso } from '../../../http/presenters.ts';
import { auditContext, audit } from '../../identity/audit.ts';
import type { App, AppDeps } from '../../module.ts';
import { IdParams, OrNull, Str } from '../common.schemas.ts';
import { ColumnMappingSchema, parseTarget } from './mapping.ts';

const tags = ['imports'];
const access = 'voters:import' as const;
const MappingBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, pattern: '\\S' }),
    description: Type.Optional(OrNull(Str(2000))),
    mapping: ColumnMappingSchema,
  },
  { additionalProperties: false },
);
const MappingOut = Type.Object({
  mapping_id: Type.Integer(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  mapping: Type.Unknown(),
  created_by: Type.Union([Type.Integer(), Type.Null()]),
  created_at: Type.String(),
  updated_at: Type.String(),
});

interface MappingRow {
  mapping_id: number;
  name: string;
  description: string | null;
  mapping: unknown;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
const present = (m: MappingRow) => ({ ...m, created_at: iso(m.created_at)!, updated_at: iso(m.updated_at)! });

function checkTargets(mapping: { columns: Record<string, string | string[]> }) {
  for (const t of Object.values(mapping.columns)) for (const target of [t].flat()) parseTarget(target);
}

export function mappingsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.get(
    '/api/v1/import-mappings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Saved column mappings',
        response: { 200: Type.Object({ mappings: Type.Array(MappingOut) }) },
      },
    },
    async () => ({
      mappings: (await rows<MappingRow>(db, sql`SELECT * FROM voters.import_mappings ORDER BY name`)).map(present),
    }),
  );
  app.get(
    '/api/v1/import-mappings/:id',
    {
      config: { access },
      schema: { tags, summary: 'One saved mapping', params: IdParams, response: { 200: MappingOut } },
    },
    async (request) => {
      const m = await one<MappingRow>(
        db,
        sql`SELECT * FROM voters.import_mappings WHERE mapping_id = ${request.params.id}`,
      );
      if (!m) throw notFound('Import mapping', request.params.id);
      return present(m);
    },
  );
  app.post(
    '/api/v1/import-mappings',
    {
      config: { access },
      schema: { tags, summary: 'Save a column mapping', body: MappingBody, response: { 201: MappingOut } },
    },
    async (request, reply) => {
      const b = request.body;
      checkTargets(b.mapping);
      const m = await one<MappingRow>(
        db,
        sql`INSERT INTO voters.import_mappings (name, description, mapping, created_by)
            VALUES (${b.name.trim()}, ${b.description ?? null}, ${JSON.stringify(b.mapping)}::jsonb, ${request.actor?.userId ?? null})
            RETURNING *`,
      );
      await audit(db, auditContext(request), {
        action: 'voters.import_mapping.create',
        resourceType: 'import_mapping',
        resourceId: m!.mapping_id,
      });
      return reply.status(201).send(present(m!));
    },
  );
  app.put(
    '/api/v1/import-mappings/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Replace a saved mapping',
        params: IdParams,
        body: MappingBody,
        response: { 200: MappingOut },
      },
    },
    async (request) => {
      const b = request.body;
      checkTargets(b.mapping);
      const m = await one<MappingRow>(
        db,
        sql`UPDATE voters.import_mappings SET name = ${b.name.trim()}, description = ${b.description ?? null},
              mapping = ${JSON.stringify(b.mapping)}::jsonb
            WHERE mapping_id = ${request.params.id} RETURNING *`,
      );
      if (!m) throw notFound('Import mapping', request.params.id);
      await audit(db, auditContext(request), {
        action: 'voters.import_mapping.update',
        resourceType: 'import_mapping',
        resourceId: m.mapping_id,
      });
      return present(m);
    },
  );
  app.delete(
    '/api/v1/import-mappings/:id',
    {
      config: { access },
      schema: { tags, summary: 'Delete a saved mapping', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const m = await one(
        db,
        sql`DELETE FROM voters.import_mappings WHERE mapping_id = ${request.params.id} RETURNING mapping_id`,
      );
      if (!m) throw notFound('Import mapping', request.params.id);
      await audit(db, auditContext(request), {
        action: 'voters.import_mapping.delete',
        resourceType: 'import_mapping',
        resourceId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );
}
