import { describe, expect, it } from 'vitest';
import { reportStatuses } from '../reports/transitions.ts';
import { open311Status, statusNotes } from './status-mapping.ts';

describe('open311Status', () => {
  it('closes resolved, closed, rejected and duplicate; every other status is open', () => {
    const closed = reportStatuses.filter((s) => open311Status(s) === 'closed');
    expect(closed.sort()).toEqual(['closed', 'duplicate', 'rejected', 'resolved']);
    expect(open311Status('on_hold')).toBe('open');
    expect(open311Status('reopened')).toBe('open');
  });
});

describe('statusNotes', () => {
  it('explains a rejection with its reason', () => {
    expect(statusNotes({ status: 'rejected', rejection_reason: 'Not a civic issue' })).toBe(
      'Rejected. Not a civic issue',
    );
  });
  it('names the original of a duplicate', () => {
    expect(statusNotes({ status: 'duplicate', duplicate_of_number: 'CL-2026-RNC-00001' })).toBe(
      'Duplicate request of CL-2026-RNC-00001.',
    );
    expect(statusNotes({ status: 'duplicate' })).toBe('Duplicate request.');
  });
  it('adds the latest note staff wrote, but not the submission note', () => {
    expect(statusNotes({ status: 'in_progress', latest_note: 'Crew on site' })).toBe('Work in progress. Crew on site');
    expect(statusNotes({ status: 'received', latest_note: 'Report submitted' })).toBe('Received; awaiting review.');
    expect(statusNotes({ status: 'on_hold', hold_reason: 'Monsoon', latest_note: 'x' })).toBe('On hold. Monsoon');
  });
});
