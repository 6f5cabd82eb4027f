// The frame around every screen: skip link, header (name, account, sign out), navigation built from the module
// list (a menu button on a phone), and the main region that receives focus when the page changes.
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.tsx';
import { moduleScreens } from '../modules/index.ts';
import { UnsentReportsIndicator } from '../modules/reports/citizen/unsent-reports.tsx';
import { Button } from '../ui/button.tsx';
import { displayName } from '../ui/format.ts';
import { visibleGroups } from './nav-items.ts';

export function Layout() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Tell keyboard and screen-reader users the page changed: move focus to its heading.
    const frame = requestAnimationFrame(() => {
      const heading = mainRef.current?.querySelector<HTMLElement>('h1');
      (heading ?? mainRef.current)?.focus({ preventScroll: false });
    });
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);

  const signOut = async () => {
    await auth.signOut();
    navigate('/login');
  };

  const groups = visibleGroups(moduleScreens, auth);
  const signedIn = auth.status === 'signed_in' && auth.user;
  const showNav = signedIn || groups.length > 0;

  const account = signedIn ? (
    <>
      <Link to="/account" className="account-link">
        {displayName(auth.user!)}
      </Link>
      <Button variant="secondary" onClick={signOut}>
        Sign out
      </Button>
    </>
  ) : auth.status === 'signed_out' && !location.pathname.startsWith('/login') ? (
    <Link to="/login" className="btn btn-primary">
      Sign in
    </Link>
  ) : null;

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          Caucus
        </Link>
        {showNav && (
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {menuOpen ? 'Close menu' : 'Menu'}
          </button>
        )}
        <div className="header-account">{account}</div>
      </header>
      <UnsentReportsIndicator />
      <div className={showNav ? 'app-body' : 'app-body app-body-plain'}>
        {showNav && (
          <nav id="app-nav" aria-label="Main" className={menuOpen ? 'app-nav app-nav-open' : 'app-nav'}>
            {signedIn && (
              <ul>
                <li>
                  <NavLink to="/" end>
                    Home
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">My account</NavLink>
                </li>
              </ul>
            )}
            {groups.map((g) => (
              <div key={g.name} className="nav-group">
                <h2 className="nav-group-title">{g.name}</h2>
                <ul>
                  {g.items.map((item) => (
                    <li key={item.path}>
                      <NavLink to={item.path}>{item.label}</NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <div className="nav-account">{account}</div>
          </nav>
        )}
        <main id="main" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
