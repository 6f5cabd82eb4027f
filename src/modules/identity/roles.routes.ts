// /api/v1/roles: the role catalogue with each role's level and permissions, for any signed-in user.
import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import type { App, AppDeps } from '../module.ts';
import { isRole, rolePermissions } from './role-catalogue.ts';

const RoleOut = Type.Object({
  name: Type.String(),
  level: Type.Integer(),
  seed: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
});

export function rolesRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/roles',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['users'],
        summary: 'Every role, its level (1-7), the seed it comes from and its permissions',
        response: { 200: Type.Object({ roles: Type.Array(RoleOut) }) },
      },
    },
    async () => {
      const found = await rows<{ name: string; level: number; seed: string; description: string }>(
        deps.database.db,
        sql`SELECT name, level, seed, description FROM identity.roles ORDER BY level, name`,
      );
      return {
        roles: found.map((r) => ({ ...r, permissions: isRole(r.name) ? [...rolePermissions[r.name]] : [] })),
      };
    },
  );
}
