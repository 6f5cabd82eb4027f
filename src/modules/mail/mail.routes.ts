import { Type } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from '../module.ts';
import { listOutbox } from './mail.service.ts';

const OutboxMessage = Type.Object({
  id: Type.Integer(),
  channel: Type.String(),
  to_address: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  text_body: Type.String(),
  template: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  transport: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  sent_at: Type.Union([Type.String(), Type.Null()]),
});

export async function mailRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/mail/outbox',
    {
      config: { access: 'outbox:read' },
      schema: {
        tags: ['mail'],
        summary: 'The outbox: every email and SMS, newest first',
        querystring: Type.Object(
          {
            channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('sms')])),
            status: Type.Optional(Type.String({ maxLength: 20 })),
            to: Type.Optional(Type.String({ maxLength: 320 })),
            page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
            per_page: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            messages: Type.Array(OutboxMessage),
            total: Type.Integer(),
            page: Type.Integer(),
            per_page: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listOutbox(deps.database.db, request.query),
  );
}
