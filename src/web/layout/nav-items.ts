// Which navigation links the current visitor sees.
import type { AuthValue } from '../auth/auth-context.tsx';
import type { ModuleScreens, NavItem } from '../modules/types.ts';

export function canSee(item: NavItem, auth: Pick<AuthValue, 'status' | 'can'>): boolean {
  if (item.public) return true;
  if (auth.status !== 'signed_in') return false;
  return item.permission ? auth.can(item.permission) : true;
}

/** Each module with the links this visitor may use; modules left with none are dropped. */
export function visibleGroups(modules: ModuleScreens[], auth: Pick<AuthValue, 'status' | 'can'>) {
  return modules
    .map((m) => ({ name: m.name, description: m.description, items: m.nav.filter((i) => canSee(i, auth)) }))
    .filter((g) => g.items.length > 0);
}
