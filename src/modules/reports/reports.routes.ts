// All reports routes under /api/v1/reports, one file per sub-domain.
import type { App, AppDeps } from '../module.ts';
import { bulkRoutes } from './bulk.routes.ts';
import { reportRoutes } from './report.routes.ts';
import { reportWorkflowRoutes } from './report-workflow.routes.ts';

export async function reportsRoutes(app: App, deps: AppDeps) {
  reportRoutes(app, deps);
  reportWorkflowRoutes(app, deps);
  bulkRoutes(app, deps);
}
