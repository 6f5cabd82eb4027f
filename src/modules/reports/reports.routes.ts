// All reports routes under /api/v1/reports, one file per sub-domain.
import type { App, AppDeps } from '../module.ts';

export async function reportsRoutes(_app: App, _deps: AppDeps) {}
