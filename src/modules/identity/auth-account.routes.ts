// /api/v1/auth: my profile, my password (change, reset by email) and email verification.
import { requireActor } from '../../http/access.ts';
import type { App, AppDeps } from '../module.ts';
import { limited } from './auth-rate-limit.ts';
import * as S from './auth.schemas.ts';
import { auditContext } from './audit.ts';
import { requestEmailVerification, verifyEmail } from './email-verification.service.ts';
import { changePassword, requestPasswordReset, resetPassword } from './password.service.ts';
import { getMe, updateMe } from './profile.service.ts';

const tags = ['auth'];

export function accountRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Who I am and what my role allows', response: { 200: S.MeOut } },
    },
    async (request) => getMe(db, requireActor(request)),
  );

  app.patch(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change my profile (a new email is unverified; profile completion is recomputed)',
        body: S.ProfilePatchBody,
        response: { 200: S.UserOnlyOut },
      },
    },
    async (request) => updateMe(db, auditContext(request), requireActor(request), request.body),
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      config: limited(deps, 'authenticated'),
      schema: {
        tags,
        summary: 'Change my password (12+ characters, upper and lower case, a digit); ends my other sessions',
        body: S.ChangePasswordBody,
        response: S.NoContent,
      },
    },
    async (request, reply) => {
      await changePassword(db, deps, auditContext(request), requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/request-password-reset',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Email a single-use password reset link (valid 1 hour); the same answer for any address',
        body: S.RequestResetBody,
        response: { 202: S.MessageOut },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestPasswordReset(db, deps, auditContext(request), request.body)),
  );

  app.post(
    '/api/v1/auth/reset-password',
    {
      config: limited(deps),
      schema: {
        tags,
        summary: 'Set a new password with a reset token; ends every session',
        body: S.ResetPasswordBody,
        response: S.NoContent,
      },
    },
    async (request, reply) => {
      await resetPassword(db, auditContext(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/request-email-verification',
    {
      config: limited(deps, 'authenticated'),
      schema: {
        tags,
        summary: 'Email me a link that confirms my address (valid 24 hours)',
        response: { 202: S.MessageOut },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await requestEmailVerification(db, deps, auditContext(request), requireActor(request))),
  );

  app.post(
    '/api/v1/auth/verify-email',
    {
      config: limited(deps),
      schema: { tags, summary: 'Confirm an email address with its token', body: S.TokenBody, response: S.NoContent },
    },
    async (request, reply) => {
      await verifyEmail(db, auditContext(request), request.body);
      return reply.status(204).send(null);
    },
  );
}
