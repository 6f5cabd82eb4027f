-- reports interop: Open311 GeoReport v2 over the reports tables (service metadata on categories, the
-- submitter and attributes of each Open311 request, batch tokens), media storage rules and idempotent
-- offline sync. The report an Open311 client files is the same reports.reports row staff work on.

-- Open311 service fields of a category (GET /services): type, keywords and group.
ALTER TABLE reports.categories
  ADD COLUMN service_type varchar(10) NOT NULL DEFAULT 'realtime'
    CHECK (service_type IN ('realtime', 'batch', 'blackbox')),
  ADD COLUMN keywords varchar(500),
  ADD COLUMN service_group varchar(255);

UPDATE reports.categories SET keywords = CASE code
    WHEN 'roads' THEN 'pothole, road, footpath, sidewalk'
    WHEN 'water' THEN 'water, leak, pipe, supply'
    WHEN 'sanitation' THEN 'garbage, trash, bin, toilet'
    WHEN 'electricity' THEN 'power, outage, wire, transformer'
    WHEN 'streetlight' THEN 'streetlight, lamp, light'
    WHEN 'drainage' THEN 'drain, sewage, flooding, waterlogging'
    WHEN 'public_property' THEN 'park, bench, sign, building'
    ELSE 'other' END,
  service_group = CASE WHEN code IN ('water', 'sanitation', 'drainage') THEN 'Water and sanitation'
    WHEN code IN ('roads', 'streetlight', 'electricity') THEN 'Streets and power'
    ELSE 'Public spaces' END;

-- What an Open311 client sent with a request, beyond the report itself: who submitted it (contact details
-- stay here, never in the public request output), the attribute answers and the location as given.
CREATE TABLE reports.open311_requests (
  report_id integer PRIMARY KEY REFERENCES reports.reports(id) ON DELETE CASCADE,
  api_key_id integer REFERENCES identity.api_keys(id) ON DELETE SET NULL,
  service_code varchar(100) NOT NULL,
  jurisdiction_id varchar(100),
  -- {"CODE": "value"} or {"CODE": ["v1", "v2"]} for multivaluelist attributes
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
  address_string varchar(500),
  address_id varchar(100),
  -- true when no lat/long was sent: the report's coordinates are the jurisdiction's default until staff fix them
  approximate_location boolean NOT NULL DEFAULT false,
  email varchar(255),
  phone varchar(40),
  first_name varchar(100),
  last_name varchar(100),
  device_id varchar(255),
  account_id varchar(255),
  media_url varchar(2000),
  -- the submitter's person record (voters), when email or phone matched or created one
  voter_id integer REFERENCES voters.voters(voter_id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- FK indexes
CREATE INDEX idx_open311_requests_api_key ON reports.open311_requests (api_key_id);
CREATE INDEX idx_open311_requests_voter ON reports.open311_requests (voter_id);

-- Tokens answered for batch services (POST /requests answers [{token}]); GET /tokens/{token} resolves them.
CREATE TABLE reports.open311_tokens (
  token varchar(64) PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{16,64}$'),
  report_id integer REFERENCES reports.reports(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- FK index
CREATE INDEX idx_open311_tokens_report ON reports.open311_tokens (report_id);

-- GET /open311/v2/requests?service_request_id=…: requests are addressed by report number.
-- (reports.report_number is already UNIQUE; GET /requests by date range uses idx_report_created.)

-- One primary photo per report (media upload sets is_primary on one and clears the others).
CREATE UNIQUE INDEX uq_media_primary_per_report ON reports.media (report_id) WHERE is_primary;
-- storage stats: bytes and counts by type
CREATE INDEX idx_media_file_type ON reports.media (file_type);

-- Offline sync is idempotent by the client's action id: the same client_id from the same user is logged once,
-- so a retried upload after a lost response never files a second report.
CREATE UNIQUE INDEX uq_offline_actions_user_client ON reports.offline_actions_log (user_id, entity_id)
  WHERE entity_id IS NOT NULL;
-- GET /sync/status: a user's unprocessed or failed actions
CREATE INDEX idx_offline_actions_user_processed ON reports.offline_actions_log (user_id, processed);
-- GET /sync/download: reports of a user changed since a time (my reports, newest change first)
CREATE INDEX idx_reports_user_updated ON reports.reports (user_id, updated_at DESC);
-- FK index of sync_conflicts by entity (resolve-conflict looks the entity up)
CREATE INDEX idx_sync_conflicts_entity ON reports.sync_conflicts (entity_type, entity_id);
