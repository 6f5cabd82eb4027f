// What a module adds to the web app: its navigation links and its routes.
import type { ReactNode } from 'react';

export interface NavItem {
  label: string;
  path: string;
  /** Shown only to users holding this permission. */
  permission?: string;
  /** Shown to everyone, signed in or not (public pages such as a public issue map). */
  public?: boolean;
}

export interface ModuleScreens {
  /** The heading of the module's group in the navigation and on the home page, e.g. "Voters". */
  name: string;
  /** One line for the home page. */
  description?: string;
  nav: NavItem[];
  /**
   * <Route> elements (a fragment of them) for signed-in users. They render inside the app frame, behind a
   * sign-in check; wrap a route's element in <RequirePermission permission="…"> to require a permission.
   */
  routes: ReactNode;
  /** <Route> elements anyone may open without signing in (still inside the frame). */
  publicRoutes?: ReactNode;
}
