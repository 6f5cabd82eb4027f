// The role catalogue, loaded once per screen that needs it (role pickers, the Roles page).
import { api } from '../../api/client.ts';
import { useQuery } from '../../ui/use-query.ts';
import type { RoleInfo } from './identity-types.ts';

export function useRoles() {
  return useQuery('roles', (signal) =>
    api.get<{ roles: RoleInfo[] }>('/api/v1/roles', undefined, { signal }).then((r) => r.roles),
  );
}

/** Roles the user may grant: at or below their own level. */
export function grantableRoles(roles: RoleInfo[] | undefined, ownRole: string | undefined): RoleInfo[] {
  if (!roles) return [];
  const own = roles.find((r) => r.name === ownRole)?.level ?? 0;
  return roles.filter((r) => r.level <= own);
}
