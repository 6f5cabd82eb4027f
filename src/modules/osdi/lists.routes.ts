// OSDI lists and their items.
import type { App, AppDeps } from '../module.ts';
import { osdiContext } from './osdi-context.ts';
import {
  AnyBody,
  halResponses,
  IdParams,
  NestedParams,
  PageQuery,
  parseId,
  ListBody,
  TokenQuery,
} from './osdi.schemas.ts';
import {
  createList,
  createItem,
  deleteList,
  deleteItem,
  getList,
  getItem,
  listItems,
  listLists,
  updateList,
} from './lists.service.ts';

const access = { access: 'api_key:osdi' } as const;
const tags = ['osdi'];

export function listsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const ctx = (request: Parameters<typeof osdiContext>[0]) => osdiContext(request, deps.config.publicUrl);
  const listId = (id: string) => parseId(id, 'osdi:list');
  // Spec examples POST to URLs with a trailing slash: every route answers both forms.
  for (const slash of ['', '/']) {
    const hide = slash !== '';
    app.get(
      `/lists${slash}`,
      { config: access, schema: { hide, tags, summary: 'OSDI lists', querystring: PageQuery, response: halResponses } },
      async (request) => listLists(db, ctx(request), request.query),
    );
    app.post(
      `/lists${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Create a list',
          querystring: TokenQuery,
          body: ListBody,
          response: halResponses,
        },
      },
      async (request) => createList(db, ctx(request), request.body),
    );
    app.get(
      `/lists/:id${slash}`,
      {
        config: access,
        schema: { hide, tags, summary: 'One list', params: IdParams, querystring: TokenQuery, response: halResponses },
      },
      async (request) => getList(db, ctx(request), listId(request.params.id)),
    );
    app.put(
      `/lists/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Rename or describe a list',
          params: IdParams,
          querystring: TokenQuery,
          body: ListBody,
          response: halResponses,
        },
      },
      async (request) => updateList(db, ctx(request), listId(request.params.id), request.body),
    );
    app.delete(
      `/lists/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Delete a list and its items',
          params: IdParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => deleteList(db, ctx(request), listId(request.params.id)),
    );
    app.get(
      `/lists/:id/items${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: "A list's items",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) => listItems(db, ctx(request), request.query, { listId: listId(request.params.id) }),
    );
    app.post(
      `/lists/:id/items${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: "Add a person to the list (_links['osdi:person'])",
          params: IdParams,
          querystring: TokenQuery,
          body: AnyBody,
          response: halResponses,
        },
      },
      async (request) => createItem(db, ctx(request), listId(request.params.id), request.body),
    );
    app.get(
      `/lists/:id/items/:childId${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'One item',
          params: NestedParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) =>
        getItem(db, ctx(request), listId(request.params.id), parseId(request.params.childId, 'osdi:item')),
    );
    app.delete(
      `/lists/:id/items/:childId${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Remove an item',
          params: NestedParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) =>
        deleteItem(db, ctx(request), listId(request.params.id), parseId(request.params.childId, 'osdi:item')),
    );
  }
}
