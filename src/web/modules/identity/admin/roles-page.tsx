// /admin/roles: every role, its level, the seed it comes from and its permissions.
import { useAuth } from '../../../auth/auth-context.tsx';
import { ErrorAlert } from '../../../ui/alert.tsx';
import { Page } from '../../../ui/page.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { roleLabel } from '../identity-types.ts';
import { useRoles } from '../use-roles.ts';

export function RolesPage() {
  const roles = useRoles();
  const { user } = useAuth();
  return (
    <Page title="Roles" intro={<p>Levels run from 1 to 7; a user may grant only roles at or below their own level.</p>}>
      <ErrorAlert error={roles.error} />
      {roles.loading && <Spinner label="Loading roles" />}
      <div className="module-grid">
        {(roles.data ?? []).map((r) => (
          <section key={r.name} className="card" aria-labelledby={`role-${r.name}`}>
            <h2 id={`role-${r.name}`}>
              {roleLabel(r.name)} {r.name === user?.role && <span className="badge badge-success">your role</span>}
            </h2>
            <p className="muted">
              Level {r.level} · {r.seed}
            </p>
            {r.description && <p>{r.description}</p>}
            <details>
              <summary>{r.permissions.length} permissions</summary>
              <ul className="permission-list">
                {r.permissions.map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            </details>
          </section>
        ))}
      </div>
    </Page>
  );
}
