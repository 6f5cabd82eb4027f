// OSDI people: collection with filter and paging, single person, create (merge), update, delete, the person
// signup helper, and the person's taggings, items, answers and canvasses.
import type { App, AppDeps } from '../module.ts';
import { recordCanvass, getCanvass, listCanvasses } from './canvass.service.ts';
import { listItems } from './lists.service.ts';
import { osdiContext } from './osdi-context.ts';
import {
  AnyBody,
  CanvassBody,
  halResponses,
  IdParams,
  NestedParams,
  PageQuery,
  PeopleQuery,
  parseId,
  SignupBody,
  TokenQuery,
} from './osdi.schemas.ts';
import { createPerson, deletePerson, getPerson, listPeople, signupPerson, updatePerson } from './people.service.ts';
import { listAnswers } from './questions.service.ts';
import { listTaggings } from './tags.service.ts';

const access = { access: 'api_key:osdi' } as const;
const tags = ['osdi'];

export function peopleRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const ctx = (request: Parameters<typeof osdiContext>[0]) => osdiContext(request, deps.config.publicUrl);

  // Spec examples POST to URLs with a trailing slash: every route answers both forms.
  for (const slash of ['', '/']) {
    app.get(
      `/people${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'OSDI people (filter, paging)',
          querystring: PeopleQuery,
          response: halResponses,
        },
      },
      async (request) => listPeople(db, ctx(request), request.query),
    );
    app.post(
      `/people${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'Create (or match and merge) a person',
          querystring: TokenQuery,
          body: AnyBody,
          response: halResponses,
        },
      },
      async (request) => (await createPerson(db, ctx(request), request.body)).person,
    );
    for (const url of [`/people/person_signup_helper${slash}`, `/people/person_signup${slash}`]) {
      app.post(
        url,
        {
          config: { ...access, osdiAnonymous: true },
          schema: {
            hide: slash !== '',
            tags,
            summary: 'Person signup helper: match by email/phone, merge, tag, list, answer',
            querystring: TokenQuery,
            body: SignupBody,
            response: halResponses,
          },
        },
        async (request) => (await signupPerson(db, ctx(request), request.body)).person,
      );
    }
    app.get(
      `/people/:id${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'One person',
          params: IdParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => getPerson(db, ctx(request), parseId(request.params.id, 'osdi:person')),
    );
    app.put(
      `/people/:id${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'Update the fields sent (null clears)',
          params: IdParams,
          querystring: TokenQuery,
          body: AnyBody,
          response: halResponses,
        },
      },
      async (request) => updatePerson(db, ctx(request), parseId(request.params.id, 'osdi:person'), request.body),
    );
    app.delete(
      `/people/:id${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'Delete a person',
          params: IdParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => deletePerson(db, ctx(request), parseId(request.params.id, 'osdi:person')),
    );
    app.get(
      `/people/:id/taggings${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: "A person's taggings",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) =>
        listTaggings(db, ctx(request), request.query, { voterId: parseId(request.params.id, 'osdi:person') }),
    );
    app.get(
      `/people/:id/items${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: "A person's list items",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) =>
        listItems(db, ctx(request), request.query, { voterId: parseId(request.params.id, 'osdi:person') }),
    );
    app.get(
      `/people/:id/answers${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: "A person's answers",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) => {
        const voterId = parseId(request.params.id, 'osdi:person');
        return listAnswers(db, ctx(request), request.query, { voterId, path: `/people/${voterId}/answers` });
      },
    );
    app.post(
      `/people/:id/record_canvass_helper${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'Record a canvass of the person (interaction + answers)',
          params: IdParams,
          querystring: TokenQuery,
          body: CanvassBody,
          response: halResponses,
        },
      },
      async (request) => recordCanvass(db, ctx(request), parseId(request.params.id, 'osdi:person'), request.body),
    );
    app.get(
      `/people/:id/canvasses${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: "A person's canvasses",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) => listCanvasses(db, ctx(request), request.query, parseId(request.params.id, 'osdi:person')),
    );
    app.get(
      `/people/:id/canvasses/:childId${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: 'One canvass',
          params: NestedParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) =>
        getCanvass(
          db,
          ctx(request),
          parseId(request.params.id, 'osdi:person'),
          parseId(request.params.childId, 'osdi:canvass'),
        ),
    );
    app.get(
      `/people/:id/canvasses/:childId/answers${slash}`,
      {
        config: access,
        schema: {
          hide: slash !== '',
          tags,
          summary: "A canvass's answers",
          params: NestedParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) => {
        const voterId = parseId(request.params.id, 'osdi:person');
        const interactionId = parseId(request.params.childId, 'osdi:canvass');
        await getCanvass(db, ctx(request), voterId, interactionId);
        return listAnswers(db, ctx(request), request.query, {
          voterId,
          interactionId,
          path: `/people/${voterId}/canvasses/${interactionId}/answers`,
        });
      },
    );
  }
}
