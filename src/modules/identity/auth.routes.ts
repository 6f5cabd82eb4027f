// Sign-in, tokens, sessions, 2FA and self-service account routes under /api/v1/auth.
import type { App, AppDeps } from '../module.ts';

export async function authRoutes(_app: App, _deps: AppDeps) {}
