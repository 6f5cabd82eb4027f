// The actions a report screen offers: exactly the moves of the transition table the role may make, each through
// an action route the role may call.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/access.ts';
import { hasPermission } from '../identity/role-catalogue.ts';
import { actionAccess, actionFor, availableActions, moveRule } from './report-actions.ts';
import { allowedTransitions, reportStatuses } from './transitions.ts';

const actor = (role: string, userId = 7): Actor => ({ userId, role, username: role, sessionId: 1, departmentId: 3 });
const subject = (status: (typeof reportStatuses)[number], assignedTo: number | null = 7) => ({
  status,
  department_id: 3,
  task_id: assignedTo === null ? null : 11,
  assigned_to: assignedTo,
});

describe('available actions', () => {
  it('offers only moves of the table, through routes the role may call', () => {
    for (const role of ['admin', 'moderator', 'nodal_officer', 'auditor', 'citizen']) {
      for (const status of reportStatuses) {
        for (const a of availableActions(actor(role), subject(status))) {
          expect(allowedTransitions[status]).toContain(a.to_status);
          expect(a.action).toBe(actionFor(status, a.to_status));
          expect(hasPermission(role, actionAccess[a.action as keyof typeof actionAccess]), `${role} ${a.action}`).toBe(
            true,
          );
          expect(hasPermission(role, moveRule(status, a.to_status).permission)).toBe(true);
        }
      }
    }
  });

  it('offers an administrator every move of the table, enabled when the prerequisites are met', () => {
    for (const status of reportStatuses) {
      const offered = availableActions(actor('admin'), subject(status));
      expect(offered.map((a) => a.to_status)).toEqual(allowedTransitions[status]);
      expect(offered.filter((a) => !a.enabled)).toEqual([]);
    }
  });

  it('keeps a moderator to moderation moves, and auditors and citizens to none', () => {
    expect(availableActions(actor('moderator'), subject('received', null)).map((a) => a.action)).toEqual([
      'reject',
      'mark-duplicate',
    ]);
    expect(availableActions(actor('moderator'), subject('pending_classification', null)).map((a) => a.action)).toEqual([
      'classify',
      'reject',
      'mark-duplicate',
    ]);
    for (const status of reportStatuses) {
      expect(availableActions(actor('auditor'), subject(status))).toEqual([]);
      expect(availableActions(actor('citizen'), subject(status))).toEqual([]);
    }
  });

  it("offers an officer their task's moves, and shows another officer why not", () => {
    expect(availableActions(actor('nodal_officer'), subject('assigned_to_officer')).map((a) => a.action)).toEqual([
      'acknowledge',
      'on-hold',
      'reject-assignment',
    ]);
    const other = availableActions(actor('nodal_officer', 99), subject('assigned_to_officer'));
    expect(other.map((a) => [a.action, a.enabled, a.disabled_code])).toEqual([
      ['acknowledge', false, 'not_assigned_officer'],
      ['on-hold', false, 'not_assigned_officer'],
      ['reject-assignment', false, 'not_assigned_officer'],
    ]);
  });

  it('sends a rejected assignment back to classified with a status move (classify moves only intake reports)', () => {
    expect(actionFor('assignment_rejected', 'classified')).toBe('status');
    expect(actionFor('pending_classification', 'classified')).toBe('classify');
    expect(actionFor('pending_verification', 'in_progress')).toBe('reject-resolution');
    expect(actionFor('on_hold', 'in_progress')).toBe('start-work');
  });
});
