// A report's task: the officer who holds it (by name), its status, priority and SLA, and for assigners the
// officer moves the transition table does not list: reassigning a task in hand, and auto-assignment.
import { useAuth } from '../../auth/auth-context.tsx';
import { Button } from '../../ui/button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Section } from '../../ui/page.tsx';
import { label, type Report, type Task } from './reports-types.ts';
import { officerName, useDepartmentOfficers } from './use-departments.ts';

/** Statuses in which the task may move to another officer without a status change. */
const reassignable = ['assigned_to_officer', 'acknowledged', 'in_progress'];
/** Statuses from which auto-assignment moves the report to assigned_to_officer. */
const autoAssignable = ['assigned_to_department', 'on_hold', 'assignment_rejected'];

export function TaskSection({
  report,
  task,
  onReassign,
  onAutoAssign,
}: {
  report: Report;
  task: Task | null;
  onReassign(): void;
  onAutoAssign(): void;
}) {
  const auth = useAuth();
  const officers = useDepartmentOfficers(task ? report.department_id : null);
  const assigner = auth.can('reports:assign') && report.department_id !== null;
  const officer = task && officers.data?.officers.find((o) => o.id === task.assigned_to);
  const fact = (name: string, value: React.ReactNode) => (
    <>
      <dt>{name}</dt>
      <dd>{value ?? '—'}</dd>
    </>
  );
  return (
    <Section
      title="Task"
      actions={
        assigner && (
          <span className="button-row">
            {task && reassignable.includes(report.status) && <Button onClick={onReassign}>Reassign the officer</Button>}
            {autoAssignable.includes(report.status) && <Button onClick={onAutoAssign}>Auto-assign an officer</Button>}
          </span>
        )
      }
    >
      {task ? (
        <dl className="facts">
          {fact('Officer', officer ? officerName(officer) : `User ${task.assigned_to}`)}
          {fact('Task status', label(task.status))}
          {fact('Priority', task.priority)}
          {fact(
            'SLA deadline',
            `${formatDateTime(task.sla_deadline)}${task.sla_violated === 2 ? ' (violated)' : task.sla_violated === 1 ? ' (at risk)' : ''}`,
          )}
          {fact('Assigned', formatDateTime(task.assigned_at))}
          {fact('Acknowledged', formatDateTime(task.acknowledged_at))}
          {fact('Started', formatDateTime(task.started_at))}
          {fact('Resolved', formatDateTime(task.resolved_at))}
          {task.notes && fact('Notes', task.notes)}
          {task.resolution_notes && fact('Resolution notes', task.resolution_notes)}
        </dl>
      ) : (
        <p>No officer is assigned yet.</p>
      )}
    </Section>
  );
}
