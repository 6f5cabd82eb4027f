// The reports module's scheduled jobs.
import type { JobDefinition } from '../../../jobs/queue.ts';

export const reportsJobs: JobDefinition<any>[] = [];
