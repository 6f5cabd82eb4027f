// identity: users of every seed, roles and permissions, sign-in (password, phone code, TOTP), sessions and
// rotating refresh tokens, API keys, the append-only audit log and role history. Every other module relies on it.
import type { Module } from '../module.ts';

export const identityModule: Module = {
  name: 'identity',
  routes: async () => {},
  jobs: [],
};
