// The CiviLens enum values the server enforces and the web app offers: one list, imported by both
// (src/modules/reports and src/web/modules/reports). The database enums in the reports migrations hold the same.

export const reportStatuses = [
  'received',
  'pending_classification',
  'classified',
  'assigned_to_department',
  'assigned_to_officer',
  'acknowledged',
  'in_progress',
  'pending_verification',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
  'on_hold',
  'assignment_rejected',
  'reopened',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const escalationLevels = ['level_1', 'level_2', 'level_3'] as const;
export const escalationReasons = [
  'sla_breach',
  'unresolved',
  'quality_issue',
  'citizen_complaint',
  'vip_attention',
  'critical_priority',
] as const;
