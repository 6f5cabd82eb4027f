// All reports routes under /api/v1/reports, one file per sub-domain.
import type { App, AppDeps } from '../module.ts';
import { analyticsRoutes } from './analytics.routes.ts';
import { appealRoutes } from './appeals.routes.ts';
import { areaRoutes } from './areas.routes.ts';
import { bulkRoutes } from './bulk.routes.ts';
import { departmentRoutes } from './departments.routes.ts';
import { escalationRoutes } from './escalations.routes.ts';
import { holdApprovalRoutes } from './hold-approvals.routes.ts';
import { reportRoutes } from './report.routes.ts';
import { reportExportRoutes } from './report-export.ts';
import { reportWorkflowRoutes } from './report-workflow.routes.ts';
import { taskRoutes } from './tasks.routes.ts';
import { userStatsRoutes } from './user-stats.routes.ts';
import { validationRoutes } from './validations.ts';

export async function reportsRoutes(app: App, deps: AppDeps) {
  // Action routes (acknowledge, withdraw, …) take an optional body: a POST without one is an empty object.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'DELETE') request.body = {};
  });
  reportRoutes(app, deps);
  reportExportRoutes(app, deps);
  reportWorkflowRoutes(app, deps);
  holdApprovalRoutes(app, deps);
  bulkRoutes(app, deps);
  departmentRoutes(app, deps);
  taskRoutes(app, deps);
  appealRoutes(app, deps);
  escalationRoutes(app, deps);
  areaRoutes(app, deps);
  analyticsRoutes(app, deps);
  userStatsRoutes(app, deps);
  validationRoutes(app, deps);
}
