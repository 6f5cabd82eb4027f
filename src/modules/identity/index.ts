// identity: users of every seed, roles and permissions, sign-in (password, phone code, TOTP), sessions and
// rotating refresh tokens, API keys, the append-only audit log and role history. Every other module relies on it.
import type { Module } from '../module.ts';
import { adminRoutes } from './admin.routes.ts';
import { authRoutes } from './auth.routes.ts';

export const identityModule: Module = {
  name: 'identity',
  routes: async (app, deps) => {
    await authRoutes(app, deps);
    await adminRoutes(app, deps);
  },
  jobs: [],
};
