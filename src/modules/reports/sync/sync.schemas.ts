// Schemas of the offline sync API and of each action's `data`.
import { Type } from '@fastify/type-provider-typebox';
import { ReportBody } from '../reports.schemas.ts';
import { actionTypes, resolutions } from './sync-rules.ts';

const IsoTime = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})$',
});
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const ClientId = Type.String({ minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9._:-]+$' });
const DeviceId = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f]+$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SyncAction = Type.Object(
  {
    client_id: ClientId,
    action_type: Type.Union(actionTypes.map((a) => Type.Literal(a))),
    entity_type: Type.Optional(Type.String({ maxLength: 50 })),
    timestamp: IsoTime,
    data: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 50 }),
    priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const UploadBody = Type.Object(
  {
    device_id: DeviceId,
    last_sync_timestamp: Type.Optional(Nullable(IsoTime)),
    device_info: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 30 })),
    actions: Type.Array(SyncAction, { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const ActionResult = Type.Object({
  client_id: Type.String(),
  action_type: Type.String(),
  status: Type.Union([Type.Literal('success'), Type.Literal('failed'), Type.Literal('conflict')]),
  entity_type: Nullable(Type.String()),
  entity_id: Nullable(Type.Integer()),
  result: Type.Unknown(),
  message: Nullable(Type.String()),
  conflict_id: Nullable(Type.Integer()),
  retry_count: Type.Integer(),
  can_retry: Type.Boolean(),
});

export const UploadAnswer = Type.Object({
  server_timestamp: Type.String(),
  processed: Type.Integer(),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  conflicts: Type.Integer(),
  results: Type.Array(ActionResult),
});

export const DownloadQuery = Type.Object(
  {
    device_id: Type.Optional(DeviceId),
    since: Type.Optional(IsoTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const ResolveQuery = Type.Object(
  { resolution: Type.Union(resolutions.map((r) => Type.Literal(r))) },
  { additionalProperties: false },
);

export const ResolveBody = Type.Object(
  {
    conflict_id: Id,
    merged_data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 50 })),
  },
  { additionalProperties: false },
);

export const Conflict = Type.Object({
  id: Type.Integer(),
  device_id: Nullable(Type.String()),
  entity_type: Nullable(Type.String()),
  entity_id: Nullable(Type.Integer()),
  client_version: Type.Unknown(),
  server_version: Type.Unknown(),
  resolution_strategy: Nullable(Type.String()),
  resolved: Type.Boolean(),
  resolved_at: Nullable(Type.String()),
  resolved_data: Type.Unknown(),
  created_at: Nullable(Type.String()),
});

export const ConflictsQuery = Type.Object(
  { resolved: Type.Optional(Type.Boolean()), device_id: Type.Optional(DeviceId) },
  { additionalProperties: false },
);

// The `data` of each action type.
export const CreateReportData = ReportBody;

export const UpdateProfileData = Type.Object(
  {
    full_name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
    first_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    last_name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 255, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }))),
    bio: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    preferred_language: Type.Optional(Type.String({ minLength: 2, maxLength: 10, pattern: '^[a-zA-Z-]+$' })),
    primary_address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    primary_latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    primary_longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
    /** The values the client edited from: a field the server changed since is a conflict. */
    base: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 20 })),
    base_updated_at: Type.Optional(IsoTime),
  },
  { additionalProperties: false },
);

export const UpdateTaskData = Type.Object(
  {
    task_id: Id,
    action: Type.Optional(
      Type.Union(['acknowledge', 'start', 'submit-for-verification', 'resolve'].map((a) => Type.Literal(a))),
    ),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    resolution_notes: Type.Optional(Type.String({ maxLength: 5000 })),
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    base_updated_at: Type.Optional(IsoTime),
  },
  { additionalProperties: false },
);

export const SubmitAppealData = Type.Object(
  {
    report_id: Type.Optional(Id),
    /** An offline-created report not yet known by id: the client_id of its create_report action. */
    report_client_id: Type.Optional(ClientId),
    appeal_type: Type.String({ maxLength: 30 }),
    reason: Type.String({ minLength: 1, maxLength: 5000 }),
    evidence: Type.Optional(Type.String({ maxLength: 5000 })),
    requested_action: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
