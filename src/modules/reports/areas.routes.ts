// Area assignments CRUD (areas:manage) and the caller's own areas.
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { areaTypes, createArea, deleteArea, listAreas, myAreas, updateArea } from './areas.service.ts';
import { Id, IdParams, Notes, Nullable } from './reports.schemas.ts';

const tags = ['reports: areas'];
const AreaType = Type.Union(areaTypes.map((t) => Type.Literal(t)));
const LatLon = Type.Tuple([Type.Number({ minimum: -90, maximum: 90 }), Type.Number({ minimum: -180, maximum: 180 })]);
// The original's shapes: {type, name} for district/ward; {type, center_lat, center_lon, radius_km} for circle/radius;
// {type, coordinates: [[lat, lon], ...]} for polygon.
const AreaData = Type.Object(
  {
    type: Type.Optional(AreaType),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    ward_number: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    center_lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    center_lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    radius_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 500 })),
    coordinates: Type.Optional(Type.Array(LatLon, { minItems: 3, maxItems: 5000 })),
  },
  { additionalProperties: false },
);
const Area = Type.Object({
  id: Type.Integer(),
  user_id: Type.Integer(),
  user_name: Nullable(Type.String()),
  user_role: Type.String(),
  area_type: Type.String(),
  area_name: Type.String(),
  area_data: Type.Record(Type.String(), Type.Unknown()),
  is_active: Type.Boolean(),
  assigned_by: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  created_at: Nullable(Type.String()),
  updated_at: Nullable(Type.String()),
});

export function areaRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const base = '/api/v1/reports/areas';
  app.get(
    base,
    {
      config: { access: 'areas:manage' },
      schema: {
        tags,
        summary: 'Area assignments',
        querystring: Type.Object(
          { user_id: Type.Optional(Id), is_active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ areas: Type.Array(Area) }) },
      },
    },
    async (request) => listAreas(db, request.query),
  );
  app.get(
    `${base}/mine`,
    {
      config: { access: 'reports:read' },
      schema: {
        tags,
        summary: "The caller's active areas",
        response: { 200: Type.Object({ areas: Type.Array(Area) }) },
      },
    },
    async (request) => myAreas(db, requireActor(request)),
  );
  app.post(
    base,
    {
      config: { access: 'areas:manage' },
      schema: {
        tags,
        summary: 'Assign an area to a moderator or officer',
        body: Type.Object(
          {
            user_id: Id,
            area_type: AreaType,
            area_name: Type.String({ minLength: 1, maxLength: 255 }),
            area_data: AreaData,
            is_active: Type.Optional(Type.Boolean()),
            notes: Type.Optional(Nullable(Notes)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Area },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await db.transaction((tx) => createArea(tx, auditContext(request), request.body))),
  );
  app.put(
    `${base}/:id`,
    {
      config: { access: 'areas:manage' },
      schema: {
        tags,
        summary: 'Edit an area assignment',
        params: IdParams,
        body: Type.Object(
          {
            area_type: Type.Optional(AreaType),
            area_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
            area_data: Type.Optional(AreaData),
            is_active: Type.Optional(Type.Boolean()),
            notes: Type.Optional(Nullable(Notes)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Area },
      },
    },
    async (request) => db.transaction((tx) => updateArea(tx, auditContext(request), request.params.id, request.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'areas:manage' },
      schema: { tags, summary: 'Remove an area assignment', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteArea(tx, auditContext(request), request.params.id));
      return reply.status(204).send(null);
    },
  );
}
