// The first page after sign-in: a greeting and a card per module with the links this user may open.
import { Link } from 'react-router-dom';
import { useAuth } from './auth/auth-context.tsx';
import { visibleGroups } from './layout/nav-items.ts';
import { moduleScreens } from './modules/index.ts';
import { Alert } from './ui/alert.tsx';
import { displayName } from './ui/format.ts';
import { Page } from './ui/page.tsx';

export function Home() {
  const auth = useAuth();
  const user = auth.user!;
  const groups = visibleGroups(moduleScreens, auth);
  return (
    <Page title={`Welcome, ${displayName(user)}`} intro={<p>You are signed in as {user.role.replace(/_/g, ' ')}.</p>}>
      {!user.two_fa_enabled && auth.can('users:write') && (
        <Alert kind="warning" title="Protect your account">
          <p>
            Administrators should turn on two-factor authentication. <Link to="/account#two-factor">Set it up</Link>.
          </p>
        </Alert>
      )}
      <div className="module-grid">
        {groups.map((g) => (
          <section key={g.name} className="card module-card" aria-labelledby={`home-${g.name}`}>
            <h2 id={`home-${g.name}`}>{g.name}</h2>
            {g.description && <p className="muted">{g.description}</p>}
            <ul className="link-list">
              {g.items.map((item) => (
                <li key={item.path}>
                  <Link to={item.path}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section className="card module-card" aria-labelledby="home-account">
          <h2 id="home-account">Your account</h2>
          <ul className="link-list">
            <li>
              <Link to="/account">Profile and password</Link>
            </li>
            <li>
              <Link to="/account#sessions">Where you are signed in</Link>
            </li>
            <li>
              <Link to="/account#two-factor">Two-factor authentication</Link>
            </li>
          </ul>
        </section>
      </div>
    </Page>
  );
}
