// Survey questions (per campaign or general) and voters' responses. Answers are checked against the question:
// a Multiple Choice answer is one of possible_answers (key or text), a Rating Scale answer a number in range.
import { type SQL, sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { iso, totalPages } from '../../http/presenters.ts';
import { type AuditContext, audit } from '../identity/audit.ts';
import { logInteraction } from './interactions.service.ts';
import { requireVoter } from './voters.service.ts';

export type QuestionType = 'Multiple Choice' | 'Open Text' | 'Rating Scale';

interface QuestionRow {
  question_id: number;
  campaign_id: number | null;
  question_text: string;
  question_type: QuestionType;
  possible_answers: Record<string, unknown> | null;
  created_at: string;
}

interface ResponseRow {
  response_id: number;
  interaction_id: number | null;
  voter_id: number;
  question_id: number;
  response_value: string | null;
  response_values: unknown;
  responded_at: string;
}

const presentQuestion = (r: QuestionRow) => ({ ...r, created_at: iso(r.created_at) as string });
const presentResponse = (r: ResponseRow) => ({ ...r, responded_at: iso(r.responded_at) as string });

export interface QuestionFields {
  campaign_id?: number | null;
  question_text?: string;
  question_type?: QuestionType;
  possible_answers?: Record<string, unknown> | null;
}

function checkPossibleAnswers(type: QuestionType, answers: Record<string, unknown> | null | undefined) {
  if (type === 'Multiple Choice') {
    const values = Object.values(answers ?? {});
    if (values.length === 0 || values.some((v) => typeof v !== 'string' || v.length === 0 || v.length > 500)) {
      throw badRequest('invalid_answers', 'A Multiple Choice question needs possible_answers like {"A": "Answer 1"}');
    }
  }
  if (type === 'Rating Scale' && answers) {
    const { min, max } = answers as { min?: unknown; max?: unknown };
    if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) {
      throw badRequest(
        'invalid_answers',
        'A Rating Scale takes possible_answers {"min": 1, "max": 5} (integers, min < max)',
      );
    }
  }
}

async function requireCampaign(db: Db, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  if (!(await one(db, sql`SELECT 1 FROM voters.campaigns WHERE campaign_id = ${id}`))) throw notFound('Campaign', id);
}

export async function listQuestions(db: Db, f: { campaign_id?: number; page: number; per_page: number }) {
  const where = f.campaign_id === undefined ? sql`true` : sql`campaign_id = ${f.campaign_id}`;
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voters.survey_questions WHERE ${where}`),
    rows<QuestionRow>(
      db,
      sql`SELECT * FROM voters.survey_questions WHERE ${where} ORDER BY question_id
          LIMIT ${f.per_page} OFFSET ${(f.page - 1) * f.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return {
    questions: found.map(presentQuestion),
    total,
    current_page: f.page,
    total_pages: totalPages(total, f.per_page),
  };
}

async function requireQuestion(db: Db, id: number): Promise<QuestionRow> {
  const row = await one<QuestionRow>(db, sql`SELECT * FROM voters.survey_questions WHERE question_id = ${id}`);
  if (!row) throw notFound('Survey question', id);
  return row;
}

export const getQuestion = async (db: Db, id: number) => ({ question: presentQuestion(await requireQuestion(db, id)) });

export async function createQuestion(
  db: Db,
  context: AuditContext,
  f: Required<Pick<QuestionFields, 'question_text' | 'question_type'>> & QuestionFields,
) {
  checkPossibleAnswers(f.question_type, f.possible_answers);
  return db.transaction(async (tx) => {
    await requireCampaign(tx, f.campaign_id);
    const row = await one<QuestionRow>(
      tx,
      sql`INSERT INTO voters.survey_questions (campaign_id, question_text, question_type, possible_answers)
          VALUES (${f.campaign_id ?? null}, ${f.question_text.trim()}, ${f.question_type},
                  ${f.possible_answers ? JSON.stringify(f.possible_answers) : null}::jsonb)
          RETURNING *`,
    );
    await audit(tx, context, {
      action: 'survey_question.create',
      resourceType: 'survey_question',
      resourceId: row!.question_id,
    });
    return { question: presentQuestion(row!) };
  });
}

export async function updateQuestion(db: Db, context: AuditContext, id: number, f: QuestionFields) {
  return db.transaction(async (tx) => {
    const current = await requireQuestion(tx, id);
    const type = f.question_type ?? current.question_type;
    checkPossibleAnswers(type, f.possible_answers === undefined ? current.possible_answers : f.possible_answers);
    await requireCampaign(tx, f.campaign_id);
    const sets: SQL[] = [];
    if (f.campaign_id !== undefined) sets.push(sql`campaign_id = ${f.campaign_id}`);
    if (f.question_text !== undefined) sets.push(sql`question_text = ${f.question_text.trim()}`);
    if (f.question_type !== undefined) sets.push(sql`question_type = ${f.question_type}`);
    if (f.possible_answers !== undefined) {
      sets.push(sql`possible_answers = ${f.possible_answers ? JSON.stringify(f.possible_answers) : null}::jsonb`);
    }
    if (sets.length)
      await tx.execute(sql`UPDATE voters.survey_questions SET ${sql.join(sets, sql`, `)} WHERE question_id = ${id}`);
    await audit(tx, context, { action: 'survey_question.update', resourceType: 'survey_question', resourceId: id });
    return { question: presentQuestion(await requireQuestion(tx, id)) };
  });
}

export async function deleteQuestion(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    const gone = await one(
      tx,
      sql`DELETE FROM voters.survey_questions WHERE question_id = ${id} RETURNING question_id`,
    );
    if (!gone) throw notFound('Survey question', id);
    await audit(tx, context, { action: 'survey_question.delete', resourceType: 'survey_question', resourceId: id });
    return { message: `Survey question ${id} deleted` };
  });
}

export interface Answer {
  question_id: number;
  response_value?: string | null;
  response_values?: unknown[] | null;
}

function checkAnswer(q: QuestionRow, a: Answer, path: string) {
  const given = [a.response_value, ...(a.response_values ?? [])].filter((x) => x !== null && x !== undefined);
  if (given.length === 0) throw badRequest('missing_answer', `${path}: give response_value or response_values`);
  if (q.question_type === 'Multiple Choice') {
    const allowed = new Set([
      ...Object.keys(q.possible_answers ?? {}),
      ...Object.values(q.possible_answers ?? {}).map(String),
    ]);
    const bad = given.find((x) => !allowed.has(String(x)));
    if (bad !== undefined)
      throw badRequest(
        'invalid_answer',
        `${path}: ${JSON.stringify(bad)} is not one of the question's possible answers`,
      );
  }
  if (q.question_type === 'Rating Scale') {
    const { min = -Infinity, max = Infinity } = (q.possible_answers ?? {}) as { min?: number; max?: number };
    const bad = given.find((x) => !/^-?\d+(\.\d+)?$/.test(String(x)) || Number(x) < min || Number(x) > max);
    if (bad !== undefined)
      throw badRequest('invalid_answer', `${path}: ${JSON.stringify(bad)} is not a rating from ${min} to ${max}`);
  }
}

/** Records a voter's answers; without an interaction_id they are logged as one "Survey" interaction. */
export async function recordResponses(
  db: Db,
  context: AuditContext,
  body: { voter_id: number; interaction_id?: number; answers: Answer[] },
) {
  return db.transaction(async (tx) => {
    await requireVoter(tx, body.voter_id);
    const questions = new Map<number, QuestionRow>();
    for (const [i, a] of body.answers.entries()) {
      const q = questions.get(a.question_id) ?? (await requireQuestion(tx, a.question_id));
      questions.set(q.question_id, q);
      checkAnswer(q, a, `answers[${i}]`);
    }
    let interactionId = body.interaction_id;
    if (interactionId !== undefined) {
      const owner = await one<{ voter_id: number }>(
        tx,
        sql`SELECT voter_id FROM voters.interactions WHERE interaction_id = ${interactionId}`,
      );
      if (!owner || owner.voter_id !== body.voter_id) throw notFound('Interaction of this voter', interactionId);
    } else {
      const first = questions.get(body.answers[0].question_id);
      const logged = await logInteraction(tx, {
        voter_id: body.voter_id,
        campaign_id: first?.campaign_id ?? null,
        user_id: context.actor?.userId ?? null,
        interaction_type: 'Survey',
        outcome: 'Completed',
        notes: `Answered ${body.answers.length} survey question(s).`,
      });
      interactionId = logged.interaction_id;
    }
    const created: ResponseRow[] = [];
    for (const a of body.answers) {
      const row = await one<ResponseRow>(
        tx,
        sql`INSERT INTO voters.survey_responses (interaction_id, voter_id, question_id, response_value, response_values)
            VALUES (${interactionId}, ${body.voter_id}, ${a.question_id}, ${a.response_value ?? null},
                    ${a.response_values ? JSON.stringify(a.response_values) : null}::jsonb)
            RETURNING *`,
      );
      created.push(row!);
    }
    await audit(tx, context, {
      action: 'survey_response.create',
      resourceType: 'voter',
      resourceId: body.voter_id,
      extra: { count: created.length, interaction_id: interactionId },
    });
    return { interaction_id: interactionId, responses: created.map(presentResponse) };
  });
}

export async function listResponses(
  db: Db,
  f: { voter_id?: number; question_id?: number; campaign_id?: number; page: number; per_page: number },
) {
  const where: SQL[] = [sql`true`];
  if (f.voter_id !== undefined) where.push(sql`r.voter_id = ${f.voter_id}`);
  if (f.question_id !== undefined) where.push(sql`r.question_id = ${f.question_id}`);
  if (f.campaign_id !== undefined) where.push(sql`q.campaign_id = ${f.campaign_id}`);
  const w = sql.join(where, sql` AND `);
  const from = sql`FROM voters.survey_responses r JOIN voters.survey_questions q USING (question_id) WHERE ${w}`;
  const [count, found] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from}`),
    rows<ResponseRow>(
      db,
      sql`SELECT r.* ${from} ORDER BY r.responded_at DESC, r.response_id DESC LIMIT ${f.per_page} OFFSET ${(f.page - 1) * f.per_page}`,
    ),
  ]);
  const total = count?.n ?? 0;
  return {
    responses: found.map(presentResponse),
    total,
    current_page: f.page,
    total_pages: totalPages(total, f.per_page),
  };
}

async function requireResponse(db: Db, id: number): Promise<ResponseRow> {
  const row = await one<ResponseRow>(db, sql`SELECT * FROM voters.survey_responses WHERE response_id = ${id}`);
  if (!row) throw notFound('Survey response', id);
  return row;
}

export const getResponse = async (db: Db, id: number) => ({ response: presentResponse(await requireResponse(db, id)) });

export async function updateResponse(db: Db, context: AuditContext, id: number, f: Omit<Answer, 'question_id'>) {
  return db.transaction(async (tx) => {
    const current = await requireResponse(tx, id);
    const merged = {
      question_id: current.question_id,
      response_value: f.response_value === undefined ? current.response_value : f.response_value,
      response_values:
        f.response_values === undefined ? (current.response_values as unknown[] | null) : f.response_values,
    };
    checkAnswer(await requireQuestion(tx, current.question_id), merged, 'body');
    await tx.execute(
      sql`UPDATE voters.survey_responses SET response_value = ${merged.response_value ?? null},
            response_values = ${merged.response_values ? JSON.stringify(merged.response_values) : null}::jsonb
          WHERE response_id = ${id}`,
    );
    await audit(tx, context, { action: 'survey_response.update', resourceType: 'survey_response', resourceId: id });
    return { response: presentResponse(await requireResponse(tx, id)) };
  });
}

export async function deleteResponse(db: Db, context: AuditContext, id: number) {
  return db.transaction(async (tx) => {
    const gone = await one(
      tx,
      sql`DELETE FROM voters.survey_responses WHERE response_id = ${id} RETURNING response_id`,
    );
    if (!gone) throw notFound('Survey response', id);
    await audit(tx, context, { action: 'survey_response.delete', resourceType: 'survey_response', resourceId: id });
    return { message: `Survey response ${id} deleted` };
  });
}
