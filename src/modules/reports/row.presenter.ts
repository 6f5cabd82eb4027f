// Rows of the smaller report resources (task, media, appeal, escalation, history) over the wire: their
// timestamp columns as ISO 8601, nothing else changed (each route's response schema picks the fields).
import { iso } from '../../http/presenters.ts';

const timestampColumns = new Set([
  'created_at',
  'updated_at',
  'assigned_at',
  'acknowledged_at',
  'started_at',
  'resolved_at',
  'sla_deadline',
  'rejected_at',
  'reviewed_at',
  'rework_completed_at',
  'changed_at',
  'auto_escalated_at',
  'flagged_at',
  'cleared_at',
  'read_at',
]);

export function presentRow<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = timestampColumns.has(k) ? iso(v) : v;
  return out as T;
}

export function presentRows<T extends Record<string, unknown>>(list: T[]): T[] {
  return list.map(presentRow);
}
