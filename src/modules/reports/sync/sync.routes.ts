// Offline sync under /api/v1/reports/sync: upload queued actions, download what changed, status, conflicts.
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../../http/access.ts';
import { auditContext } from '../../identity/audit.ts';
import type { App, AppDeps } from '../../module.ts';
import { Report } from '../reports.schemas.ts';
import { download, listConflicts, resolveConflict, syncStatus } from './sync-state.service.ts';
import { uploadActions } from './sync-upload.service.ts';
import {
  Conflict,
  ConflictsQuery,
  DownloadQuery,
  ResolveBody,
  ResolveQuery,
  UploadAnswer,
  UploadBody,
} from './sync.schemas.ts';

const tags = ['reports: sync'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export function syncRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;

  app.post(
    '/api/v1/reports/sync/upload',
    {
      config: { access: 'sync:use' },
      schema: {
        tags,
        summary: 'Upload actions queued offline; idempotent by client_id',
        body: UploadBody,
        response: { 200: UploadAnswer },
      },
    },
    async (request) => uploadActions(db, auditContext(request), requireActor(request), request.body),
  );

  app.get(
    '/api/v1/reports/sync/download',
    {
      config: { access: 'sync:use' },
      schema: {
        tags,
        summary: 'My reports and tasks changed since a time (default: last download, else 30 days)',
        querystring: DownloadQuery,
        response: {
          200: Type.Object({
            server_timestamp: Type.String(),
            since: Type.String(),
            reports: Type.Array(Report),
            tasks: Type.Array(Type.Record(Type.String(), Type.Unknown())),
            has_more: Type.Boolean(),
            has_more_by_entity: Type.Object({ reports: Type.Boolean(), tasks: Type.Boolean() }),
          }),
        },
      },
    },
    async (request) => download(db, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/reports/sync/status',
    {
      config: { access: 'sync:use' },
      schema: {
        tags,
        summary: 'Sync health, pending and failed actions, devices',
        response: {
          200: Type.Object({
            sync_health: Type.Union([Type.Literal('good'), Type.Literal('conflicts_detected')]),
            unresolved_conflicts: Type.Integer(),
            pending_actions: Type.Integer(),
            failed_actions: Type.Integer(),
            processed_actions: Type.Integer(),
            devices: Type.Array(
              Type.Object({
                device_id: Type.String(),
                last_sync_timestamp: Nullable(Type.String()),
                last_upload_timestamp: Nullable(Type.String()),
                last_download_timestamp: Nullable(Type.String()),
                sync_version: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => syncStatus(db, requireActor(request)),
  );

  app.get(
    '/api/v1/reports/sync/conflicts',
    {
      config: { access: 'sync:use' },
      schema: {
        tags,
        summary: 'My sync conflicts (unresolved unless resolved=true)',
        querystring: ConflictsQuery,
        response: { 200: Type.Object({ conflicts: Type.Array(Conflict) }) },
      },
    },
    async (request) => listConflicts(db, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/reports/sync/resolve-conflict',
    {
      config: { access: 'sync:use' },
      schema: {
        tags,
        summary: 'Resolve a conflict: server_wins, client_wins, merge (needs merged_data) or manual',
        querystring: ResolveQuery,
        body: ResolveBody,
        response: { 200: Type.Object({ conflict: Conflict }) },
      },
    },
    async (request) =>
      resolveConflict(db, auditContext(request), requireActor(request), request.query.resolution, request.body),
  );
}
