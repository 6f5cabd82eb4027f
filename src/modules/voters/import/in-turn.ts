// Jobs that overlap their work but finish in order: job i starts when a runner is free and receives `turn`,
// which settles once job i-1 has finished (and rejects if it failed). The merge uses it to run two batches'
// statements at once on PostgreSQL while committing them in line order, so `last_merged_line` stays the end of
// a committed prefix and a resume after a kill works as with one batch at a time. A job that need not finish in
// order (an index build) ignores its turn.

/**
 * Runs jobs 0..count-1, at most `concurrency` at once, started in order. After a failure no new job starts;
 * the first failure is thrown once every started job has settled (none is left running behind the caller).
 */
export async function runInTurn(
  count: number,
  concurrency: number,
  job: (index: number, turn: Promise<void>) => Promise<void>,
): Promise<void> {
  const finished: Promise<void>[] = [];
  let next = 0;
  let failure: { error: unknown } | null = null;
  const runner = async () => {
    while (next < count && !failure) {
      const index = next++;
      const result = job(index, index === 0 ? Promise.resolve() : finished[index - 1]);
      finished[index] = result;
      // A job's failure is reported once, below; the later job waiting on it fails with the same error.
      result.catch(() => {});
      try {
        await result;
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, runner));
  if (failure) throw (failure as { error: unknown }).error;
}
