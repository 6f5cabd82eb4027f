// Voter-file import: its routes (imports and saved mappings) and its job, for the voters module to register.
import type { App, AppDeps } from '../../module.ts';
import { importJob, restoreIndexesJob } from './import.job.ts';
import { importRoutes } from './import.routes.ts';
import { mappingsRoutes } from './mappings.routes.ts';

export async function votersImportRoutes(app: App, deps: AppDeps) {
  importRoutes(app, deps);
  mappingsRoutes(app, deps);
}

export const votersImportJobs = [importJob, restoreIndexesJob];
