-- reports: the staff queue of one department, newest first (GET /api/v1/reports?department_id=…), reads the first
-- page straight from this index instead of sorting the department's reports (see docs/benchmarks.md).
CREATE INDEX idx_reports_department_created ON reports.reports (department_id, created_at DESC, id DESC)
  WHERE department_id IS NOT NULL;
