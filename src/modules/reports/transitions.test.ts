import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, missingPrerequisite, reportStatuses } from './transitions.ts';

describe('transition table', () => {
  it('has all 15 statuses and only known targets', () => {
    expect(reportStatuses).toHaveLength(15);
    for (const [from, targets] of Object.entries(allowedTransitions)) {
      expect(reportStatuses).toContain(from);
      for (const to of targets) expect(reportStatuses).toContain(to);
    }
  });

  it('keeps the v1 table and the HEAD additions', () => {
    expect(allowedTransitions.assigned_to_department).toEqual(
      expect.arrayContaining(['assigned_to_officer', 'on_hold']),
    );
    expect(allowedTransitions.on_hold).toEqual(['assigned_to_department', 'assigned_to_officer', 'in_progress']);
    expect(allowedTransitions.assignment_rejected).toEqual(['assigned_to_officer', 'classified', 'rejected']);
    expect(allowedTransitions.reopened).toEqual(['in_progress']);
    expect(canTransition('pending_verification', 'in_progress')).toBe(true);
    expect(canTransition('resolved', 'reopened')).toBe(true);
    expect(canTransition('closed', 'reopened')).toBe(true);
    expect(canTransition('closed', 'in_progress')).toBe(false);
    expect(canTransition('received', 'assigned_to_officer')).toBe(false);
    expect(canTransition('rejected', 'received')).toBe(false);
    expect(canTransition('duplicate', 'duplicate')).toBe(true);
  });

  it('names the missing prerequisite', () => {
    const none = { departmentId: null, hasTask: false };
    expect(missingPrerequisite('classified', 'assigned_to_department', none)?.code).toBe('department_required');
    expect(missingPrerequisite('on_hold', 'in_progress', { departmentId: 1, hasTask: false })?.code).toBe(
      'task_required',
    );
    expect(missingPrerequisite('pending_verification', 'resolved', { departmentId: 1, hasTask: false })?.code).toBe(
      'task_required',
    );
    expect(missingPrerequisite('pending_verification', 'rejected', { departmentId: 1, hasTask: false })?.code).toBe(
      'task_required',
    );
    expect(missingPrerequisite('received', 'rejected', none)?.code).toBe('reason_required');
    expect(missingPrerequisite('received', 'rejected', { ...none, reason: 'spam' })).toBeNull();
    expect(missingPrerequisite('received', 'duplicate', none)?.code).toBe('duplicate_of_required');
    expect(missingPrerequisite('acknowledged', 'on_hold', { departmentId: 1, hasTask: true })?.code).toBe(
      'reason_required',
    );
  });
});
