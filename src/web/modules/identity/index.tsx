// Identity screens: sign-in and account pages for everyone; users, roles, audit log, API keys and outbox for staff.
import { Route } from 'react-router-dom';
import type { ModuleScreens } from '../types.ts';
import { SignInPage } from './sign-in/sign-in-page.tsx';

export const identityScreens: ModuleScreens = {
  name: 'Administration',
  description: 'People, roles, sign-in security and the audit trail.',
  nav: [],
  routes: <></>,
  publicRoutes: (
    <>
      <Route path="/login" element={<SignInPage />} />
    </>
  ),
};
