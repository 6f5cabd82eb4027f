// What a report looks like over the wire: built field by field, so a new column never leaks.
import { iso } from '../../http/presenters.ts';

export interface ReportRow {
  id: number;
  report_number: string | null;
  user_id: number;
  department_id: number | null;
  department_name?: string | null;
  title: string;
  description: string;
  category: string | null;
  sub_category: string | null;
  status: string;
  severity: string;
  status_updated_at: unknown;
  latitude: number;
  longitude: number;
  address: string | null;
  landmark: string | null;
  area_type: string | null;
  ward_number: string | null;
  district: string | null;
  state: string | null;
  pincode: string | null;
  ai_category: string | null;
  ai_confidence: number | null;
  ai_processed_at: unknown;
  ai_model_version: string | null;
  manual_category: string | null;
  manual_severity: string | null;
  classified_by_user_id: number | null;
  classification_notes: string | null;
  is_public: boolean;
  is_sensitive: boolean;
  is_featured: boolean;
  needs_review: boolean;
  is_duplicate: boolean;
  duplicate_of_report_id: number | null;
  rejection_reason: string | null;
  hold_reason: string | null;
  assignment_rejection_reason: string | null;
  assignment_rejected_at: unknown;
  assignment_rejected_by_user_id: number | null;
  estimated_resume_date: unknown;
  hold_approved_by_user_id: number | null;
  hold_approval_required: boolean;
  sla_due_at: unknown;
  resolved_at: unknown;
  created_at: unknown;
  updated_at: unknown;
  is_overdue?: boolean;
  assigned_officer_id?: number | null;
}

export function presentReport(row: ReportRow) {
  return {
    id: row.id,
    report_number: row.report_number,
    user_id: row.user_id,
    department_id: row.department_id,
    department_name: row.department_name ?? null,
    title: row.title,
    description: row.description,
    category: row.category,
    sub_category: row.sub_category,
    status: row.status,
    severity: row.severity,
    status_updated_at: iso(row.status_updated_at),
    latitude: row.latitude,
    longitude: row.longitude,
    address: row.address,
    landmark: row.landmark,
    area_type: row.area_type,
    ward_number: row.ward_number,
    district: row.district,
    state: row.state,
    pincode: row.pincode,
    ai_category: row.ai_category,
    ai_confidence: row.ai_confidence,
    ai_processed_at: iso(row.ai_processed_at),
    ai_model_version: row.ai_model_version,
    manual_category: row.manual_category,
    manual_severity: row.manual_severity,
    classified_by_user_id: row.classified_by_user_id,
    classification_notes: row.classification_notes,
    is_public: row.is_public,
    is_sensitive: row.is_sensitive,
    is_featured: row.is_featured,
    needs_review: row.needs_review,
    is_duplicate: row.is_duplicate,
    duplicate_of_report_id: row.duplicate_of_report_id,
    rejection_reason: row.rejection_reason,
    hold_reason: row.hold_reason,
    assignment_rejection_reason: row.assignment_rejection_reason,
    assignment_rejected_at: iso(row.assignment_rejected_at),
    assignment_rejected_by_user_id: row.assignment_rejected_by_user_id,
    estimated_resume_date: iso(row.estimated_resume_date),
    hold_approved_by_user_id: row.hold_approved_by_user_id,
    hold_approval_required: row.hold_approval_required,
    sla_due_at: iso(row.sla_due_at),
    is_overdue: row.is_overdue ?? false,
    assigned_officer_id: row.assigned_officer_id ?? null,
    resolved_at: iso(row.resolved_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

export type PresentedReport = ReturnType<typeof presentReport>;
