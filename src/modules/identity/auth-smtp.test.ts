// The password-reset email delivered through a real SMTP server on loopback (smtp-server), not only the outbox.
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories.ts';
import { startTestApp, type TestContext } from '../../../test/harness.ts';
import { one } from '../../db/client.ts';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let t: TestContext;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const { port } = smtp.server.address() as AddressInfo;
  t = await startTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: 'https://caucus.example.org' });
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** Quoted-printable soft line breaks and escapes undone, so a long link reads as one string. */
const unfold = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16)));

describe('password reset email over SMTP', () => {
  it('delivers the reset link to the account address through a real SMTP server', async () => {
    await createUser(t.database.db, {
      username: 'zoe',
      password: 'Smtp-Delivered-Pass-1',
      role: 'viewer',
      email: 'zoe@example.org',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/request-password-reset',
      payload: { email: 'zoe@example.org' },
    });
    expect(res.statusCode).toBe(202);
    await t.deps.mail.deliverQueued();
    // The route also asks for delivery after commit; wait for whichever delivery runs to finish.
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));

    expect(received).toHaveLength(1);
    const message = received[0];
    expect(message.to).toEqual(['zoe@example.org']);
    const body = unfold(message.raw);
    expect(body).toMatch(/^To: zoe@example\.org/m);
    expect(body).toMatch(/^Subject: Reset your Caucus password/m);
    const link = body.match(/https:\/\/caucus\.example\.org\/reset-password\?token=([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();

    const outbox = await one<{ status: string; transport: string }>(
      t.database.db,
      sql`SELECT status, transport FROM mail.outbox WHERE to_address = 'zoe@example.org' ORDER BY id DESC LIMIT 1`,
    );
    expect(outbox).toEqual({ status: 'sent', transport: 'smtp' });

    // The delivered link is the one that works.
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token: link![1], new_password: 'Fresh-Smtp-Password-2' },
    });
    expect(reset.statusCode).toBe(204);
  });
});
