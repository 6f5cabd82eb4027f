// OSDI questions (Cerberus survey questions) and their answers (survey responses).
import type { App, AppDeps } from '../module.ts';
import { answerById, presentAnswer } from './answers.service.ts';
import { osdiContext } from './osdi-context.ts';
import { osdiNotFound } from './osdi-errors.ts';
import {
  AnswerBody,
  halResponses,
  IdParams,
  NestedParams,
  PageQuery,
  parseId,
  QuestionBody,
  TokenQuery,
} from './osdi.schemas.ts';
import {
  createAnswer,
  createQuestion,
  deleteQuestion,
  getQuestion,
  listAnswers,
  listQuestions,
  updateQuestion,
} from './questions.service.ts';

const access = { access: 'api_key:osdi' } as const;
const tags = ['osdi'];

export function questionsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const ctx = (request: Parameters<typeof osdiContext>[0]) => osdiContext(request, deps.config.publicUrl);
  const questionId = (id: string) => parseId(id, 'osdi:question');
  // Spec examples POST to URLs with a trailing slash: every route answers both forms.
  for (const slash of ['', '/']) {
    const hide = slash !== '';
    app.get(
      `/questions${slash}`,
      {
        config: access,
        schema: { hide, tags, summary: 'OSDI questions', querystring: PageQuery, response: halResponses },
      },
      async (request) => listQuestions(db, ctx(request), request.query),
    );
    app.post(
      `/questions${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Create a question',
          querystring: TokenQuery,
          body: QuestionBody,
          response: halResponses,
        },
      },
      async (request) => createQuestion(db, ctx(request), request.body),
    );
    app.get(
      `/questions/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'One question',
          params: IdParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => getQuestion(db, ctx(request), questionId(request.params.id)),
    );
    app.put(
      `/questions/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Update a question',
          params: IdParams,
          querystring: TokenQuery,
          body: QuestionBody,
          response: halResponses,
        },
      },
      async (request) => updateQuestion(db, ctx(request), questionId(request.params.id), request.body),
    );
    app.delete(
      `/questions/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Delete a question and its answers',
          params: IdParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => deleteQuestion(db, ctx(request), questionId(request.params.id)),
    );
    app.get(
      `/questions/:id/answers${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: "A question's answers",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) => {
        const id = questionId(request.params.id);
        return listAnswers(db, ctx(request), request.query, { questionId: id, path: `/questions/${id}/answers` });
      },
    );
    app.post(
      `/questions/:id/answers${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: "Answer for a person (_links['osdi:person'])",
          params: IdParams,
          querystring: TokenQuery,
          body: AnswerBody,
          response: halResponses,
        },
      },
      async (request) => createAnswer(db, ctx(request), questionId(request.params.id), request.body),
    );
    app.get(
      `/questions/:id/answers/:childId${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'One answer',
          params: NestedParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => {
        const row = await answerById(db, questionId(request.params.id), parseId(request.params.childId, 'osdi:answer'));
        if (!row) throw osdiNotFound('osdi:answer', request.params.childId);
        return presentAnswer(ctx(request).base, row);
      },
    );
  }
}
