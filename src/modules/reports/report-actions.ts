// Who may make which move, the API action behind each move, and the actions a screen offers for one report:
// every move of the transition table from the current status, enabled or disabled with the reason.
import type { Actor } from '../../http/access.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { hasPermission, type Permission } from '../identity/role-catalogue.ts';
import { allowedTransitions, missingPrerequisite, type ReportStatus } from './transitions.ts';

export interface MoveSubject {
  status: ReportStatus;
  department_id: number | null;
  task_id: number | null;
  assigned_to: number | null;
}

/**
 * Who may call each workflow action route (report-workflow.routes.ts reads its access from here), so the
 * actions a screen offers are exactly the ones the caller's role can send.
 */
export const actionAccess = {
  classify: 'reports:classify',
  'assign-department': 'reports:assign',
  'assign-officer': 'reports:assign',
  'auto-assign-officer': 'reports:assign',
  status: 'reports:update_status',
  acknowledge: 'tasks:work',
  'start-work': 'tasks:work',
  'submit-for-verification': 'tasks:work',
  'on-hold': 'reports:update_status',
  'approve-resolution': 'reports:assign',
  'reject-resolution': 'reports:assign',
  reject: 'reports:moderate',
  'mark-duplicate': 'reports:moderate',
  reopen: 'reports:assign',
  'reject-assignment': 'tasks:work',
  'add-update': 'reports:update_status',
} as const satisfies Record<string, Permission>;

export type WorkflowAction = keyof typeof actionAccess;

/** The API action (POST /api/v1/reports/:id/<action>) that makes a move. */
export function actionFor(from: ReportStatus, to: ReportStatus): WorkflowAction {
  if (to === 'in_progress' && from === 'pending_verification') return 'reject-resolution';
  // classify moves only intake reports on; sending a rejected assignment back to classified is a status move.
  if (to === 'classified' && from === 'assignment_rejected') return 'status';
  const byTarget: Partial<Record<ReportStatus, WorkflowAction>> = {
    pending_classification: 'status',
    classified: 'classify',
    assigned_to_department: 'assign-department',
    assigned_to_officer: 'assign-officer',
    acknowledged: 'acknowledge',
    in_progress: 'start-work',
    pending_verification: 'submit-for-verification',
    resolved: 'approve-resolution',
    closed: 'status',
    rejected: 'reject',
    duplicate: 'mark-duplicate',
    on_hold: 'on-hold',
    assignment_rejected: 'reject-assignment',
    reopened: 'reopen',
  };
  return byTarget[to] ?? 'status';
}

interface MoveRule {
  permission: Permission;
  /** Only the officer holding the report's task (or a role with reports:assign) may make it. */
  assignedOfficer?: boolean;
}

export function moveRule(from: ReportStatus, to: ReportStatus): MoveRule {
  switch (to) {
    case 'pending_classification':
    case 'classified':
      return { permission: 'reports:classify' };
    case 'assigned_to_department':
    case 'assigned_to_officer':
    case 'resolved':
    case 'closed':
    case 'reopened':
      return { permission: 'reports:assign' };
    case 'duplicate':
      return { permission: 'reports:moderate' };
    case 'rejected':
      return {
        permission:
          from === 'pending_verification' || from === 'assignment_rejected' ? 'reports:assign' : 'reports:moderate',
      };
    case 'in_progress':
      return from === 'pending_verification'
        ? { permission: 'reports:assign' }
        : { permission: 'tasks:work', assignedOfficer: true };
    case 'acknowledged':
    case 'pending_verification':
    case 'assignment_rejected':
      return { permission: 'tasks:work', assignedOfficer: true };
    case 'on_hold':
      return { permission: 'reports:update_status', assignedOfficer: true };
    default:
      return { permission: 'reports:assign' };
  }
}

/** Why `actor` may not make the move, or null when they may. */
export function refusal(actor: Actor, subject: MoveSubject, to: ReportStatus): AppError | null {
  const rule = moveRule(subject.status, to);
  if (!hasPermission(actor.role, rule.permission)) {
    return forbidden(`Your role (${actor.role}) does not allow moving a report to ${to} (${rule.permission})`);
  }
  if (rule.assignedOfficer && !hasPermission(actor.role, 'reports:assign') && subject.assigned_to !== actor.userId) {
    return new AppError(403, 'not_assigned_officer', 'Only the officer assigned to this report may do this');
  }
  return null;
}

export function assertMayMove(actor: Actor, subject: MoveSubject, to: ReportStatus) {
  const refused = refusal(actor, subject, to);
  if (refused) throw refused;
}

export interface AvailableAction {
  action: string;
  to_status: ReportStatus;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_code: string | null;
}

/**
 * The moves the actor's role may make from the current status, through an action route the role may call;
 * prerequisites that need input (a reason) stay enabled.
 */
export function availableActions(actor: Actor, subject: MoveSubject): AvailableAction[] {
  return allowedTransitions[subject.status]
    .filter(
      (to) =>
        hasPermission(actor.role, moveRule(subject.status, to).permission) &&
        hasPermission(actor.role, actionAccess[actionFor(subject.status, to)]),
    )
    .map((to) => {
      const refused = refusal(actor, subject, to);
      const missing = missingPrerequisite(subject.status, to, {
        departmentId: subject.department_id,
        hasTask: subject.task_id !== null,
        reason: 'given with the action',
        duplicateOfReportId: 1,
      });
      // Assigning a department or an officer supplies the missing prerequisite itself.
      const selfSupplied =
        (to === 'assigned_to_department' && missing?.code === 'department_required') ||
        (to === 'assigned_to_officer' && missing?.code === 'task_required');
      const blocker = refused
        ? { code: refused.code, message: refused.message }
        : missing && !selfSupplied
          ? missing
          : null;
      return {
        action: actionFor(subject.status, to),
        to_status: to,
        enabled: blocker === null,
        disabled_reason: blocker?.message ?? null,
        disabled_code: blocker?.code ?? null,
      };
    });
}
