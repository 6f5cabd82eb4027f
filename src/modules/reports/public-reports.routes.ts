// GET /api/v1/reports/public: the public issue map and list, for anyone (no sign-in). Answers issue facts only;
// the reporter and everything about them stay private (see public-reports.queries.ts).
import { Type } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from '../module.ts';
import { listPublicReports } from './public-reports.queries.ts';
import { CategoryCode, Nullable, Paged, Status } from './reports.schemas.ts';

const tags = ['reports'];

export const PublicReportQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Status, { maxItems: 15 })),
    category: Type.Optional(CategoryCode),
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
    per_page: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  },
  { additionalProperties: false },
);

export const PublicReport = Type.Object({
  id: Type.Integer(),
  report_number: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: Nullable(Type.String()),
  category_name: Nullable(Type.String()),
  status: Type.String(),
  severity: Type.String(),
  /** Null when the reporter gave only an approximate location (Open311). */
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  address: Nullable(Type.String()),
  department_name: Nullable(Type.String()),
  created_at: Nullable(Type.String()),
  status_updated_at: Nullable(Type.String()),
  /** Image media, primary first: GET /api/v1/reports/{id}/media/{photo_id}/file. */
  photo_ids: Type.Array(Type.Integer()),
});

export function publicReportRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.get(
    '/api/v1/reports/public',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public reports for the public issue map: newest first, by status and category, no personal data',
        security: [],
        querystring: PublicReportQuery,
        response: { 200: Paged('reports', PublicReport) },
      },
    },
    async (request) => listPublicReports(db, request.query),
  );
}
