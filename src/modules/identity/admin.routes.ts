// Admin API: users, roles, role changes, lockout, sessions of any user, audit log search, API keys.
import type { App, AppDeps } from '../module.ts';
import { apiKeysRoutes } from './api-keys.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { roleAnalyticsRoutes } from './role-analytics.ts';
import { rolesRoutes } from './roles.routes.ts';
import { userSessionsRoutes } from './user-sessions.routes.ts';
import { usersRoutes } from './users.routes.ts';

export async function adminRoutes(app: App, deps: AppDeps) {
  usersRoutes(app, deps);
  userSessionsRoutes(app, deps);
  rolesRoutes(app, deps);
  roleAnalyticsRoutes(app, deps);
  auditRoutes(app, deps);
  apiKeysRoutes(app, deps);
}
