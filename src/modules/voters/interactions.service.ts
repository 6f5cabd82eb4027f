// The one timeline: every module logs a person's touches here (signed up, canvassed, emailed a representative,
// filed a report...), and each new interaction refreshes the person's engagement_score and last_contacted_date.
//
// Engagement formula (also in docs/seed-mapping.md), over the person's interactions:
//   touches  = interactions in the last 365 days whose outcome is not a failed attempt
//              (failed attempts: 'Not Home', 'Wrong Number', 'Refused', 'Bounced', 'Moved', 'Deceased')
//   positive = touches whose outcome shows support ('Signed Up', 'Interested', 'Pledged Support', 'Endorsed',
//              'Attended', 'Volunteered', 'Donated')
//   recent   = 1 if any touch is in the last 30 days, else 0
//   engagement_score = min(100, 5 * touches + 10 * positive + 20 * recent)
// last_contacted_date = the newest interaction_date of any interaction (a failed attempt is still a contact).
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';

export const failedAttemptOutcomes = ['Not Home', 'Wrong Number', 'Refused', 'Bounced', 'Moved', 'Deceased'];
export const positiveOutcomes = [
  'Signed Up',
  'Interested',
  'Pledged Support',
  'Endorsed',
  'Attended',
  'Volunteered',
  'Donated',
];

export const sourceModules = [
  'voters',
  'reports',
  'coalition',
  'outreach',
  'influence',
  'field',
  'content',
  'media',
  'interop',
  'identity',
  'mail',
] as const;
export type SourceModule = (typeof sourceModules)[number];

export interface InteractionInput {
  voter_id: number;
  campaign_id?: number | null;
  user_id?: number | null;
  interaction_type: string;
  outcome?: string | null;
  notes?: string | null;
  duration_minutes?: number | null;
  /** ISO 8601; defaults to now. */
  interaction_date?: string | Date | null;
  source_module?: SourceModule;
  source_ref?: string | null;
}

export interface InteractionRow {
  interaction_id: number;
  voter_id: number;
  campaign_id: number | null;
  user_id: number | null;
  interaction_type: string;
  interaction_date: string;
  outcome: string | null;
  notes: string | null;
  duration_minutes: number | null;
  source_module: string;
  source_ref: string | null;
  created_at: string;
}

export const interactionColumns = sql.raw(
  `i.interaction_id, i.voter_id, i.campaign_id, i.user_id, i.interaction_type, i.interaction_date, i.outcome,
   i.notes, i.duration_minutes, i.source_module, i.source_ref, i.created_at`,
);

/** Recomputes engagement_score and last_contacted_date of one person from their interactions. */
export async function recomputeEngagement(tx: Db, voterId: number): Promise<void> {
  const failed = sql.join(
    failedAttemptOutcomes.map((o) => sql`${o}`),
    sql`, `,
  );
  const positive = sql.join(
    positiveOutcomes.map((o) => sql`${o}`),
    sql`, `,
  );
  await tx.execute(sql`
    WITH stats AS (
      SELECT
        count(*) FILTER (WHERE touch AND interaction_date > now() - interval '365 days') AS touches,
        count(*) FILTER (WHERE touch AND interaction_date > now() - interval '365 days'
                         AND outcome IN (${positive})) AS positive,
        bool_or(touch AND interaction_date > now() - interval '30 days') AS recent,
        max(interaction_date) AS last_contact
      FROM (SELECT interaction_date, outcome, (outcome IS NULL OR outcome NOT IN (${failed})) AS touch
            FROM voters.interactions WHERE voter_id = ${voterId}) i)
    UPDATE voters.voters v
    SET engagement_score = LEAST(100, 5 * s.touches + 10 * s.positive + CASE WHEN s.recent THEN 20 ELSE 0 END)::int,
        last_contacted_date = s.last_contact
    FROM stats s
    WHERE v.voter_id = ${voterId}
      AND (v.engagement_score IS DISTINCT FROM
             LEAST(100, 5 * s.touches + 10 * s.positive + CASE WHEN s.recent THEN 20 ELSE 0 END)::int
           OR v.last_contacted_date IS DISTINCT FROM s.last_contact)`);
}

/** Logs one interaction on the person's timeline and refreshes their engagement. Run it inside the caller's transaction. */
export async function logInteraction(tx: Db, input: InteractionInput): Promise<InteractionRow> {
  const date =
    input.interaction_date instanceof Date ? input.interaction_date.toISOString() : (input.interaction_date ?? null);
  const row = await one<InteractionRow>(
    tx,
    sql`INSERT INTO voters.interactions AS i
          (voter_id, campaign_id, user_id, interaction_type, interaction_date, outcome, notes, duration_minutes,
           source_module, source_ref)
        VALUES (${input.voter_id}, ${input.campaign_id ?? null}, ${input.user_id ?? null}, ${input.interaction_type},
          COALESCE(${date}::timestamptz, now()), ${input.outcome ?? null}, ${input.notes ?? null},
          ${input.duration_minutes ?? null}, ${input.source_module ?? 'voters'}, ${input.source_ref ?? null})
        RETURNING ${interactionColumns}`,
  );
  if (!row) throw new Error('logInteraction: insert returned no row');
  await recomputeEngagement(tx, input.voter_id);
  return row;
}
