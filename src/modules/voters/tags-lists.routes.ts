// /api/v1/tags, /api/v1/voters/:id/tags and /api/v1/lists (+ items). Thin routes.
import { Type } from '@fastify/type-provider-typebox';
import { auditContext } from '../identity/audit.ts';
import type { App, AppDeps } from '../module.ts';
import { Id, IdParams, MessageOut, Nullable, OrNull, Page, PerPage, Str } from './common.schemas.ts';
import {
  addListItems,
  createList,
  deleteList,
  listLists,
  removeListItem,
  requireList,
  updateList,
} from './lists.service.ts';
import { createTag, deleteTag, getTag, listTags, tagVoter, untagVoter, updateTag, voterTags } from './tags.service.ts';
import { listVoters } from './voters.service.ts';
import { VoterList, VoterListQuery } from './voters.schemas.ts';

const Name = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Description = Type.Optional(OrNull(Str(5000)));
const Search = Type.Object(
  { q: Type.Optional(Str(200, 1)), page: Page, per_page: PerPage },
  { additionalProperties: false },
);
const stamps = { created_at: Type.String(), updated_at: Type.String() };
const TagSchema = Type.Object({
  tag_id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  voter_count: Type.Integer(),
  ...stamps,
});
const ListSchema = Type.Object({
  list_id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  created_by: Nullable(Type.Integer()),
  voter_count: Type.Integer(),
  ...stamps,
});
const paging = { total: Type.Integer(), current_page: Type.Integer(), total_pages: Type.Integer() };
const VoterTags = Type.Object({
  tags: Type.Array(Type.Object({ tag_id: Type.Integer(), name: Type.String(), tagged_at: Type.String() })),
});
const Added = Type.Object({ added: Type.Integer(), already_members: Type.Integer() });
const VoterIds = Type.Object(
  { voter_ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
const TwoIds = (second: string) => Type.Object({ id: Id, [second]: Id }, { additionalProperties: false });

export function tagsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const t = ['tags'];
  app.get(
    '/api/v1/tags',
    {
      config: { access: 'voters:read' },
      schema: {
        tags: t,
        summary: 'Tags with their voter counts',
        querystring: Search,
        response: { 200: Type.Object({ tags: Type.Array(TagSchema), ...paging }) },
      },
    },
    async (r) => listTags(db, r.query),
  );
  app.post(
    '/api/v1/tags',
    {
      config: { access: 'tags:write' },
      schema: {
        tags: t,
        summary: 'Create a tag (names are unique, any case)',
        body: Type.Object({ name: Name(100), description: Description }, { additionalProperties: false }),
        response: { 201: Type.Object({ tag: TagSchema }) },
      },
    },
    async (r, reply) => reply.status(201).send(await createTag(db, auditContext(r), r.body)),
  );
  app.get(
    '/api/v1/tags/:id',
    {
      config: { access: 'voters:read' },
      schema: { tags: t, summary: 'One tag', params: IdParams, response: { 200: Type.Object({ tag: TagSchema }) } },
    },
    async (r) => getTag(db, r.params.id),
  );
  app.put(
    '/api/v1/tags/:id',
    {
      config: { access: 'tags:write' },
      schema: {
        tags: t,
        summary: 'Rename or describe a tag',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Name(100)), description: Description },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ tag: TagSchema }) },
      },
    },
    async (r) => updateTag(db, auditContext(r), r.params.id, r.body),
  );
  app.delete(
    '/api/v1/tags/:id',
    {
      config: { access: 'tags:write' },
      schema: { tags: t, summary: 'Delete a tag (untags everyone)', params: IdParams, response: { 200: MessageOut } },
    },
    async (r) => deleteTag(db, auditContext(r), r.params.id),
  );

  app.get(
    '/api/v1/voters/:id/tags',
    {
      config: { access: 'voters:read' },
      schema: { tags: t, summary: "A voter's tags", params: IdParams, response: { 200: VoterTags } },
    },
    async (r) => voterTags(db, r.params.id),
  );
  app.post(
    '/api/v1/voters/:id/tags',
    {
      config: { access: 'tags:write' },
      schema: {
        tags: t,
        summary: 'Tag a voter by tag_id, or by name (creating the tag if needed)',
        params: IdParams,
        body: Type.Object(
          { tag_id: Type.Optional(Id), name: Type.Optional(Name(100)) },
          { additionalProperties: false },
        ),
        response: { 200: VoterTags },
      },
    },
    async (r) => tagVoter(db, auditContext(r), r.params.id, r.body),
  );
  app.delete(
    '/api/v1/voters/:id/tags/:tagId',
    {
      config: { access: 'tags:write' },
      schema: { tags: t, summary: 'Untag a voter', params: TwoIds('tagId'), response: { 200: VoterTags } },
    },
    async (r) => untagVoter(db, auditContext(r), r.params.id, r.params.tagId),
  );
}

export function listsRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const t = ['lists'];
  const ListOut = Type.Object({ list: ListSchema });
  app.get(
    '/api/v1/lists',
    {
      config: { access: 'voters:read' },
      schema: {
        tags: t,
        summary: 'Lists with their voter counts',
        querystring: Search,
        response: { 200: Type.Object({ lists: Type.Array(ListSchema), ...paging }) },
      },
    },
    async (r) => listLists(db, r.query),
  );
  app.post(
    '/api/v1/lists',
    {
      config: { access: 'lists:write' },
      schema: {
        tags: t,
        summary: 'Create a list',
        body: Type.Object({ name: Name(255), description: Description }, { additionalProperties: false }),
        response: { 201: ListOut },
      },
    },
    async (r, reply) => reply.status(201).send(await createList(db, auditContext(r), r.body)),
  );
  app.get(
    '/api/v1/lists/:id',
    {
      config: { access: 'voters:read' },
      schema: { tags: t, summary: 'One list', params: IdParams, response: { 200: ListOut } },
    },
    async (r) => ({ list: await requireList(db, r.params.id) }),
  );
  app.put(
    '/api/v1/lists/:id',
    {
      config: { access: 'lists:write' },
      schema: {
        tags: t,
        summary: 'Rename or describe a list',
        params: IdParams,
        body: Type.Object(
          { name: Type.Optional(Name(255)), description: Description },
          { additionalProperties: false },
        ),
        response: { 200: ListOut },
      },
    },
    async (r) => updateList(db, auditContext(r), r.params.id, r.body),
  );
  app.delete(
    '/api/v1/lists/:id',
    {
      config: { access: 'lists:write' },
      schema: { tags: t, summary: 'Delete a list (not its voters)', params: IdParams, response: { 200: MessageOut } },
    },
    async (r) => deleteList(db, auditContext(r), r.params.id),
  );
  app.get(
    '/api/v1/lists/:id/items',
    {
      config: { access: 'voters:read' },
      schema: {
        tags: t,
        summary: "The list's voters (filters, sort and pagination of GET /api/v1/voters)",
        params: IdParams,
        querystring: VoterListQuery,
        response: { 200: VoterList },
      },
    },
    async (r) => {
      await requireList(db, r.params.id);
      return listVoters(db, { ...r.query, list_id: r.params.id });
    },
  );
  app.post(
    '/api/v1/lists/:id/items',
    {
      config: { access: 'lists:write' },
      schema: {
        tags: t,
        summary: 'Add voters to the list',
        params: IdParams,
        body: VoterIds,
        response: { 200: Added },
      },
    },
    async (r) => addListItems(db, auditContext(r), r.params.id, r.body.voter_ids),
  );
  app.delete(
    '/api/v1/lists/:id/items/:voterId',
    {
      config: { access: 'lists:write' },
      schema: {
        tags: t,
        summary: 'Remove a voter from the list',
        params: TwoIds('voterId'),
        response: { 200: MessageOut },
      },
    },
    async (r) => removeListItem(db, auditContext(r), r.params.id, r.params.voterId),
  );
}
