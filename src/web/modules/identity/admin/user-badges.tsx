// Active / inactive / locked / 2FA badges for a user.
import type { User } from '../../../api/types.ts';

export function isLocked(user: Pick<User, 'locked_until'>): boolean {
  return !!user.locked_until && new Date(user.locked_until).getTime() > Date.now();
}

export function UserStatus({ user }: { user: User }) {
  return (
    <span className="row">
      {user.is_active ? (
        <span className="badge badge-success">active</span>
      ) : (
        <span className="badge badge-danger">inactive</span>
      )}
      {isLocked(user) && <span className="badge badge-warning">locked</span>}
      {user.two_fa_enabled && <span className="badge">2FA</span>}
    </span>
  );
}
