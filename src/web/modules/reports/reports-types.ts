// Shapes of the reports API as the screens use them, and labels for statuses and other codes.

export interface Report {
  id: number;
  report_number: string | null;
  user_id: number;
  department_id: number | null;
  department_name: string | null;
  title: string;
  description: string;
  category: string | null;
  sub_category: string | null;
  status: string;
  severity: string;
  status_updated_at: string | null;
  latitude: number;
  longitude: number;
  address: string | null;
  landmark: string | null;
  ward_number: string | null;
  district: string | null;
  ai_category: string | null;
  ai_confidence: number | null;
  manual_category: string | null;
  manual_severity: string | null;
  classified_by_user_id: number | null;
  classification_notes: string | null;
  is_public: boolean;
  is_duplicate: boolean;
  duplicate_of_report_id: number | null;
  rejection_reason: string | null;
  hold_reason: string | null;
  assignment_rejection_reason: string | null;
  sla_due_at: string | null;
  is_overdue: boolean;
  assigned_officer_id: number | null;
  resolved_at: string | null;
  created_at: string | null;
}

export interface ReportList {
  reports: Report[];
  total: number;
  page: number;
  per_page: number;
}

export interface HistoryEntry {
  id: number;
  old_status: string | null;
  new_status: string;
  changed_by_user_id: number | null;
  /** Staff see who made the change. */
  changed_by_name: string | null;
  notes: string | null;
  changed_at: string | null;
}

export interface Task {
  id: number;
  assigned_to: number;
  status: string;
  priority: number;
  notes: string | null;
  resolution_notes: string | null;
  assigned_at: string | null;
  acknowledged_at: string | null;
  started_at: string | null;
  resolved_at: string | null;
  sla_deadline: string | null;
  sla_violated: number;
}

export interface Appeal {
  id: number;
  report_id: number;
  submitted_by_user_id: number;
  appeal_type: string;
  status: string;
  reason: string;
  review_notes: string | null;
  requires_rework: boolean;
  rework_completed: boolean;
  created_at: string | null;
}

export interface Escalation {
  id: number;
  report_id: number;
  level: string;
  reason: string;
  status: string;
  description: string;
  sla_deadline: string | null;
  is_overdue: boolean;
  response_notes: string | null;
  created_at: string | null;
}

export interface Candidate {
  id: number;
  report_number: string | null;
  title: string;
  status: string;
  distance_m: number;
  text_similarity: number;
}

export interface AvailableAction {
  action: string;
  to_status: string;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_code: string | null;
}

export interface ReportDetail {
  report: Report;
  status_history: HistoryEntry[];
  task: Task | null;
  media: { id: number; file_url: string; file_type: string; caption: string | null }[];
  appeals: Appeal[];
  escalations: Escalation[];
  duplicate_candidates: Candidate[];
  available_actions: AvailableAction[];
}

export interface Department {
  id: number;
  name: string;
  description: string | null;
  keywords: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

export interface Count {
  key: string;
  count: number;
}

export { reportStatuses as statuses, severities } from '../../../shared/report-vocabulary.ts';
export const categories = [
  'roads',
  'water',
  'sanitation',
  'electricity',
  'streetlight',
  'drainage',
  'public_property',
  'other',
];
/** Who may file which appeal type (the API's rule): the reporter, the assigned officer, an assigner. */
export const appealTypes = {
  citizen: ['classification', 'resolution', 'rejection'],
  officer: ['incorrect_assignment', 'workload', 'resource_lack'],
  admin: ['quality_concern'],
};
export { escalationLevels, escalationReasons } from '../../../shared/report-vocabulary.ts';

/** "assigned_to_department" → "Assigned to department". */
export function label(code: string | null | undefined): string {
  if (!code) return '—';
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const levelLabels: Record<string, string> = {
  level_1: 'Level 1 — Department head',
  level_2: 'Level 2 — City manager',
  level_3: 'Level 3 — Mayor / council',
};
