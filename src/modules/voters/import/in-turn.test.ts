import { describe, expect, it } from 'vitest';
import { runInTurn } from './in-turn.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runInTurn', () => {
  it('overlaps the jobs but finishes them in order', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let running = 0;
    let most = 0;
    await runInTurn(6, 2, async (i, turn) => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await tick(i % 2 === 0 ? 30 : 5); // odd jobs finish their work first
      await turn;
      finished.push(i);
      running--;
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(finished).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('runs one at a time with a concurrency of 1', async () => {
    let running = 0;
    let most = 0;
    await runInTurn(3, 1, async (_i, turn) => {
      running++;
      most = Math.max(most, running);
      await tick(2);
      await turn;
      running--;
    });
    expect(most).toBe(1);
  });

  it('throws the first failure, starts nothing after it, and fails the job waiting on it', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const boom = new Error('batch 1 failed');
    const run = runInTurn(6, 2, async (i, turn) => {
      started.push(i);
      await tick(i === 1 ? 20 : 5);
      if (i === 1) throw boom;
      await turn;
      finished.push(i);
    });
    await expect(run).rejects.toBe(boom);
    expect(finished).toEqual([0]);
    expect(started).not.toContain(4);
    expect(started).not.toContain(5);
  });
});
