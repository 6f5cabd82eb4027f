-- reports: the staff queue of one department's open reports, most severe first — listReports() in
-- src/modules/reports/reports.service.ts for GET /api/v1/reports?department_id=…&status=<open statuses>&sort=severity.
-- The first page is read in index order instead of fetching and sorting all of the department's open reports
-- (~20,000 of 1M in bench:reports), and the page's total is an index-only count of the same index. The severity
-- expression is listReports' severityRank written the same way, so the planner matches it to the ORDER BY; the
-- status list is openStatuses (src/modules/reports/transitions.ts), and a filter on any subset of it uses the index.
CREATE INDEX idx_reports_department_open_severity ON reports.reports (
    department_id,
    (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) DESC,
    created_at DESC,
    id DESC)
  WHERE department_id IS NOT NULL
    AND status IN ('received', 'pending_classification', 'classified', 'assigned_to_department', 'assigned_to_officer',
      'acknowledged', 'in_progress', 'pending_verification', 'on_hold', 'assignment_rejected', 'reopened');
