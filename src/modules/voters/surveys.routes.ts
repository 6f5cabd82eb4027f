// /api/v1/survey-questions and /api/v1/survey-responses. Thin routes.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { Id, IdParams, JsonObject, MessageOut, Nullable, OrNull, Page, PerPage, Str } from './common.schemas.ts';
import {
  createQuestion,
  deleteQuestion,
  deleteResponse,
  getQuestion,
  getResponse,
  listQuestions,
  listResponses,
  recordResponses,
  updateQuestion,
  updateResponse,
} from './surveys.service.ts';

const tags = ['surveys'];
const QuestionType = Type.Union([
  Type.Literal('Multiple Choice'),
  Type.Literal('Open Text'),
  Type.Literal('Rating Scale'),
]);
const QuestionSchema = Type.Object({
  question_id: Type.Integer(),
  campaign_id: Nullable(Type.Integer()),
  question_text: Type.String(),
  question_type: Type.String(),
  possible_answers: Type.Unknown(),
  created_at: Type.String(),
});
const ResponseSchema = Type.Object({
  response_id: Type.Integer(),
  interaction_id: Nullable(Type.Integer()),
  voter_id: Type.Integer(),
  question_id: Type.Integer(),
  response_value: Nullable(Type.String()),
  response_values: Type.Unknown(),
  responded_at: Type.String(),
});
const Paged = (key: string, item: typeof QuestionSchema | typeof ResponseSchema) =>
  Type.Object({
    [key]: Type.Array(item),
    total: Type.Integer(),
    current_page: Type.Integer(),
    total_pages: Type.Integer(),
  });
const Text = Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' });
const AnswerValue = OrNull(Str(5000));
const AnswerValues = OrNull(Type.Array(Type.Union([Str(500), Type.Number()]), { maxItems: 50 }));

export function surveysRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/survey-questions',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags,
        summary: 'Survey questions, optionally of one campaign',
        querystring: Type.Object(
          { campaign_id: Type.Optional(Id), page: Page, per_page: PerPage },
          { additionalProperties: false },
        ),
        response: { 200: Paged('questions', QuestionSchema) },
      },
    },
    async (request) => listQuestions(db, request.query),
  );

  app.post(
    '/api/v1/survey-questions',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Create a survey question (Multiple Choice needs possible_answers {"A": "Answer 1"})',
        body: Type.Object(
          {
            campaign_id: Type.Optional(OrNull(Id)),
            question_text: Text,
            question_type: QuestionType,
            possible_answers: Type.Optional(OrNull(JsonObject)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ question: QuestionSchema }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createQuestion(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/v1/survey-questions/:id',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags,
        summary: 'One survey question',
        params: IdParams,
        response: { 200: Type.Object({ question: QuestionSchema }) },
      },
    },
    async (request) => getQuestion(db, request.params.id),
  );

  app.put(
    '/api/v1/survey-questions/:id',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Update a survey question (given fields only)',
        params: IdParams,
        body: Type.Object(
          {
            campaign_id: Type.Optional(OrNull(Id)),
            question_text: Type.Optional(Text),
            question_type: Type.Optional(QuestionType),
            possible_answers: Type.Optional(OrNull(JsonObject)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ question: QuestionSchema }) },
      },
    },
    async (request) => updateQuestion(db, auditContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/survey-questions/:id',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Delete a survey question and its responses',
        params: IdParams,
        response: { 200: MessageOut },
      },
    },
    async (request) => deleteQuestion(db, auditContext(request), request.params.id),
  );

  app.get(
    '/api/v1/survey-responses',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags,
        summary: 'Survey responses by voter, question or campaign, newest first',
        querystring: Type.Object(
          {
            voter_id: Type.Optional(Id),
            question_id: Type.Optional(Id),
            campaign_id: Type.Optional(Id),
            page: Page,
            per_page: PerPage,
          },
          { additionalProperties: false },
        ),
        response: { 200: Paged('responses', ResponseSchema) },
      },
    },
    async (request) => listResponses(db, request.query),
  );

  app.post(
    '/api/v1/survey-responses',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: "Record a voter's answers (logged as a Survey interaction unless interaction_id is given)",
        body: Type.Object(
          {
            voter_id: Id,
            interaction_id: Type.Optional(Id),
            answers: Type.Array(
              Type.Object(
                {
                  question_id: Id,
                  response_value: Type.Optional(AnswerValue),
                  response_values: Type.Optional(AnswerValues),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ interaction_id: Type.Integer(), responses: Type.Array(ResponseSchema) }) },
      },
    },
    async (request, reply) => reply.status(201).send(await recordResponses(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/v1/survey-responses/:id',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags,
        summary: 'One survey response',
        params: IdParams,
        response: { 200: Type.Object({ response: ResponseSchema }) },
      },
    },
    async (request) => getResponse(db, request.params.id),
  );

  app.put(
    '/api/v1/survey-responses/:id',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags,
        summary: 'Correct a survey response',
        params: IdParams,
        body: Type.Object(
          { response_value: Type.Optional(AnswerValue), response_values: Type.Optional(AnswerValues) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ response: ResponseSchema }) },
      },
    },
    async (request) => updateResponse(db, auditContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/survey-responses/:id',
    {
      config: { access: 'surveys:write' },
      schema: { tags, summary: 'Delete a survey response', params: IdParams, response: { 200: MessageOut } },
    },
    async (request) => deleteResponse(db, auditContext(request), request.params.id),
  );
}
