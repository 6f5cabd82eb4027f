// Sign-in, tokens, sessions, 2FA and self-service account routes under /api/v1/auth. This file: signing in
// and tokens. Sign-in, code and reset routes are rate-limited tightly per IP (AUTH_RATE_LIMIT_MAX a minute).
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../http/access.ts';
import { AppError } from '../../http/errors.ts';
import type { App, AppDeps } from '../module.ts';
import { accountRoutes } from './auth-account.routes.ts';
import { limited } from './auth-rate-limit.ts';
import { sessionRoutes } from './auth-sessions.routes.ts';
import { twoFactorRoutes } from './auth-two-factor.routes.ts';
import * as S from './auth.schemas.ts';
import { auditContext } from './audit.ts';
import { login, requestOtp, verifyOtp, verifyTwoFactor } from './auth.service.ts';
import { refreshSession } from './refresh-tokens.ts';
import { logout, logoutAll, logoutOthers } from './sessions.service.ts';

const tags = ['auth'];

/**
 * The auth API speaks JSON only. Refusing form posts keeps a cross-site HTML form from signing a browser in or
 * sending codes (the app registers a form parser for other routes).
 */
async function requireJsonBody(request: FastifyRequest) {
  if (request.body === undefined || request.body === null) return;
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', `Content-Type ${type || '(none)'} is not accepted; send JSON`);
  }
}

export async function authRoutes(app: App, deps: AppDeps) {
  await app.register(async (scope) => {
    scope.addHook('preValidation', requireJsonBody);
    signInRoutes(scope as App, deps);
    sessionRoutes(scope as App, deps);
    accountRoutes(scope as App, deps);
    twoFactorRoutes(scope as App, deps);
  });
}

function signInRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.post(
    '/api/v1/auth/login',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Sign in with a username, email or phone and a password; answers tokens or a 2FA challenge',
        body: S.LoginBody,
        response: { 200: S.LoginOut },
      },
    },
    async (request) => login(db, deps, auditContext(request), request.body),
  );

  app.post(
    '/api/v1/auth/2fa/verify',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Second sign-in step: the challenge and a TOTP or recovery code',
        body: S.TwoFactorVerifyBody,
        response: { 200: S.TokensOut },
      },
    },
    async (request) => verifyTwoFactor(db, deps, auditContext(request), request.body),
  );

  app.post(
    '/api/v1/auth/request-otp',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Send a 6-digit sign-in code by SMS (valid 10 minutes)',
        body: S.RequestOtpBody,
        response: { 202: S.OtpSentOut },
      },
    },
    async (request, reply) => reply.status(202).send(await requestOtp(db, deps, auditContext(request), request.body)),
  );

  app.post(
    '/api/v1/auth/verify-otp',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Sign in with a phone code; a new number gets a citizen account',
        body: S.VerifyOtpBody,
        response: { 200: S.LoginOut },
      },
    },
    async (request) => verifyOtp(db, deps, auditContext(request), request.body),
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Trade a refresh token for new tokens (the refresh token is single-use)',
        body: S.RefreshBody,
        response: { 200: S.TokensOut },
      },
    },
    async (request) => refreshSession(db, deps, auditContext(request), request.body.refresh_token),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End the current session', response: S.NoContent },
    },
    async (request, reply) => {
      await logout(db, auditContext(request), requireActor(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End all my sessions, this one included', response: S.NoContent },
    },
    async (request, reply) => {
      await logoutAll(db, auditContext(request), requireActor(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-others',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End all my sessions but this one', response: S.NoContent },
    },
    async (request, reply) => {
      await logoutOthers(db, auditContext(request), requireActor(request));
      return reply.status(204).send(null);
    },
  );
}
