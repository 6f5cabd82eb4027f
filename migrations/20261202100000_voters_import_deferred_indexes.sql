-- voters: a large import into an empty voters table drops the secondary indexes of voters.voters and builds
-- them again once its rows are in (building an index over a million rows is several times cheaper than
-- maintaining it row by row, the GIN indexes above all). The definitions wait here meanwhile, written in the
-- same transaction as the DROP INDEX, so an import killed at any point rebuilds them when it is run again (or
-- deleted); each index is rebuilt in the transaction that deletes its row. Unique and primary-key indexes are
-- never dropped: they enforce the keys imports match on.
CREATE TABLE voters.import_deferred_indexes (
  index_name text PRIMARY KEY,
  definition text NOT NULL,
  import_id integer REFERENCES voters.imports(import_id) ON DELETE SET NULL,
  dropped_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- FK ON DELETE SET NULL of imports
CREATE INDEX idx_import_deferred_indexes_import ON voters.import_deferred_indexes (import_id)
  WHERE import_id IS NOT NULL;
