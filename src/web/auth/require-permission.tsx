// Guards for routes: sign-in required, and optionally a permission. Signed-out visitors go to /login?next=…
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { EmptyState } from '../ui/empty-state.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { useAuth } from './auth-context.tsx';

export function RequirePermission({
  permission,
  children,
}: {
  /** One permission, or a list that must all be held. Leave out to require only a signed-in user. */
  permission?: string | string[];
  children: ReactNode;
}) {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <Spinner label="Loading your account" />;
  if (auth.status === 'signed_out') {
    if (auth.signedOutByUser) return <Navigate to="/login" replace />;
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (permission && !auth.can(permission)) {
    return (
      <EmptyState title="Not available to your role">
        Your role ({auth.user?.role}) does not allow this page. Ask an administrator if you need it.
      </EmptyState>
    );
  }
  return <>{children}</>;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  return <RequirePermission>{children}</RequirePermission>;
}
