// OSDI questions over Cerberus survey_questions, and their answers (survey_responses). Type mapping:
// Paragraph <-> 'Open Text'; SingleChoice/MultiChoice -> 'Multiple Choice' (read back as MultiChoice);
// 'Rating Scale' reads as SingleChoice. Responses [{key, name, title}] are stored as possible_answers {key: title},
// the shape the voters screens use; name reads back as the key.
import { type SQL, sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { iso } from '../../http/presenters.ts';
import { type AnswerRow, type QuestionRow, presentAnswer, questionById, recordAnswer } from './answers.service.ts';
import { addForeignIdsOf, foreignIdsColumn, postedForeignIds } from './foreign-ids.queries.ts';
import { identifiers, type OsdiBase } from './hal.ts';
import { auditOsdi, type OsdiContext } from './osdi-context.ts';
import { type ErrorDescription, osdiInvalid, osdiNotFound } from './osdi-errors.ts';
import { type PagedQuery, pagedCollection } from './paged.ts';
import { personExists } from './people.queries.ts';
import { linkedPerson } from './tags.service.ts';

export interface QuestionBody {
  name?: string;
  title?: string;
  description?: string;
  summary?: string;
  question_type?: string;
  responses?: Array<{ key?: string; name?: string; title?: string }>;
  identifiers?: unknown;
}

const typeToCaucus: Record<string, string> = {
  Paragraph: 'Open Text',
  SingleChoice: 'Multiple Choice',
  MultiChoice: 'Multiple Choice',
};
const typeToOsdi: Record<string, string> = {
  'Open Text': 'Paragraph',
  'Multiple Choice': 'MultiChoice',
  'Rating Scale': 'SingleChoice',
};
const responseName = /^[A-Za-z0-9_]+$/;

const questionColumns = sql`q.question_id, q.campaign_id, q.question_text, q.question_type, q.possible_answers,
  q.created_at, ${foreignIdsColumn('question', 'q.question_id')}`;

export function presentQuestion(base: OsdiBase, row: QuestionRow) {
  const href = `${base.api}/questions/${row.question_id}`;
  const responses = Object.entries(row.possible_answers ?? {}).map(([key, title]) => ({
    key,
    name: key,
    title: typeof title === 'string' ? title : JSON.stringify(title),
  }));
  return {
    identifiers: identifiers(row.question_id, row.foreign_ids),
    created_date: iso(row.created_at),
    modified_date: iso(row.created_at),
    name: row.question_text,
    title: row.question_text,
    question_type: typeToOsdi[row.question_type] ?? 'Paragraph',
    ...(row.question_type === 'Open Text' ? {} : { responses }),
    _links: { self: { href }, 'osdi:answers': { href: `${href}/answers` } },
  };
}

/** Checks a question body (errors.md's example: a Paragraph with responses, a response name with "&"). */
function questionFields(body: QuestionBody, partial: boolean) {
  const errors: ErrorDescription[] = [];
  const text = (body.title ?? body.name)?.trim();
  if (!partial && !text)
    errors.push({
      error_code: 'TITLE_REQUIRED',
      description: 'A question needs a title (or name)',
      properties: ['title'],
    });
  let type: string | undefined;
  if (body.question_type !== undefined) {
    type = typeToCaucus[body.question_type];
    if (!type) {
      errors.push({
        error_code: 'QUESTION_TYPE_INVALID',
        description: `question_type ${JSON.stringify(body.question_type)} is not Paragraph, SingleChoice or MultiChoice`,
        properties: ['question_type'],
      });
    }
  } else if (!partial) {
    type = body.responses?.length ? 'Multiple Choice' : 'Open Text';
  }
  const responses = body.responses ?? [];
  if (body.question_type === 'Paragraph' && responses.length > 0) {
    errors.push({
      error_code: 'PARAGRAPH_CANNOT_HAVE_RESPONSES',
      description: "A question of type 'Paragraph' may not have responses.",
      properties: ['question_type', 'responses'],
    });
  }
  if (type === 'Multiple Choice' && responses.length === 0) {
    errors.push({
      error_code: 'CHOICE_NEEDS_RESPONSES',
      description: 'A choice question needs responses',
      properties: ['responses'],
    });
  }
  const answers: Record<string, string> = {};
  responses.forEach((r, i) => {
    const key = r.key ?? r.name;
    for (const [field, value] of [
      ['key', key],
      ['name', r.name],
    ] as const) {
      if (value !== undefined && !responseName.test(value)) {
        errors.push({
          error_code: 'RESPONSE_NAME_INVALID',
          description: `The response ${field} '${value}' is invalid.`,
          properties: [`responses[${i}].${field}`],
          hint: '^[A-Za-z0-9_]+$',
        });
      }
    }
    if (key) answers[key] = r.title ?? r.name ?? key;
  });
  if (errors.length > 0) throw osdiInvalid('osdi:question', errors);
  const foreignIds = postedForeignIds('osdi:question', body.identifiers);
  return { text, type, answers: body.responses ? answers : undefined, foreignIds };
}

export function listQuestions(db: Db, ctx: OsdiContext, q: PagedQuery) {
  return pagedCollection<QuestionRow>(db, ctx, q, {
    path: '/questions',
    rel: 'osdi:questions',
    columns: questionColumns,
    from: sql`FROM voters.survey_questions q`,
    order: sql`q.question_id`,
    present: (row) => presentQuestion(ctx.base, row),
  });
}

async function requireQuestion(db: Db, id: number): Promise<QuestionRow> {
  const row = await questionById(db, id);
  if (!row) throw osdiNotFound('osdi:question', id);
  return row;
}

export async function getQuestion(db: Db, ctx: OsdiContext, id: number) {
  return presentQuestion(ctx.base, await requireQuestion(db, id));
}

export async function createQuestion(db: Db, ctx: OsdiContext, body: QuestionBody) {
  const f = questionFields(body, false);
  return db.transaction(async (tx) => {
    const row = await one<QuestionRow>(
      tx,
      sql`INSERT INTO voters.survey_questions AS q (question_text, question_type, possible_answers)
          VALUES (${f.text}, ${f.type}, ${f.answers ? JSON.stringify(f.answers) : null}::jsonb) RETURNING ${questionColumns}`,
    );
    await auditOsdi(tx, ctx, {
      action: 'osdi.question.create',
      resourceType: 'survey_question',
      resourceId: row!.question_id,
    });
    await addForeignIdsOf(tx, 'question', row!.question_id, f.foreignIds);
    return presentQuestion(ctx.base, await requireQuestion(tx, row!.question_id));
  });
}

export async function updateQuestion(db: Db, ctx: OsdiContext, id: number, body: QuestionBody) {
  const f = questionFields(body, true);
  return db.transaction(async (tx) => {
    const answers: SQL = f.answers ? sql`${JSON.stringify(f.answers)}::jsonb` : sql`q.possible_answers`;
    const row = await one<QuestionRow>(
      tx,
      sql`UPDATE voters.survey_questions AS q SET question_text = COALESCE(${f.text ?? null}, q.question_text),
            question_type = COALESCE(${f.type ?? null}, q.question_type), possible_answers = ${answers}
          WHERE q.question_id = ${id} RETURNING ${questionColumns}`,
    );
    if (!row) throw osdiNotFound('osdi:question', id);
    await addForeignIdsOf(tx, 'question', id, f.foreignIds);
    await auditOsdi(tx, ctx, { action: 'osdi.question.update', resourceType: 'survey_question', resourceId: id });
    return presentQuestion(ctx.base, await requireQuestion(tx, id));
  });
}

export async function deleteQuestion(db: Db, ctx: OsdiContext, id: number) {
  await db.transaction(async (tx) => {
    const gone = await one(
      tx,
      sql`DELETE FROM voters.survey_questions WHERE question_id = ${id} RETURNING question_id`,
    );
    if (!gone) throw osdiNotFound('osdi:question', id);
    await auditOsdi(tx, ctx, { action: 'osdi.question.delete', resourceType: 'survey_question', resourceId: id });
  });
  return { notice: 'This question was successfully deleted.' };
}

export async function listAnswers(
  db: Db,
  ctx: OsdiContext,
  q: PagedQuery,
  by: { questionId?: number; voterId?: number; interactionId?: number; path: string },
) {
  if (by.questionId !== undefined) await requireQuestion(db, by.questionId);
  if (by.voterId !== undefined && !(await personExists(db, by.voterId))) throw osdiNotFound('osdi:person', by.voterId);
  const conditions: SQL[] = [sql`true`];
  if (by.questionId !== undefined) conditions.push(sql`r.question_id = ${by.questionId}`);
  if (by.voterId !== undefined) conditions.push(sql`r.voter_id = ${by.voterId}`);
  if (by.interactionId !== undefined) conditions.push(sql`r.interaction_id = ${by.interactionId}`);
  return pagedCollection<AnswerRow>(db, ctx, q, {
    path: by.path,
    rel: 'osdi:answers',
    columns: sql.raw(
      'r.response_id, r.interaction_id, r.voter_id, r.question_id, r.response_value, r.response_values, r.responded_at',
    ),
    from: sql`FROM voters.survey_responses r JOIN voters.voters v ON v.voter_id = r.voter_id
              WHERE v.merged_into_voter_id IS NULL AND ${sql.join(conditions, sql` AND `)}`,
    order: sql`r.response_id`,
    present: (row) => presentAnswer(ctx.base, row),
  });
}

export async function createAnswer(
  db: Db,
  ctx: OsdiContext,
  questionId: number,
  body: { _links?: unknown; responses?: unknown; value?: unknown; action_date?: unknown },
) {
  const question = await requireQuestion(db, questionId);
  const voterId = await linkedPerson(db, body._links, 'osdi:answer');
  return db.transaction(async (tx) => {
    const row = await recordAnswer(tx, question, voterId, body);
    await auditOsdi(tx, ctx, {
      action: 'osdi.answer.create',
      resourceType: 'voter',
      resourceId: voterId,
      extra: { question_id: questionId, response_id: row.response_id },
    });
    return presentAnswer(ctx.base, row);
  });
}
