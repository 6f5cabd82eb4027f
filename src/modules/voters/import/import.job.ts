// The voters.import job: runs (or resumes) an import, then looks for duplicates among the voters it touched.
// pg-boss retries a job whose worker died; runImport() resumes after the last committed batch.
// voters.import.restore-indexes: every 10 minutes, the indexes a dead or abandoned bulk load deferred come back.
import { defineJob } from '../../../jobs/queue.ts';
import { scanDuplicates } from '../duplicates/scan.service.ts';
import { restoreAbandonedIndexes } from './deferred-indexes.ts';
import { runImport } from './import.service.ts';

export const importJob = defineJob<{ import_id: number }>({
  name: 'voters.import',
  retryLimit: 3,
  retryDelaySeconds: 30,
  handler: async (payload, { database, log }) => {
    const imp = await runImport(database, Number(payload.import_id));
    log.info({ import_id: imp.import_id, state: imp.state }, 'import finished');
    if (!imp.dry_run && imp.inserted + imp.updated > 0) await scanDuplicates(database.db, { importId: imp.import_id });
  },
});

export const restoreIndexesJob = defineJob({
  name: 'voters.import.restore-indexes',
  cron: '*/10 * * * *',
  singleton: true,
  retryLimit: 1,
  handler: async (_payload, { database, log }) => {
    const built = await restoreAbandonedIndexes(database);
    if (built > 0)
      log.info({ job: 'voters.import.restore-indexes', built }, 'rebuilt indexes an abandoned import deferred');
  },
});
