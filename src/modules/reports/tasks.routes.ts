// Tasks: the officer's queue and the moves an officer makes on their task.
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/access.ts';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { Id, IdParams, Notes, Nullable, PageQuery, Paged, Task } from './reports.schemas.ts';
import { getTask, listTasks, moveTask, updateTask } from './tasks.service.ts';

const tags = ['reports: tasks'];
const TaskStatus = Type.Union(
  ['assigned', 'acknowledged', 'in_progress', 'pending_verification', 'resolved', 'rejected', 'on_hold'].map((s) =>
    Type.Literal(s),
  ),
);
const TaskView = Type.Intersect([
  Task,
  Type.Object({
    report_number: Nullable(Type.String()),
    report_title: Type.String(),
    report_status: Type.String(),
    report_severity: Type.String(),
    department_id: Nullable(Type.Integer()),
  }),
]);

export function taskRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.get(
    '/api/v1/reports/tasks',
    {
      config: { access: 'tasks:read' },
      schema: {
        tags,
        summary: 'Tasks: an officer sees their own, other staff those of reports they see',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(TaskStatus, { maxItems: 7 })),
            officer_id: Type.Optional(Id),
            department_id: Type.Optional(Id),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Paged('tasks', TaskView) },
      },
    },
    async (request) => listTasks(db, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/reports/tasks/:id',
    {
      config: { access: 'tasks:read' },
      schema: { tags, summary: 'One task', params: IdParams, response: { 200: TaskView } },
    },
    async (request) => getTask(db, requireActor(request), request.params.id),
  );
  for (const action of ['acknowledge', 'start', 'submit-for-verification', 'resolve'] as const) {
    app.post(
      `/api/v1/reports/tasks/:id/${action}`,
      {
        config: { access: 'tasks:work' },
        schema: {
          tags,
          summary:
            action === 'resolve'
              ? 'The officer resolves the task: resolution notes, and the report goes to verification'
              : `The assigned officer: ${action}`,
          params: IdParams,
          body: Type.Optional(
            Type.Object(
              { notes: Type.Optional(Notes), resolution_notes: Type.Optional(Notes) },
              { additionalProperties: false },
            ),
          ),
          response: { 200: TaskView },
        },
      },
      async (request) =>
        db.transaction((tx) => moveTask(tx, auditContext(request), request.params.id, action, request.body ?? {})),
    );
  }
  app.put(
    '/api/v1/reports/tasks/:id',
    {
      config: { access: 'tasks:manage' },
      schema: {
        tags,
        summary: 'Change a task’s priority (1–10) or notes',
        params: IdParams,
        body: Type.Object(
          { priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })), notes: Type.Optional(Nullable(Notes)) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: TaskView },
      },
    },
    async (request) => db.transaction((tx) => updateTask(tx, auditContext(request), request.params.id, request.body)),
  );
}
