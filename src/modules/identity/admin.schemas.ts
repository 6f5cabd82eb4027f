// Request and response schemas of the admin API. Every string and array is bounded, every object closed.
import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';
import { roles } from './role-catalogue.ts';
import { UserSchema } from './user.presenter.ts';

export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Page = Type.Integer({ minimum: 1, maximum: 100000, default: 1 });
export const PerPage = Type.Integer({ minimum: 1, maximum: 200, default: 20 });
export const RoleName = Type.Union(
  roles.map((r) => Type.Literal(r)),
  { description: 'A role of the catalogue (GET /api/v1/roles)' },
);
export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 });

const Str = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
/**
 * A value or null, as one `type: [t, 'null']` schema: with ajv's type coercion an anyOf with a null branch would
 * turn 0 or "" into null instead of refusing them.
 */
function OrNull<T extends TSchema>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [(schema as unknown as { type: string }).type, 'null'] });
}

const Username = Type.String({ minLength: 3, maxLength: 100, pattern: '^[^\\s]+$' });
const Email = Type.String({ format: 'email', maxLength: 255 });
const Phone = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', maxLength: 16, description: 'E.164, e.g. +15555550123' });

export const UserOut = Type.Object({ user: UserSchema });

export const UserListQuery = Type.Object(
  {
    role: Type.Optional(RoleName),
    is_active: Type.Optional(Type.Boolean()),
    search: Type.Optional(Str(200)),
    department_id: Type.Optional(Id),
    page: Page,
    per_page: PerPage,
  },
  { additionalProperties: false },
);

export const UserList = Type.Object({
  users: Type.Array(UserSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  total_pages: Type.Integer(),
});

export const NewUserBody = Type.Object(
  {
    username: Type.Optional(Username),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    password: Type.Optional(Str(128)),
    role: RoleName,
    first_name: Type.Optional(Str(100)),
    last_name: Type.Optional(Str(100)),
    full_name: Type.Optional(Str(255)),
    department_id: Type.Optional(Id),
    employee_id: Type.Optional(Str(50)),
    expires_at: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

export const UserPatchBody = Type.Object(
  {
    username: Type.Optional(OrNull(Username)),
    email: Type.Optional(OrNull(Email)),
    phone: Type.Optional(OrNull(Phone)),
    first_name: Type.Optional(OrNull(Str(100))),
    last_name: Type.Optional(OrNull(Str(100))),
    full_name: Type.Optional(OrNull(Str(255))),
    department_id: Type.Optional(OrNull(Id)),
    employee_id: Type.Optional(OrNull(Str(50))),
    expires_at: Type.Optional(OrNull(Timestamp)),
    preferred_language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', maxLength: 10 })),
    bio: Type.Optional(OrNull(Str(2000, 0))),
    avatar_url: Type.Optional(OrNull(Type.String({ format: 'uri', maxLength: 500 }))),
    primary_address: Type.Optional(OrNull(Str(500))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RoleChangeBody = Type.Object({ role: RoleName, reason: Str(500) }, { additionalProperties: false });

export const RoleHistoryOut = Type.Object({
  role_history: Type.Array(
    Type.Object({
      id: Type.Integer(),
      user_id: Type.Integer(),
      old_role: Type.Union([Type.String(), Type.Null()]),
      new_role: Type.String(),
      changed_by: Type.Union([Type.Integer(), Type.Null()]),
      changed_by_username: Type.Union([Type.String(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
      automatic: Type.Boolean(),
      created_at: Type.String(),
    }),
  ),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const AdminSession = Type.Object({
  id: Type.Integer(),
  user_id: Type.Integer(),
  device_info: Type.Unknown(),
  ip_address: NullableString,
  user_agent: NullableString,
  login_method: Type.String(),
  is_active: Type.Boolean(),
  last_activity: Type.String(),
  created_at: Type.String(),
  expires_at: Type.String(),
  revoked_at: NullableString,
  revoked_reason: NullableString,
});

export const AuditLog = Type.Object({
  id: Type.Integer(),
  user_id: Type.Union([Type.Integer(), Type.Null()]),
  user_role: NullableString,
  action: Type.String(),
  status: Type.String(),
  timestamp: Type.String(),
  ip_address: NullableString,
  user_agent: NullableString,
  description: NullableString,
  extra_data: Type.Unknown(),
  resource_type: NullableString,
  resource_id: NullableString,
  request_id: NullableString,
});

export const ApiKey = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  scope: Type.String(),
  key_prefix: Type.String(),
  user_id: Type.Union([Type.Integer(), Type.Null()]),
  created_by: Type.Union([Type.Integer(), Type.Null()]),
  last_used_at: NullableString,
  expires_at: NullableString,
  revoked_at: NullableString,
  created_at: Type.String(),
});

export const NoContent = Type.Null({ description: 'No content' });
