// Probabilistic duplicate matching with BLOCKING: pairs are only formed inside blocks, never across all voters.
//   block zip_last:     same 5-digit ZIP and same soundex(last_name)        (index idx_voters_block_zip_last)
//   block year_initial: same birth year, first initial and soundex(last_name) (index idx_voters_block_year_initial)
// Each pair is scored from 0 to 1:
//   0.45 × trigram similarity of "first last" (pg_trgm)
// + 0.10 if dmetaphone(first_name) agrees, + 0.10 if dmetaphone(last_name) agrees (fuzzystrmatch)
// + 0.25 same date of birth | + 0.10 same birth year | − 0.40 a different date or a year more than 1 apart
// + 0.20 same street (letters and digits only) and ZIP | + 0.05 same ZIP only | − 0.10 different ZIPs
// and kept at `threshold` (default 0.6) and above. Pairs already known (pending, merged or "not a duplicate")
// are never proposed again.
export const defaultThreshold = 0.6;

const street = (v: string) => `lower(regexp_replace(${v}.street_address, '[^A-Za-z0-9]', '', 'g'))`;
const zip5 = (v: string) => `left(${v}.zip_code, 5)`;
const year = (v: string) => `voters.birth_year_of(${v}.date_of_birth, ${v}.birth_year)`;

/**
 * The INSERT of new candidate pairs. `scope` limits the first voter of each pair (SQL over `s`, e.g. the voters an
 * import touched); the other voter may be anyone in the same block. Returns the number of pairs added.
 */
export function scanSql(scope: string, foundBy: 'import' | 'scan', importId: number | null, threshold: number) {
  const live = (v: string) => `${v}.merged_into_voter_id IS NULL`;
  return `
  WITH pairs AS (
    SELECT least(s.voter_id, o.voter_id) AS a, greatest(s.voter_id, o.voter_id) AS b, 'zip_last' AS block
    FROM voters.voters s JOIN voters.voters o
      ON ${zip5('o')} = ${zip5('s')} AND soundex(o.last_name) = soundex(s.last_name) AND ${live('o')}
         AND o.voter_id <> s.voter_id
    WHERE ${live('s')} AND s.zip_code IS NOT NULL AND (${scope})
    UNION ALL
    SELECT least(s.voter_id, o.voter_id), greatest(s.voter_id, o.voter_id), 'year_initial'
    FROM voters.voters s JOIN voters.voters o
      ON ${year('o')} = ${year('s')} AND upper(left(o.first_name, 1)) = upper(left(s.first_name, 1))
         AND soundex(o.last_name) = soundex(s.last_name) AND ${live('o')} AND o.voter_id <> s.voter_id
    WHERE ${live('s')} AND ${year('s')} IS NOT NULL AND (${scope})
  ),
  candidates AS (
    SELECT a, b, array_agg(DISTINCT block ORDER BY block) AS blocks FROM pairs p
    WHERE NOT EXISTS (SELECT 1 FROM voters.duplicate_candidates d WHERE d.voter_id_a = p.a AND d.voter_id_b = p.b)
    GROUP BY a, b
  ),
  parts AS (
    SELECT c.a, c.b, c.blocks,
      similarity(lower(va.first_name || ' ' || va.last_name), lower(vb.first_name || ' ' || vb.last_name)) AS name_sim,
      dmetaphone(va.first_name) = dmetaphone(vb.first_name) AS first_sounds,
      dmetaphone(va.last_name) = dmetaphone(vb.last_name) AS last_sounds,
      CASE
        WHEN va.date_of_birth IS NOT NULL AND vb.date_of_birth IS NOT NULL
          THEN CASE WHEN va.date_of_birth = vb.date_of_birth THEN 'same date of birth' ELSE 'different date of birth' END
        WHEN ${year('va')} IS NULL OR ${year('vb')} IS NULL THEN NULL
        WHEN ${year('va')} = ${year('vb')} THEN 'same birth year'
        WHEN abs(${year('va')} - ${year('vb')}) > 1 THEN 'different birth year'
      END AS birth,
      CASE
        WHEN va.zip_code IS NULL OR vb.zip_code IS NULL THEN NULL
        WHEN ${zip5('va')} <> ${zip5('vb')} THEN 'different zip'
        WHEN ${street('va')} = ${street('vb')} THEN 'same street and zip'
        ELSE 'same zip'
      END AS address
    FROM candidates c
    JOIN voters.voters va ON va.voter_id = c.a
    JOIN voters.voters vb ON vb.voter_id = c.b
  ),
  scored AS (
    SELECT p.*, greatest(0, least(1,
      0.45 * p.name_sim + CASE WHEN p.first_sounds THEN 0.10 ELSE 0 END + CASE WHEN p.last_sounds THEN 0.10 ELSE 0 END
      + CASE p.birth WHEN 'same date of birth' THEN 0.25 WHEN 'same birth year' THEN 0.10
          WHEN 'different date of birth' THEN -0.40 WHEN 'different birth year' THEN -0.40 ELSE 0 END
      + CASE p.address WHEN 'same street and zip' THEN 0.20 WHEN 'same zip' THEN 0.05 WHEN 'different zip' THEN -0.10
          ELSE 0 END)) AS score
    FROM parts p
  ),
  added AS (
    INSERT INTO voters.duplicate_candidates (voter_id_a, voter_id_b, score, reasons, found_by, import_id)
    SELECT a, b, round(score::numeric, 3),
      jsonb_strip_nulls(jsonb_build_object('name_similarity', round(name_sim::numeric, 3),
        'first_name_sounds_alike', first_sounds, 'last_name_sounds_alike', last_sounds,
        'birth', birth, 'address', address, 'blocks', to_jsonb(blocks))),
      '${foundBy}', ${importId ?? 'NULL'}
    FROM scored WHERE score >= ${threshold}
    ON CONFLICT ON CONSTRAINT uq_duplicate_pair DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int AS added FROM added`;
}
