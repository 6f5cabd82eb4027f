// OSDI answers are Cerberus survey_responses. A choice answer stores its response keys in response_values
// (and the single key in response_value, which segments match on); a Paragraph answer stores its text in
// response_value.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import { foreignIdsColumn } from './foreign-ids.queries.ts';
import { identifiers, type OsdiBase } from './hal.ts';
import { osdiInvalid } from './osdi-errors.ts';

export interface QuestionRow {
  question_id: number;
  campaign_id: number | null;
  question_text: string;
  question_type: string;
  possible_answers: Record<string, unknown> | null;
  created_at: string;
  foreign_ids: string[];
}

export interface AnswerRow {
  response_id: number;
  interaction_id: number | null;
  voter_id: number;
  question_id: number;
  response_value: string | null;
  response_values: unknown;
  responded_at: string;
}

export async function questionById(db: Db, id: number): Promise<QuestionRow | undefined> {
  return one<QuestionRow>(
    db,
    sql`SELECT q.question_id, q.campaign_id, q.question_text, q.question_type, q.possible_answers, q.created_at,
          ${foreignIdsColumn('question', 'q.question_id')}
        FROM voters.survey_questions q WHERE q.question_id = ${id}`,
  );
}

export interface AnswerInput {
  responses?: unknown;
  value?: unknown;
  action_date?: unknown;
}

/** Checks an answer against its question and stores it. */
export async function recordAnswer(
  tx: Db,
  question: QuestionRow,
  voterId: number,
  input: AnswerInput,
  interactionId: number | null = null,
): Promise<AnswerRow> {
  const keys = Object.keys(question.possible_answers ?? {});
  const given = Array.isArray(input.responses) ? [...new Set(input.responses.map(String))].slice(0, 100) : [];
  const value = typeof input.value === 'string' ? input.value.slice(0, 10_000) : null;
  if (question.question_type === 'Open Text') {
    if (value === null) {
      throw osdiInvalid('osdi:answer', [
        {
          error_code: 'VALUE_REQUIRED',
          description: 'A Paragraph question is answered with a value',
          properties: ['value'],
        },
      ]);
    }
  } else {
    const unknown = given.filter((r) => !keys.includes(r));
    if (given.length === 0 || unknown.length > 0) {
      throw osdiInvalid('osdi:answer', [
        {
          error_code: 'RESPONSE_INVALID',
          description:
            given.length === 0
              ? 'A choice question is answered with responses (response keys)'
              : `Not a response of question ${question.question_id}: ${unknown.join(', ')}`,
          properties: ['responses'],
          hint: keys.join('|'),
        },
      ]);
    }
  }
  let respondedAt: string | null = null;
  if (typeof input.action_date === 'string' && !Number.isNaN(Date.parse(input.action_date))) {
    respondedAt = new Date(input.action_date).toISOString();
  }
  const choice = question.question_type !== 'Open Text';
  const row = await one<AnswerRow>(
    tx,
    sql`INSERT INTO voters.survey_responses (interaction_id, voter_id, question_id, response_value, response_values,
          responded_at)
        VALUES (${interactionId}, ${voterId}, ${question.question_id},
          ${choice ? (given.length === 1 ? given[0] : null) : value},
          ${choice ? JSON.stringify(given) : null}::jsonb, COALESCE(${respondedAt}::timestamptz, now()))
        RETURNING response_id, interaction_id, voter_id, question_id, response_value, response_values, responded_at`,
  );
  return row!;
}

const answerColumns = sql.raw(
  'r.response_id, r.interaction_id, r.voter_id, r.question_id, r.response_value, r.response_values, r.responded_at',
);

export async function pageAnswers(db: Db, where: SQL, limit: number, offset: number) {
  return rows<AnswerRow>(
    db,
    sql`SELECT ${answerColumns} FROM voters.survey_responses r JOIN voters.voters v ON v.voter_id = r.voter_id
        WHERE v.merged_into_voter_id IS NULL AND ${where} ORDER BY r.response_id LIMIT ${limit} OFFSET ${offset}`,
  );
}

export async function countAnswers(db: Db, where: SQL) {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM voters.survey_responses r JOIN voters.voters v ON v.voter_id = r.voter_id
        WHERE v.merged_into_voter_id IS NULL AND ${where}`,
  );
  return row?.n ?? 0;
}

export async function answerById(db: Db, questionId: number, id: number) {
  return one<AnswerRow>(
    db,
    sql`SELECT ${answerColumns} FROM voters.survey_responses r WHERE r.response_id = ${id} AND r.question_id = ${questionId}`,
  );
}

export function presentAnswer(base: OsdiBase, row: AnswerRow) {
  const at = iso(row.responded_at);
  const responses = Array.isArray(row.response_values) ? row.response_values.map(String) : undefined;
  const href = `${base.api}/questions/${row.question_id}/answers/${row.response_id}`;
  return {
    identifiers: identifiers(row.response_id),
    created_date: at,
    modified_date: at,
    action_date: at,
    ...(responses ? { responses } : { value: row.response_value }),
    _links: {
      self: { href },
      'osdi:question': { href: `${base.api}/questions/${row.question_id}` },
      'osdi:person': { href: `${base.api}/people/${row.voter_id}` },
    },
  };
}
