// API keys for the OSDI (OSDI-API-Token) and Open311 (api_key) interfaces. The key is shown once at creation;
// only its SHA-256 and a short prefix (to recognise it in the list) are kept.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { iso } from '../../http/presenters.ts';
import { type AuditContext, audit } from './audit.ts';
import { randomToken, sha256 } from './secrets.ts';

export type ApiKeyScope = 'osdi' | 'open311';

const columns = sql.raw(
  'k.id, k.name, k.scope, k.key_prefix, k.user_id, k.created_by, k.last_used_at, k.expires_at, k.revoked_at, k.created_at',
);

export function presentApiKey(row: Record<string, any>) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    key_prefix: row.key_prefix,
    user_id: row.user_id,
    created_by: row.created_by,
    last_used_at: iso(row.last_used_at),
    expires_at: iso(row.expires_at),
    revoked_at: iso(row.revoked_at),
    created_at: iso(row.created_at)!,
  };
}

export async function listApiKeys(db: Db) {
  const found = await rows<Record<string, any>>(
    db,
    sql`SELECT ${columns} FROM identity.api_keys k ORDER BY k.revoked_at IS NOT NULL, k.id DESC LIMIT 500`,
  );
  return { api_keys: found.map(presentApiKey) };
}

export async function createApiKey(
  db: Db,
  context: AuditContext,
  input: { name: string; scope: ApiKeyScope; expires_at?: string },
) {
  // ck_ + 43 url-safe characters (256 bits); the first 11 characters identify it in lists.
  const key = `ck_${randomToken(32)}`;
  const userId = context.actor?.userId ?? null;
  return db.transaction(async (tx) => {
    const row = await one<Record<string, any>>(
      tx,
      sql`INSERT INTO identity.api_keys AS k (name, scope, key_prefix, key_hash, user_id, created_by, expires_at)
          VALUES (${input.name}, ${input.scope}, ${key.slice(0, 11)}, ${sha256(key)}, ${userId}, ${userId},
                  ${input.expires_at ?? null})
          RETURNING ${columns}`,
    );
    await audit(tx, context, {
      action: 'api_key_created',
      description: `API key "${input.name}" created for ${input.scope}`,
      resourceType: 'api_key',
      resourceId: row!.id,
      extra: { scope: input.scope, key_prefix: row!.key_prefix },
    });
    return { api_key: presentApiKey(row!), key };
  });
}

export async function revokeApiKey(db: Db, context: AuditContext, id: number) {
  await db.transaction(async (tx) => {
    const row = await one<{ revoked_at: string | null; name: string }>(
      tx,
      sql`SELECT revoked_at, name FROM identity.api_keys WHERE id = ${id} FOR UPDATE`,
    );
    if (!row) throw notFound('API key', id);
    if (row.revoked_at) return;
    await tx.execute(sql`UPDATE identity.api_keys SET revoked_at = now() WHERE id = ${id}`);
    await audit(tx, context, {
      action: 'api_key_revoked',
      description: `API key "${row.name}" revoked`,
      resourceType: 'api_key',
      resourceId: id,
    });
  });
}

/**
 * The key's record when `key` is a live key of `scope` (not revoked, not expired, its user still active);
 * records the use. OSDI and Open311 call this with the token their clients send.
 */
export async function verifyApiKey(
  db: Db,
  key: string,
  scope: ApiKeyScope,
): Promise<{ id: number; name: string; user_id: number | null } | null> {
  if (typeof key !== 'string' || key.length < 8 || key.length > 200) return null;
  const found = await one<{ id: number; name: string; user_id: number | null }>(
    db,
    sql`UPDATE identity.api_keys k SET last_used_at = now()
        WHERE k.key_hash = ${sha256(key)} AND k.scope = ${scope} AND k.revoked_at IS NULL
          AND (k.expires_at IS NULL OR k.expires_at > now())
          AND (k.user_id IS NULL OR EXISTS (SELECT 1 FROM identity.users u WHERE u.id = k.user_id AND u.is_active))
        RETURNING k.id, k.name, k.user_id`,
  );
  return found ?? null;
}
