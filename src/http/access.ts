// Access control: every route declares who may call it in `config.access`; a route without one stops start-up.
// requireAccess() is the one call for resource-level checks: it checks the permission and, in bulk and in SQL,
// that the caller may see each resource, answering 404 for what the caller may not see.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.ts';
import { hasPermission, type Permission } from '../modules/identity/role-catalogue.ts';
import { forbidden, notFound, unauthenticated } from './errors.ts';

/**
 * - 'public': anyone, signed in or not.
 * - 'authenticated': any signed-in user (self-service routes: my profile, my sessions).
 * - a permission: a signed-in user whose role holds it.
 * - 'api_key:osdi' / 'api_key:open311': the module checks its own key header; the route is otherwise public.
 */
export type Access = 'public' | 'authenticated' | Permission | 'api_key:osdi' | 'api_key:open311';

export interface Actor {
  userId: number;
  role: string;
  username: string | null;
  sessionId: number;
  departmentId: number | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Routes added by plugins we do not write (the API docs UI, CORS preflight) are public by decision. */
const publicPrefixes = ['/api/docs'];

export function enforceDeclaredAccess(app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url ?? '';
    const config = (route.config ?? {}) as { access?: Access };
    const corsPreflight = route.method === 'OPTIONS' && url === '*';
    if (config.access === undefined && (corsPreflight || publicPrefixes.some((p) => url.startsWith(p)))) {
      route.config = { ...config, access: 'public' } as any;
      return;
    }
    if (config.access === undefined) {
      throw new Error(`Route ${String(route.method)} ${url} declares no access rule (config.access)`);
    }
  });
}

/** The preHandler that enforces a route's declared access. */
export async function checkRouteAccess(request: FastifyRequest, _reply: FastifyReply) {
  // The not-found handler is no route: it answers 404 to anyone.
  if (request.is404) return;
  const access = request.routeOptions.config.access;
  if (access === undefined) throw forbidden('This route declares no access rule');
  if (access === 'public' || access.startsWith('api_key:')) return;
  if (!request.actor) throw unauthenticated();
  if (access === 'authenticated') return;
  if (!hasPermission(request.actor.role, access as Permission)) {
    throw forbidden(`Your role (${request.actor.role}) does not allow ${access}`);
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/** Answers the ids among `ids` that `actor` may see; registered per resource type by the owning module. */
export type VisibilityCheck = (db: Db, actor: Actor, ids: number[]) => Promise<Set<number>>;

const visibility = new Map<string, VisibilityCheck>();

export function registerVisibility(resourceType: string, check: VisibilityCheck) {
  visibility.set(resourceType, check);
}

/**
 * Checks that `actor` holds `permission` and may see every one of `ids` of `resourceType`.
 * Missing or invisible resources answer 404, so existence never leaks.
 */
export async function requireAccess(
  db: Db,
  actor: Actor | null,
  permission: Permission,
  resource?: { type: string; ids: number[]; label?: string },
): Promise<Actor> {
  if (!actor) throw unauthenticated();
  if (!hasPermission(actor.role, permission)) throw forbidden(`Your role (${actor.role}) does not allow ${permission}`);
  if (resource && resource.ids.length > 0) {
    const check = visibility.get(resource.type);
    if (!check) throw new Error(`No visibility check registered for ${resource.type}`);
    const visible = await check(db, actor, resource.ids);
    const missing = resource.ids.find((id) => !visible.has(id));
    if (missing !== undefined) throw notFound(resource.label ?? resource.type, missing);
  }
  return actor;
}

/** For self-or-permission checks: the actor is the resource owner, or holds the permission. */
export function canActOn(actor: Actor, ownerId: number, permission: Permission): boolean {
  return actor.userId === ownerId || hasPermission(actor.role, permission);
}
