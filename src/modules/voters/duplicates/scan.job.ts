// The voters.duplicates.scan job: a full blocked scan of every voter (POST /api/v1/duplicates/scan).
import { defineJob } from '../../../jobs/queue.ts';
import { scanDuplicates } from './scan.service.ts';

export const duplicateScanJob = defineJob<{ threshold?: number }>({
  name: 'voters.duplicates.scan',
  singleton: true,
  retryLimit: 1,
  handler: async (payload, { database, log }) => {
    const { added } = await scanDuplicates(database.db, { threshold: payload.threshold });
    log.info({ added }, 'duplicate scan finished');
  },
});
