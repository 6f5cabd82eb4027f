// Admin API: users, roles, role changes, lockout, sessions of any user, audit log search, API keys.
import type { App, AppDeps } from '../module.ts';

export async function adminRoutes(_app: App, _deps: AppDeps) {}
