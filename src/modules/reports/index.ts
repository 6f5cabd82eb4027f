// reports (CiviLens): civic issue reports filed by citizens, routed to departments and officers, worked through a
// status workflow with tasks, appeals and escalations, and seen by staff only inside their areas.
// Other modules call createReport (report-create.ts), changeStatus (workflow.ts) and presentReport.
import type { Module } from '../module.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { publicReportRoutes } from './public-reports.routes.ts';
import { registerReportVisibility } from './report-visibility.ts';
import { reportsRoutes } from './reports.routes.ts';
import { reportsJobs } from './jobs/index.ts';
import { mediaRoutes } from './media/media.routes.ts';
import { syncRoutes } from './sync/sync.routes.ts';

registerReportVisibility();

export const reportsModule: Module = {
  name: 'reports',
  routes: async (app, deps) => {
    await reportsRoutes(app, deps);
    // Anyone, no sign-in: the public issue map.
    publicReportRoutes(app, deps);
    // Media (upload, files) and offline sync: src/modules/reports/media and src/modules/reports/sync.
    mediaRoutes(app, deps);
    syncRoutes(app, deps);
    // The reporter's inbox of news about their reports.
    notificationsRoutes(app, deps);
  },
  jobs: reportsJobs,
};

export { createReport } from './report-create.ts';
export { presentReport } from './report.presenter.ts';
export { allowedTransitions, canTransition, changeStatus } from './workflow.ts';
