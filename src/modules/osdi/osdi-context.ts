// What an OSDI service call needs from the request: the public base URL, the verified API key (null for an
// anonymous helper POST) and the audit context. Every OSDI write leaves an audit record naming the key.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { type AuditEntry, audit, auditContext, type AuditContext } from '../identity/audit.ts';
import { type OsdiBase, osdiBase } from './hal.ts';

export interface OsdiKey {
  id: number;
  name: string;
  user_id: number | null;
}

export interface OsdiContext {
  base: OsdiBase;
  key: OsdiKey | null;
  audit: AuditContext;
  /** The request's query string, for paging links. */
  query: URLSearchParams;
}

declare module 'fastify' {
  interface FastifyRequest {
    osdiKey: OsdiKey | null;
  }
  interface FastifyContextConfig {
    /** An OSDI helper that also takes anonymous POSTs (browser forms) and then answers `{}`. */
    osdiAnonymous?: boolean;
  }
}

export function osdiContext(request: FastifyRequest, publicUrl: string): OsdiContext {
  const q = request.url.indexOf('?');
  return {
    base: osdiBase(publicUrl),
    key: request.osdiKey,
    audit: auditContext(request),
    query: new URLSearchParams(q >= 0 ? request.url.slice(q + 1) : ''),
  };
}

export async function auditOsdi(tx: Db, ctx: OsdiContext, entry: AuditEntry): Promise<void> {
  await audit(tx, ctx.audit, {
    ...entry,
    userId: ctx.key?.user_id ?? null,
    extra: { ...entry.extra, api_key_id: ctx.key?.id ?? null, via: 'osdi' },
  });
}
