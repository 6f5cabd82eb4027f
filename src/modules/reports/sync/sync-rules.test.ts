import { describe, expect, it } from 'vitest';
import { canRetry, downloadSince, isConflict, orderActions, syncHealth } from './sync-rules.ts';

describe('orderActions', () => {
  it('runs higher priority first, then oldest first, then as sent', () => {
    const actions = [
      { id: 'a', priority: 0, timestamp: '2026-11-01T10:00:00Z' },
      { id: 'b', priority: 5, timestamp: '2026-11-01T12:00:00Z' },
      { id: 'c', priority: 5, timestamp: '2026-11-01T11:00:00Z' },
      { id: 'd', timestamp: '2026-11-01T09:00:00Z' },
      { id: 'e', priority: 0, timestamp: '2026-11-01T09:00:00Z' },
    ];
    expect(orderActions(actions).map((a) => a.id)).toEqual(['c', 'b', 'd', 'e', 'a']);
  });
});

describe('canRetry', () => {
  it('allows at most max_retries failures and never a processed action', () => {
    expect(canRetry({ processed: false, retry_count: 0, max_retries: 3 })).toBe(true);
    expect(canRetry({ processed: false, retry_count: 2, max_retries: 3 })).toBe(true);
    expect(canRetry({ processed: false, retry_count: 3, max_retries: 3 })).toBe(false);
    expect(canRetry({ processed: true, retry_count: 0, max_retries: 3 })).toBe(false);
  });
});

describe('isConflict', () => {
  it('is a conflict only when the server changed after the client base', () => {
    expect(isConflict('2026-11-01T10:00:00Z', '2026-11-01T10:00:01Z')).toBe(true);
    expect(isConflict('2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')).toBe(false);
    expect(isConflict('2026-11-01T10:00:00Z', '2026-11-01T09:00:00Z')).toBe(false);
    expect(isConflict(null, '2026-11-01T09:00:00Z')).toBe(false);
    expect(isConflict('2026-11-01T10:00:00Z', null)).toBe(false);
    expect(isConflict('garbage', '2026-11-01T09:00:00Z')).toBe(false);
  });
});

describe('syncHealth and downloadSince', () => {
  it('reports conflicts and defaults the window to the last download or 30 days', () => {
    expect(syncHealth(0)).toBe('good');
    expect(syncHealth(2)).toBe('conflicts_detected');
    const now = new Date('2026-11-22T00:00:00Z');
    expect(downloadSince(undefined, null, now).toISOString()).toBe('2026-10-23T00:00:00.000Z');
    expect(downloadSince(undefined, '2026-11-20T00:00:00Z', now).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(downloadSince('2026-11-21T00:00:00Z', '2026-11-20T00:00:00Z', now).toISOString()).toBe(
      '2026-11-21T00:00:00.000Z',
    );
  });
});
