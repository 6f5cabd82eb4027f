// The report state machine: CiviLens v1 ReportStateValidator, the HEAD additions (assignment_rejected, reopened,
// rework) and two moderation exits Caucus adds (an invalid or duplicate report can leave intake before routing).
// Pure: no database. The database triggers enforce the same order (see the reports core migration).

import { type ReportStatus, reportStatuses } from '../../shared/report-vocabulary.ts';

export { type ReportStatus, reportStatuses, type Severity, severities } from '../../shared/report-vocabulary.ts';

/** Statuses in which a report is still work to do (queues, workload, duplicate candidates, SLA). */
export const openStatuses: ReportStatus[] = [
  'received',
  'pending_classification',
  'classified',
  'assigned_to_department',
  'assigned_to_officer',
  'acknowledged',
  'in_progress',
  'pending_verification',
  'on_hold',
  'assignment_rejected',
  'reopened',
];

export const terminalStatuses: ReportStatus[] = ['closed', 'rejected', 'duplicate'];

export const allowedTransitions: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['pending_classification', 'assigned_to_department', 'rejected', 'duplicate'],
  pending_classification: ['classified', 'assigned_to_department', 'rejected', 'duplicate'],
  classified: ['assigned_to_department', 'rejected', 'duplicate'],
  assigned_to_department: ['assigned_to_officer', 'on_hold', 'duplicate'],
  assigned_to_officer: ['acknowledged', 'on_hold', 'assignment_rejected'],
  acknowledged: ['in_progress', 'on_hold'],
  in_progress: ['pending_verification', 'on_hold'],
  pending_verification: ['resolved', 'rejected', 'on_hold', 'in_progress'],
  on_hold: ['assigned_to_department', 'assigned_to_officer', 'in_progress'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  rejected: [],
  duplicate: [],
  assignment_rejected: ['assigned_to_officer', 'classified', 'rejected'],
  reopened: ['in_progress'],
};

/** An unchanged status is always allowed (as in the original validator). */
export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return from === to || allowedTransitions[from].includes(to);
}

export function isReportStatus(value: string): value is ReportStatus {
  return (reportStatuses as readonly string[]).includes(value);
}

export interface TransitionFacts {
  departmentId: number | null;
  hasTask: boolean;
  /** The reason given for the move (hold reason, rejection reason, assignment rejection reason). */
  reason?: string | null;
  duplicateOfReportId?: number | null;
}

export interface MissingPrerequisite {
  code: 'department_required' | 'task_required' | 'reason_required' | 'duplicate_of_required';
  message: string;
}

const needsTask: ReportStatus[] = [
  'assigned_to_officer',
  'acknowledged',
  'in_progress',
  'pending_verification',
  'resolved',
];
const needsReason: ReportStatus[] = ['on_hold', 'rejected', 'assignment_rejected'];

/**
 * The prerequisites of a move (v1: department for assigned_to_department; a task for the officer statuses,
 * resolved, and rejected out of verification or a rejected assignment), plus the reasons Caucus requires.
 */
export function missingPrerequisite(
  from: ReportStatus,
  to: ReportStatus,
  facts: TransitionFacts,
): MissingPrerequisite | null {
  if (from === to) return null;
  if (to === 'assigned_to_department' && facts.departmentId === null) {
    return { code: 'department_required', message: 'Assign a department first' };
  }
  const rejectingWork = to === 'rejected' && (from === 'pending_verification' || from === 'assignment_rejected');
  if ((needsTask.includes(to) || to === 'reopened' || rejectingWork) && !facts.hasTask) {
    return { code: 'task_required', message: `Moving to ${to} needs an officer task; assign an officer first` };
  }
  if (needsReason.includes(to) && !facts.reason?.trim()) {
    return { code: 'reason_required', message: `Moving to ${to} needs a reason` };
  }
  if (to === 'duplicate' && !facts.duplicateOfReportId) {
    return { code: 'duplicate_of_required', message: 'Name the report this one duplicates' };
  }
  return null;
}
