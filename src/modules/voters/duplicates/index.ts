// Duplicate matching and merging: routes and the scan job, for the voters module to register.
import { duplicatesRoutes } from './duplicates.routes.ts';
import { duplicateScanJob } from './scan.job.ts';

export { duplicatesRoutes };
export const votersDuplicateJobs = [duplicateScanJob];
