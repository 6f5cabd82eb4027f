// /api/v1/auth/2fa: set up, enable, disable two-factor authentication and renew recovery codes (signed in).
import { requireActor } from '../../http/access.ts';
import type { App, AppDeps } from '../module.ts';
import { limited } from './auth-rate-limit.ts';
import * as S from './auth.schemas.ts';
import { auditContext } from './audit.ts';
import { disableTwoFactor, enableTwoFactor, regenerateRecoveryCodes, setupTwoFactor } from './two-factor.service.ts';

const tags = ['auth'];

export function twoFactorRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.post(
    '/api/v1/auth/2fa/setup',
    {
      config: limited(deps, 'authenticated'),
      schema: {
        tags,
        summary: 'Start 2FA set-up: a new TOTP secret, its otpauth URL and QR code (2FA is not on yet)',
        response: { 200: S.TwoFactorSetupOut },
      },
    },
    async (request) => setupTwoFactor(db, deps, auditContext(request), requireActor(request)),
  );

  app.post(
    '/api/v1/auth/2fa/enable',
    {
      config: limited(deps, 'authenticated'),
      schema: {
        tags,
        summary: 'Turn 2FA on with a code from the app; answers ten recovery codes, shown once',
        body: S.CodeBody,
        response: { 200: S.RecoveryCodesOut },
      },
    },
    async (request) => enableTwoFactor(db, deps, auditContext(request), requireActor(request), request.body),
  );

  app.post(
    '/api/v1/auth/2fa/disable',
    {
      config: limited(deps, 'authenticated'),
      schema: {
        tags,
        summary: 'Turn 2FA off: my password and a current TOTP or recovery code',
        body: S.DisableTwoFactorBody,
        response: S.NoContent,
      },
    },
    async (request, reply) => {
      await disableTwoFactor(db, deps, auditContext(request), requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/2fa/recovery-codes',
    {
      config: limited(deps, 'authenticated'),
      schema: {
        tags,
        summary: 'Replace my recovery codes (needs my password); answers the new ones, shown once',
        body: S.PasswordBody,
        response: { 200: S.RecoveryCodesOut },
      },
    },
    async (request) => regenerateRecoveryCodes(db, deps, auditContext(request), requireActor(request), request.body),
  );
}
