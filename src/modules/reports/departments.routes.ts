// Departments CRUD, stats and officers; report categories (public list, admin edit).
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import {
  createDepartment,
  deleteDepartment,
  departmentOfficers,
  departmentStats,
  getDepartment,
  listCategories,
  listDepartments,
  updateDepartment,
  upsertCategory,
} from './departments.service.ts';
import { CategoryCode, Id, IdParams, Nullable } from './reports.schemas.ts';

const tags = ['reports: departments'];
const Department = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  keywords: Nullable(Type.String()),
  contact_email: Nullable(Type.String()),
  contact_phone: Nullable(Type.String()),
  created_at: Nullable(Type.String()),
  updated_at: Nullable(Type.String()),
});
const departmentFields = {
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  keywords: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  contact_email: Type.Optional(Nullable(Type.String({ maxLength: 255, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }))),
  contact_phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[+0-9 ()-]{3,20}$' }))),
};
const Stats = Type.Object({
  department_id: Type.Integer(),
  department_name: Type.String(),
  total_reports: Type.Integer(),
  open_reports: Type.Integer(),
  resolved_reports: Type.Integer(),
  overdue_reports: Type.Integer(),
  officers: Type.Integer(),
  avg_resolution_hours: Nullable(Type.Number()),
});
const Category = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  department_id: Nullable(Type.Integer()),
  duplicate_radius_m: Type.Integer(),
  sla_hours: Type.Integer(),
  attributes: Type.Array(Type.Unknown()),
  is_public: Type.Boolean(),
  created_at: Nullable(Type.String()),
  updated_at: Nullable(Type.String()),
});
const Officer = Type.Object({
  id: Type.Integer(),
  full_name: Nullable(Type.String()),
  username: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  employee_id: Nullable(Type.String()),
  is_active: Type.Boolean(),
  role: Type.String(),
});

export function departmentRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const base = '/api/v1/reports/departments';

  app.get(
    base,
    {
      config: { access: 'departments:read' },
      schema: {
        tags,
        summary: 'All departments',
        response: { 200: Type.Object({ departments: Type.Array(Department) }) },
      },
    },
    async () => listDepartments(db),
  );
  app.get(
    `${base}/stats/all`,
    {
      config: { access: 'departments:read' },
      schema: {
        tags,
        summary: 'Report counts per department',
        response: { 200: Type.Object({ stats: Type.Array(Stats) }) },
      },
    },
    async () => ({ stats: await departmentStats(db) }),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'departments:read' },
      schema: { tags, summary: 'One department', params: IdParams, response: { 200: Department } },
    },
    async (request) => getDepartment(db, request.params.id),
  );
  app.get(
    `${base}/:id/stats`,
    {
      config: { access: 'departments:read' },
      schema: { tags, summary: "A department's report counts", params: IdParams, response: { 200: Stats } },
    },
    async (request) => {
      await getDepartment(db, request.params.id);
      return (await departmentStats(db, request.params.id))[0];
    },
  );
  app.get(
    `${base}/:id/officers`,
    {
      config: { access: 'departments:read' },
      schema: {
        tags,
        summary: "A department's staff",
        params: IdParams,
        response: { 200: Type.Object({ officers: Type.Array(Officer) }) },
      },
    },
    async (request) => departmentOfficers(db, request.params.id),
  );
  app.post(
    base,
    {
      config: { access: 'departments:manage' },
      schema: {
        tags,
        summary: 'Create a department',
        body: Type.Object(
          { name: Type.String({ minLength: 2, maxLength: 255 }), ...departmentFields },
          { additionalProperties: false },
        ),
        response: { 201: Department },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await db.transaction((tx) => createDepartment(tx, auditContext(request), request.body))),
  );
  app.put(
    `${base}/:id`,
    {
      config: { access: 'departments:manage' },
      schema: {
        tags,
        summary: 'Edit a department',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 2, maxLength: 255 })), ...departmentFields },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Department },
      },
    },
    async (request) =>
      db.transaction((tx) => updateDepartment(tx, auditContext(request), request.params.id, request.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'departments:manage' },
      schema: { tags, summary: 'Delete a department', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await db.transaction((tx) => deleteDepartment(tx, auditContext(request), request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/reports/categories',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Report categories (public ones to everyone)',
        response: { 200: Type.Object({ categories: Type.Array(Category) }) },
      },
    },
    async (request) => listCategories(db, !request.actor || !['admin', 'super_admin'].includes(request.actor.role)),
  );
  app.put(
    '/api/v1/reports/categories/:code',
    {
      config: { access: 'departments:manage' },
      schema: {
        tags,
        summary: 'Create or edit a category: routing department, duplicate radius, SLA, Open311 attributes',
        params: Type.Object({ code: CategoryCode }, { additionalProperties: false }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
            description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
            department_id: Type.Optional(Nullable(Id)),
            duplicate_radius_m: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
            sla_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 8760 })),
            attributes: Type.Optional(
              Type.Array(Type.Object({}, { additionalProperties: true, maxProperties: 20 }), { maxItems: 50 }),
            ),
            is_public: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Category },
      },
    },
    async (request) =>
      db.transaction((tx) => upsertCategory(tx, auditContext(request), request.params.code, request.body)),
  );
}
