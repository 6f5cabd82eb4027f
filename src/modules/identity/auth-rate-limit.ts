// Route config of the tightly rate-limited auth routes: AUTH_RATE_LIMIT_MAX requests a minute per IP.
import type { AppDeps } from '../module.ts';

export function limited(deps: AppDeps, access: 'public' | 'authenticated' = 'public') {
  return { access, rateLimit: { max: deps.config.authRateLimitMax, timeWindow: '1 minute' } };
}
