// Matching and merging, set-based over a range of staged lines. Exact keys in order: voter_registration_id,
// then email, then phone (email/phone match a voter with no registration id only when the row has one: a
// different registration id is a different person). A merged voter leads to its survivor. On update, a field the
// file leaves empty never clears a value; registration id, email and phone only fill empty ones (another module
// may have a fresher contact), and a key that belongs to another voter is dropped with a warning.
// custom_fields come from the import's custom table (jsonb, parsed while normalizing), joined at merge time,
// which keeps the rows table narrow: every UPDATE of it during matching then rewrites small tuples.
import { importableFields } from './mapping.ts';

const keys = new Set(['voter_registration_id', 'email_address', 'phone_number']);
const plainFields = Object.keys(importableFields).filter((f) => !keys.has(f));

/** The value written for a key: NULL when another voter holds it. */
const kept = {
  voter_registration_id: 'CASE WHEN r.drop_registration_id THEN NULL ELSE r.voter_registration_id END',
  email_address: 'CASE WHEN r.drop_email THEN NULL ELSE r.email_address END',
  phone_number: 'CASE WHEN r.drop_phone THEN NULL ELSE r.phone_number END',
};

const live = 'r.reject_reason IS NULL AND r.match_reject IS NULL';
const range = (lo: number, hi: number) => `r.line_no BETWEEN ${lo} AND ${hi}`;

/**
 * The live rows of a range of lines with their custom_fields (from the custom table), as a subquery the
 * planner may not flatten (OFFSET 0), so the join runs once per row however often a column is read. The
 * range is stated on both tables so each is read through its line_no index, never scanned whole per batch.
 * A reader that reads each column once (the INSERT) goes without the fence: flattened, the join's line order
 * needs no sort (a sort of every batch was an eighth of its time).
 */
function liveRows(rows: string, custom: string, lo: number, hi: number, where = 'true', fence = true): string {
  return `(SELECT r.*, c.custom_fields
     FROM ${rows} r JOIN ${custom} c ON c.line_no = r.line_no
     WHERE ${range(lo, hi)} AND c.line_no BETWEEN ${lo} AND ${hi} AND ${live} AND ${where}${fence ? ' OFFSET 0' : ''})`;
}

/** Statements that (re)compute matches for every line after `after`. Run in one transaction. */
export function matchSql(rows: string, after: number): string[] {
  const pending = `r.line_no > ${after} AND r.reject_reason IS NULL`;
  return [
    `UPDATE ${rows} r SET match_voter_id = NULL, match_reject = NULL, match_warnings = '{}',
       drop_registration_id = false, drop_email = false, drop_phone = false
     WHERE r.line_no > ${after} AND (r.match_voter_id IS NOT NULL OR r.match_reject IS NOT NULL
       OR r.drop_registration_id OR r.drop_email OR r.drop_phone OR cardinality(r.match_warnings) > 0)`,
    `UPDATE ${rows} r SET match_voter_id = m.voter_id FROM (
       SELECT r.line_no, COALESCE(vr.voter_id, ve.voter_id, vp.voter_id) AS voter_id
       FROM ${rows} r
       LEFT JOIN voters.voters vr ON vr.voter_registration_id = r.voter_registration_id
       LEFT JOIN voters.voters ve ON ve.email_address = r.email_address::citext
         AND (r.voter_registration_id IS NULL OR ve.voter_registration_id IS NULL)
       LEFT JOIN voters.voters vp ON vp.phone_number = r.phone_number
         AND (r.voter_registration_id IS NULL OR vp.voter_registration_id IS NULL)
       WHERE ${pending} AND (vr.voter_id IS NOT NULL OR ve.voter_id IS NOT NULL OR vp.voter_id IS NOT NULL)) m
     WHERE m.line_no = r.line_no`,
  ];
}

/** Follows merged voters to their survivor; run until it updates nothing (chains are short). */
export function followMergesSql(rows: string, after: number): string {
  return `WITH u AS (UPDATE ${rows} r SET match_voter_id = v.merged_into_voter_id
            FROM voters.voters v
            WHERE r.line_no > ${after} AND v.voter_id = r.match_voter_id AND v.merged_into_voter_id IS NOT NULL
            RETURNING 1) SELECT count(*)::int AS n FROM u`;
}

/** After matches are final: one row per voter, and keys held by other voters dropped. */
export function ownershipSql(rows: string, after: number): string[] {
  const pending = `r.line_no > ${after} AND r.reject_reason IS NULL`;
  const owned = (column: string, cast: string, drop: string, label: string) => `
    UPDATE ${rows} r SET ${drop} = true,
      match_warnings = r.match_warnings || ('${label} already belongs to voter ' || v.voter_id || '; not kept')
    FROM voters.voters v
    WHERE ${pending} AND r.match_reject IS NULL AND r.${column} IS NOT NULL AND v.${column} = r.${column}${cast}
      AND v.voter_id IS DISTINCT FROM r.match_voter_id`;
  return [
    `UPDATE ${rows} r SET match_reject = 'matches the same voter as line ' || d.first_line
     FROM (SELECT line_no, first_value(line_no) OVER w AS first_line, row_number() OVER w AS n
           FROM ${rows} WHERE reject_reason IS NULL AND match_reject IS NULL AND match_voter_id IS NOT NULL
           WINDOW w AS (PARTITION BY match_voter_id ORDER BY line_no)) d
     WHERE d.line_no = r.line_no AND d.n > 1 AND r.line_no > ${after}`,
    owned('voter_registration_id', '', 'drop_registration_id', 'voter_registration_id'),
    owned('email_address', '::citext', 'drop_email', 'email'),
    owned('phone_number', '', 'drop_phone', 'phone'),
  ];
}

/** True when the row would change the matched voter `v`. */
export const changedPredicate = [
  ...plainFields.map((f) => `(r.${f} IS NOT NULL AND r.${f} IS DISTINCT FROM v.${f})`),
  ...Object.entries(kept).map(([k, value]) => `(v.${k} IS NULL AND ${value} IS NOT NULL)`),
  `(r.custom_fields IS NOT NULL AND COALESCE(v.custom_fields, '{}'::jsonb) || r.custom_fields IS DISTINCT FROM v.custom_fields)`,
].join('\n  OR ');

/** Updates the batch's matched voters that change; answers the number updated. */
export function updateSql(rows: string, custom: string, lo: number, hi: number): string {
  const sets = [
    ...plainFields.map((f) => `${f} = COALESCE(r.${f}, v.${f})`),
    `voter_registration_id = COALESCE(v.voter_registration_id, ${kept.voter_registration_id})`,
    `email_address = COALESCE(v.email_address, (${kept.email_address})::citext)`,
    `phone_number = COALESCE(v.phone_number, ${kept.phone_number})`,
    `custom_fields = CASE WHEN r.custom_fields IS NULL THEN v.custom_fields
       ELSE COALESCE(v.custom_fields, '{}'::jsonb) || r.custom_fields END`,
  ];
  return `WITH u AS (UPDATE voters.voters v SET ${sets.join(',\n    ')}
    FROM ${liveRows(rows, custom, lo, hi, 'r.match_voter_id IS NOT NULL')} r
    WHERE v.voter_id = r.match_voter_id AND (${changedPredicate})
    RETURNING 1) SELECT count(*)::int AS n FROM u`;
}

/**
 * Inserts the batch's new voters, and links them to the campaign when there is one (from the INSERT's
 * RETURNING: no second pass over the rows); answers the numbers inserted and linked.
 */
export function insertSql(rows: string, custom: string, lo: number, hi: number, campaignId: number | null): string {
  const columns = [...plainFields, 'voter_registration_id', 'email_address', 'phone_number', 'custom_fields'];
  const values = [
    ...plainFields.map((f) => `r.${f}`),
    kept.voter_registration_id,
    `(${kept.email_address})::citext`,
    kept.phone_number,
    'r.custom_fields',
  ];
  const link =
    campaignId === null
      ? 'SELECT 1 WHERE false'
      : `INSERT INTO voters.campaign_voters (campaign_id, voter_id) SELECT ${campaignId}, voter_id FROM ins
         ON CONFLICT ON CONSTRAINT uq_campaign_voter DO NOTHING RETURNING 1`;
  return `WITH ins AS (
      INSERT INTO voters.voters (${columns.join(', ')}, source_campaign_id)
      SELECT ${values.join(', ')}, ${campaignId ?? 'NULL'}
      FROM ${liveRows(rows, custom, lo, hi, 'r.match_voter_id IS NULL', false)} r
      ORDER BY r.line_no
      RETURNING voter_id),
    linked AS (${link})
    SELECT (SELECT count(*)::int FROM ins) AS n, (SELECT count(*)::int FROM linked) AS linked`;
}

/** Links the batch's matched voters to the campaign (new voters are linked by insertSql). */
export function linkCampaignSql(rows: string, lo: number, hi: number, campaignId: number): string {
  return `INSERT INTO voters.campaign_voters (campaign_id, voter_id)
    SELECT ${campaignId}, r.match_voter_id FROM ${rows} r
    WHERE ${range(lo, hi)} AND ${live} AND r.match_voter_id IS NOT NULL
    ON CONFLICT ON CONSTRAINT uq_campaign_voter DO NOTHING`;
}

/** Records the batch's rejected rows (with their raw fields) and warnings. */
export function issuesSql(
  rows: string,
  staging: string,
  importId: number,
  lo: number,
  hi: number,
  columnCount: number,
) {
  const raw = `ARRAY[${Array.from({ length: columnCount }, (_, i) => `s.c${i + 1}`).join(', ')}]`;
  return `INSERT INTO voters.import_issues (import_id, line_no, severity, reason, raw)
    SELECT ${importId}, r.line_no, 'rejected', COALESCE(r.reject_reason, r.match_reject), ${raw}
    FROM ${rows} r JOIN ${staging} s ON s.line_no = r.line_no
    WHERE ${range(lo, hi)} AND s.line_no BETWEEN ${lo} AND ${hi} AND NOT (${live})
    UNION ALL
    SELECT ${importId}, r.line_no, 'warning', w.reason, NULL
    FROM ${rows} r CROSS JOIN LATERAL unnest(r.warnings || r.match_warnings) AS w(reason)
    WHERE ${range(lo, hi)} AND ${live}`;
}

/** Counts for a range of lines: rows, rejected, matched, warnings, and (matched) rows that would change. */
export function countsSql(rows: string, custom: string, lo: number, hi: number, withChanges: boolean): string {
  const changing = withChanges
    ? `(SELECT count(*)::int FROM ${liveRows(rows, custom, lo, hi, 'r.match_voter_id IS NOT NULL')} r
        JOIN voters.voters v ON v.voter_id = r.match_voter_id WHERE ${changedPredicate})`
    : '0';
  return `SELECT count(*)::int AS total,
      count(*) FILTER (WHERE NOT (${live}))::int AS rejected,
      count(*) FILTER (WHERE ${live} AND r.match_voter_id IS NOT NULL)::int AS matched,
      COALESCE(sum(cardinality(r.warnings || r.match_warnings)) FILTER (WHERE ${live}), 0)::int AS warnings,
      ${changing} AS changing
    FROM ${rows} r WHERE ${range(lo, hi)}`;
}
