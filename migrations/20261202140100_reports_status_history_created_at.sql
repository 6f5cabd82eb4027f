-- reports (CiviLens seed gap): every CiviLens model has created_at NOT NULL DEFAULT now(), and
-- report_status_history had only changed_at. A history row is written when the change happens, so the rows that
-- exist get their changed_at. updated_at is not added: a history row is never updated (as identity.role_history).
ALTER TABLE reports.report_status_history ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
UPDATE reports.report_status_history SET created_at = changed_at;
