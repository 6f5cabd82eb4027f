// /api/v1/users: the admin users screen. Thin routes: access, schemas, one service call.
import type { App, AppDeps } from '../module.ts';
import {
  IdParams,
  NewUserBody,
  RoleChangeBody,
  RoleHistoryOut,
  UserList,
  UserListQuery,
  UserOut,
  UserPatchBody,
} from './admin.schemas.ts';
import { auditContext } from './audit.ts';
import { changeUserRole, roleHistory, setUserActive, unlockUser } from './user-status.service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

const tags = ['users'];

export function usersRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary: 'Users, filtered by role, status, department or a search on username, email, phone and name',
        querystring: UserListQuery,
        response: { 200: UserList },
      },
    },
    async (request) => listUsers(db, request.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Create a user (only roles at or below your own level)',
        body: NewUserBody,
        response: { 201: UserOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: 'users:read' },
      schema: { tags, summary: 'One user', params: IdParams, response: { 200: UserOut } },
    },
    async (request) => getUser(db, request.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: "Edit a user's profile fields (changing email or phone marks it unverified)",
        params: IdParams,
        body: UserPatchBody,
        response: { 200: UserOut },
      },
    },
    async (request) => updateUser(db, auditContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Deactivate a user and end all their sessions',
        params: IdParams,
        response: { 200: UserOut },
      },
    },
    async (request) => setUserActive(db, auditContext(request), request.params.id, false),
  );

  app.post(
    '/api/v1/users/:id/activate',
    {
      config: { access: 'users:write' },
      schema: { tags, summary: 'Activate a user again', params: IdParams, response: { 200: UserOut } },
    },
    async (request) => setUserActive(db, auditContext(request), request.params.id, true),
  );

  app.post(
    '/api/v1/users/:id/role',
    {
      config: { access: 'users:change_role' },
      schema: {
        tags,
        summary: "Change a user's role (recorded in role history)",
        params: IdParams,
        body: RoleChangeBody,
        response: { 200: UserOut },
      },
    },
    async (request) => changeUserRole(db, auditContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/unlock',
    {
      config: { access: 'users:unlock' },
      schema: {
        tags,
        summary: 'Unlock an account locked by failed sign-ins',
        params: IdParams,
        response: { 200: UserOut },
      },
    },
    async (request) => unlockUser(db, auditContext(request), request.params.id),
  );

  app.get(
    '/api/v1/users/:id/role-history',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary: "A user's role changes, newest first",
        params: IdParams,
        response: { 200: RoleHistoryOut },
      },
    },
    async (request) => roleHistory(db, request.params.id),
  );
}
