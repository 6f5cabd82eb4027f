// TypeBox schemas of the reports API: request bodies and queries (closed, bounded) and the response shapes.
import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { reportStatuses, severities } from './transitions.ts';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const Status = literals(reportStatuses);
export const SeverityT = literals(severities);
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Text = (max: number) => Type.String({ maxLength: max });
export const Reason = Type.String({ minLength: 1, maxLength: 2000 });
export const Notes = Type.String({ maxLength: 5000 });
export const CategoryCode = Type.String({ pattern: '^[a-z0-9_]{1,100}$', maxLength: 100 });
const Timestamp = Nullable(Type.String());

export const ReportBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 255 }),
    description: Type.String({ minLength: 1, maxLength: 10000 }),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    category: Type.Optional(CategoryCode),
    sub_category: Type.Optional(Text(100)),
    severity: Type.Optional(SeverityT),
    address: Type.Optional(Text(500)),
    landmark: Type.Optional(Text(255)),
    area_type: Type.Optional(Text(50)),
    ward_number: Type.Optional(Text(50)),
    district: Type.Optional(Text(100)),
    state: Type.Optional(Text(100)),
    pincode: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9A-Za-z -]{1,10}$' })),
    is_public: Type.Optional(Type.Boolean()),
    is_sensitive: Type.Optional(Type.Boolean()),
    city_code: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,10}$', maxLength: 10 })),
  },
  { additionalProperties: false },
);

export const ReportUpdateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 255 })),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 10000 })),
    sub_category: Type.Optional(Nullable(Text(100))),
    address: Type.Optional(Nullable(Text(500))),
    landmark: Type.Optional(Nullable(Text(255))),
    is_public: Type.Optional(Type.Boolean()),
    // staff only
    severity: Type.Optional(SeverityT),
    category: Type.Optional(CategoryCode),
    is_sensitive: Type.Optional(Type.Boolean()),
    is_featured: Type.Optional(Type.Boolean()),
    needs_review: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Report = Type.Object({
  id: Type.Integer(),
  report_number: Nullable(Type.String()),
  user_id: Type.Integer(),
  department_id: Nullable(Type.Integer()),
  department_name: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  category: Nullable(Type.String()),
  sub_category: Nullable(Type.String()),
  status: Type.String(),
  severity: Type.String(),
  status_updated_at: Timestamp,
  latitude: Type.Number(),
  longitude: Type.Number(),
  address: Nullable(Type.String()),
  landmark: Nullable(Type.String()),
  area_type: Nullable(Type.String()),
  ward_number: Nullable(Type.String()),
  district: Nullable(Type.String()),
  state: Nullable(Type.String()),
  pincode: Nullable(Type.String()),
  ai_category: Nullable(Type.String()),
  ai_confidence: Nullable(Type.Number()),
  ai_processed_at: Timestamp,
  ai_model_version: Nullable(Type.String()),
  manual_category: Nullable(Type.String()),
  manual_severity: Nullable(Type.String()),
  classified_by_user_id: Nullable(Type.Integer()),
  classification_notes: Nullable(Type.String()),
  is_public: Type.Boolean(),
  is_sensitive: Type.Boolean(),
  is_featured: Type.Boolean(),
  needs_review: Type.Boolean(),
  is_duplicate: Type.Boolean(),
  duplicate_of_report_id: Nullable(Type.Integer()),
  rejection_reason: Nullable(Type.String()),
  hold_reason: Nullable(Type.String()),
  assignment_rejection_reason: Nullable(Type.String()),
  assignment_rejected_at: Timestamp,
  assignment_rejected_by_user_id: Nullable(Type.Integer()),
  estimated_resume_date: Timestamp,
  hold_approved_by_user_id: Nullable(Type.Integer()),
  hold_approval_required: Type.Boolean(),
  sla_due_at: Timestamp,
  is_overdue: Type.Boolean(),
  assigned_officer_id: Nullable(Type.Integer()),
  resolved_at: Timestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const DuplicateCandidate = Type.Object({
  id: Type.Integer(),
  report_number: Nullable(Type.String()),
  title: Type.String(),
  status: Type.String(),
  category: Nullable(Type.String()),
  distance_m: Type.Number(),
  text_similarity: Type.Number(),
  created_at: Timestamp,
});

export const StatusHistoryEntry = Type.Object({
  id: Type.Integer(),
  old_status: Nullable(Type.String()),
  new_status: Type.String(),
  changed_by_user_id: Nullable(Type.Integer()),
  /** Staff only: the full name (or username) of whoever made the change; null for citizens and the system. */
  changed_by_name: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  changed_at: Timestamp,
});

export const Task = Type.Object({
  id: Type.Integer(),
  report_id: Type.Integer(),
  assigned_to: Type.Integer(),
  assigned_by: Nullable(Type.Integer()),
  status: Type.String(),
  priority: Type.Integer(),
  notes: Nullable(Type.String()),
  resolution_notes: Nullable(Type.String()),
  assigned_at: Timestamp,
  acknowledged_at: Timestamp,
  started_at: Timestamp,
  resolved_at: Timestamp,
  sla_deadline: Timestamp,
  sla_violated: Type.Integer(),
  sla_violation_count: Type.Integer(),
  rejection_reason: Nullable(Type.String()),
  rejected_at: Timestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const Media = Type.Object({
  id: Type.Integer(),
  file_url: Type.String(),
  file_type: Type.String(),
  file_size: Nullable(Type.Integer()),
  mime_type: Nullable(Type.String()),
  is_primary: Type.Boolean(),
  is_proof_of_work: Type.Boolean(),
  sequence_order: Nullable(Type.Integer()),
  caption: Nullable(Type.String()),
  upload_source: Nullable(Type.String()),
  created_at: Timestamp,
});

export const Appeal = Type.Object({
  id: Type.Integer(),
  report_id: Type.Integer(),
  submitted_by_user_id: Type.Integer(),
  appeal_type: Type.String(),
  status: Type.String(),
  reason: Type.String(),
  evidence: Nullable(Type.String()),
  requested_action: Nullable(Type.String()),
  reviewed_by_user_id: Nullable(Type.Integer()),
  reviewed_at: Timestamp,
  review_notes: Nullable(Type.String()),
  action_taken: Nullable(Type.String()),
  reassigned_to_user_id: Nullable(Type.Integer()),
  reassigned_to_department_id: Nullable(Type.Integer()),
  reassignment_reason: Nullable(Type.String()),
  requires_rework: Type.Boolean(),
  rework_assigned_to_user_id: Nullable(Type.Integer()),
  rework_notes: Nullable(Type.String()),
  rework_completed: Type.Boolean(),
  rework_completed_at: Timestamp,
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const Escalation = Type.Object({
  id: Type.Integer(),
  report_id: Type.Integer(),
  escalated_by_user_id: Type.Integer(),
  escalated_to_user_id: Nullable(Type.Integer()),
  level: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  description: Type.String(),
  previous_actions: Nullable(Type.String()),
  urgency_notes: Nullable(Type.String()),
  acknowledged_at: Timestamp,
  response_notes: Nullable(Type.String()),
  action_taken: Nullable(Type.String()),
  resolved_at: Timestamp,
  sla_deadline: Timestamp,
  is_overdue: Type.Boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const AvailableAction = Type.Object({
  action: Type.String(),
  to_status: Type.String(),
  enabled: Type.Boolean(),
  disabled_reason: Nullable(Type.String()),
  disabled_code: Nullable(Type.String()),
});

export const ReportDetail = Type.Object({
  report: Report,
  status_history: Type.Array(StatusHistoryEntry),
  task: Nullable(Task),
  media: Type.Array(Media),
  appeals: Type.Array(Appeal),
  escalations: Type.Array(Escalation),
  duplicate_candidates: Type.Array(DuplicateCandidate),
  available_actions: Type.Array(AvailableAction),
});

export const Paged = <T extends TSchema>(key: string, item: T) =>
  Type.Object({
    [key]: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    per_page: Type.Integer(),
    total_pages: Type.Integer(),
  });

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: 200, default: 25 }),
};

export const BulkResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.Integer(),
      success: Type.Boolean(),
      code: Nullable(Type.String()),
      error: Nullable(Type.String()),
    }),
  ),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
});

export const ReportIds = Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true });
