// Small badges for a report's status, severity and overdue flag.
import { label } from './reports-types.ts';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-status-${status}`}>{label(status)}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge badge-severity-${severity}`}>{label(severity)}</span>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  return overdue ? <span className="badge badge-overdue">Overdue</span> : null;
}
