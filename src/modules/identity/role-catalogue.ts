// Every seed's roles and the `verb:object` permissions each holds. The `identity.roles` table holds the
// same role names with their levels; this file is the one place that says what a role may do.

export const permissions = [
  // identity
  'users:read',
  'users:write',
  'users:change_role',
  'users:unlock',
  'sessions:read_any',
  'sessions:revoke_any',
  'audit:read',
  'api_keys:manage',
  'settings:manage',
  'outbox:read',
  // voters (Cerberus)
  'campaigns:read',
  'campaigns:write',
  'voters:read',
  'voters:write',
  'voters:delete',
  'voters:export',
  'voters:import',
  'voters:merge',
  'interactions:read',
  'interactions:write',
  'surveys:read',
  'surveys:write',
  'segments:read',
  'segments:write',
  'tags:write',
  'lists:write',
  // reports (CiviLens)
  'reports:create',
  'reports:read_own',
  'reports:read',
  'reports:validate',
  'reports:moderate',
  'reports:classify',
  'reports:assign',
  'reports:update_status',
  'reports:bulk',
  'reports:delete',
  'reports:export',
  'tasks:read',
  'tasks:work',
  'tasks:manage',
  'media:upload',
  'media:delete',
  'appeals:create',
  'appeals:read',
  'appeals:review',
  'escalations:create',
  'escalations:read',
  'escalations:manage',
  'departments:read',
  'departments:manage',
  'areas:manage',
  'analytics:read',
  'sync:use',
  // coalition (Coalition Builder)
  'coalition:read',
  'coalition:write',
  'endorsements:review',
  // outreach (Business Outreach)
  'outreach:read',
  'outreach:write',
  'outreach:send',
  // influence, field, content, media (Changemaker)
  'influence:read',
  'influence:write',
  'field:read',
  'field:write',
  'shifts:signup',
  'canvass:record',
  'content:write',
  'media_library:write',
] as const;

export type Permission = (typeof permissions)[number];

export const roles = [
  'citizen',
  'contributor',
  'moderator',
  'nodal_officer',
  'auditor',
  'admin',
  'super_admin',
  'viewer',
  'editor',
  'SUPER_ADMIN',
  'INFLUENCE_ADMIN',
  'MAP_ADMIN',
  'USER',
  'TEMP',
] as const;

export type Role = (typeof roles)[number];

/** Levels 1..7 (CiviLens ROLE_HIERARCHY); a user may grant only roles at or below their own level. */
export const roleLevels: Record<Role, number> = {
  citizen: 1,
  contributor: 2,
  moderator: 3,
  nodal_officer: 4,
  auditor: 5,
  admin: 6,
  super_admin: 7,
  viewer: 2,
  editor: 3,
  SUPER_ADMIN: 7,
  INFLUENCE_ADMIN: 5,
  MAP_ADMIN: 5,
  USER: 1,
  TEMP: 1,
};

const all = [...permissions];
const isRead = (p: string) => /:(read|read_own)$/.test(p);

const citizen: Permission[] = ['reports:create', 'reports:read_own', 'appeals:create', 'media:upload', 'sync:use'];
const contributor: Permission[] = [...citizen, 'reports:validate'];
const voterReader: Permission[] = [
  'campaigns:read',
  'voters:read',
  'interactions:read',
  'surveys:read',
  'segments:read',
];
const voterEditor: Permission[] = [
  ...voterReader,
  'campaigns:write',
  'voters:write',
  'voters:delete',
  'voters:export',
  'voters:import',
  'voters:merge',
  'interactions:write',
  'surveys:write',
  'segments:write',
  'tags:write',
  'lists:write',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  citizen,
  contributor,
  moderator: [
    ...contributor,
    'reports:read',
    'reports:moderate',
    'reports:classify',
    'departments:read',
    'appeals:read',
    'escalations:read',
    'escalations:create',
    'tasks:read',
  ],
  nodal_officer: [
    'reports:read',
    'reports:update_status',
    'tasks:read',
    'tasks:work',
    'media:upload',
    'appeals:create',
    'appeals:read',
    'escalations:create',
    'escalations:read',
    'departments:read',
    'sync:use',
  ],
  // Auditors read everything and write nothing.
  auditor: all.filter((p) => isRead(p) || p === 'audit:read' || p === 'analytics:read' || p === 'outbox:read'),
  admin: all,
  super_admin: all,
  viewer: voterReader,
  editor: voterEditor,
  SUPER_ADMIN: all,
  INFLUENCE_ADMIN: ['influence:read', 'influence:write', 'content:write', 'media_library:write', ...voterReader],
  MAP_ADMIN: ['field:read', 'field:write', 'shifts:signup', 'canvass:record', ...voterReader],
  USER: ['field:read', 'shifts:signup', 'canvass:record'],
  TEMP: ['field:read', 'canvass:record'],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function hasPermission(role: string, permission: Permission): boolean {
  return isRole(role) && rolePermissions[role].includes(permission);
}

/** Roles that may sign in to the staff side (CiviLens admin portal and the other modules' back offices). */
export const staffRoles: Role[] = roles.filter((r) => !['citizen', 'contributor', 'USER', 'TEMP'].includes(r));
