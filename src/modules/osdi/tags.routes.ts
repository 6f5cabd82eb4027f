// OSDI tags and their taggings.
import type { App, AppDeps } from '../module.ts';
import { osdiContext } from './osdi-context.ts';
import {
  AnyBody,
  halResponses,
  IdParams,
  NestedParams,
  PageQuery,
  parseId,
  TagBody,
  TokenQuery,
} from './osdi.schemas.ts';
import {
  createTag,
  createTagging,
  deleteTag,
  deleteTagging,
  getTag,
  getTagging,
  listTaggings,
  listTags,
  updateTag,
} from './tags.service.ts';

const access = { access: 'api_key:osdi' } as const;
const tags = ['osdi'];

export function tagsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const ctx = (request: Parameters<typeof osdiContext>[0]) => osdiContext(request, deps.config.publicUrl);
  const tagId = (id: string) => parseId(id, 'osdi:tag');
  // Spec examples POST to URLs with a trailing slash: every route answers both forms.
  for (const slash of ['', '/']) {
    const hide = slash !== '';
    app.get(
      `/tags${slash}`,
      { config: access, schema: { hide, tags, summary: 'OSDI tags', querystring: PageQuery, response: halResponses } },
      async (request) => listTags(db, ctx(request), request.query),
    );
    app.post(
      `/tags${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Create a tag (an existing name answers that tag)',
          querystring: TokenQuery,
          body: TagBody,
          response: halResponses,
        },
      },
      async (request) => createTag(db, ctx(request), request.body),
    );
    app.get(
      `/tags/:id${slash}`,
      {
        config: access,
        schema: { hide, tags, summary: 'One tag', params: IdParams, querystring: TokenQuery, response: halResponses },
      },
      async (request) => getTag(db, ctx(request), tagId(request.params.id)),
    );
    app.put(
      `/tags/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Rename or describe a tag',
          params: IdParams,
          querystring: TokenQuery,
          body: TagBody,
          response: halResponses,
        },
      },
      async (request) => updateTag(db, ctx(request), tagId(request.params.id), request.body),
    );
    app.delete(
      `/tags/:id${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Delete a tag and its taggings',
          params: IdParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) => deleteTag(db, ctx(request), tagId(request.params.id)),
    );
    app.get(
      `/tags/:id/taggings${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: "A tag's taggings",
          params: IdParams,
          querystring: PageQuery,
          response: halResponses,
        },
      },
      async (request) => listTaggings(db, ctx(request), request.query, { tagId: tagId(request.params.id) }),
    );
    app.post(
      `/tags/:id/taggings${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: "Tag a person (_links['osdi:person'])",
          params: IdParams,
          querystring: TokenQuery,
          body: AnyBody,
          response: halResponses,
        },
      },
      async (request) => createTagging(db, ctx(request), tagId(request.params.id), request.body),
    );
    app.get(
      `/tags/:id/taggings/:childId${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'One tagging',
          params: NestedParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) =>
        getTagging(db, ctx(request), tagId(request.params.id), parseId(request.params.childId, 'osdi:tagging')),
    );
    app.delete(
      `/tags/:id/taggings/:childId${slash}`,
      {
        config: access,
        schema: {
          hide,
          tags,
          summary: 'Remove a tagging',
          params: NestedParams,
          querystring: TokenQuery,
          response: halResponses,
        },
      },
      async (request) =>
        deleteTagging(db, ctx(request), tagId(request.params.id), parseId(request.params.childId, 'osdi:tagging')),
    );
  }
}
