// /api/v1/auth/sessions: my own sessions (another user's session id is "not found").
import { requireActor } from '../../http/access.ts';
import type { App, AppDeps } from '../module.ts';
import * as S from './auth.schemas.ts';
import { auditContext } from './audit.ts';
import { listMySessions, revokeMySession } from './sessions.service.ts';

const tags = ['auth'];

export function sessionRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My active sessions, most recently used first', response: { 200: S.SessionsOut } },
    },
    async (request) => listMySessions(db, requireActor(request)),
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End one of my sessions', params: S.SessionParams, response: S.NoContent },
    },
    async (request, reply) => {
      await revokeMySession(db, auditContext(request), requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
