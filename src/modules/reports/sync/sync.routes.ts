// Offline sync under /api/v1/reports/sync (filled in below).
import type { App, AppDeps } from '../../module.ts';

export function syncRoutes(_app: App, _deps: AppDeps) {}
