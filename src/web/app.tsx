// Every route: module screens inside the frame; signed-in routes behind one sign-in check.
import { Fragment } from 'react';
import { Link, Outlet, Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/require-permission.tsx';
import { Home } from './home.tsx';
import { Layout } from './layout/layout.tsx';
import { moduleScreens } from './modules/index.ts';
import { EmptyState } from './ui/empty-state.tsx';
import { Page } from './ui/page.tsx';

function NotFound() {
  return (
    <Page title="Page not found">
      <EmptyState title="There is no page at this address." action={<Link to="/">Go to the home page</Link>} />
    </Page>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {moduleScreens.map((m) => (
          <Fragment key={`public-${m.name}`}>{m.publicRoutes}</Fragment>
        ))}
        <Route
          element={
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route index element={<Home />} />
          {moduleScreens.map((m) => (
            <Fragment key={m.name}>{m.routes}</Fragment>
          ))}
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
