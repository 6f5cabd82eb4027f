// Identity screens: sign-in and account pages for everyone; users, roles, audit log, API keys and outbox for staff.
import { Route } from 'react-router-dom';
import { RequirePermission } from '../../auth/require-permission.tsx';
import type { ModuleScreens } from '../types.ts';
import { AccountPage } from './account/account-page.tsx';
import { ApiKeysPage } from './admin/api-keys-page.tsx';
import { AuditLogPage } from './admin/audit-log-page.tsx';
import { OutboxPage } from './admin/outbox-page.tsx';
import { RolesPage } from './admin/roles-page.tsx';
import { UserPage } from './admin/user-page.tsx';
import { UsersPage } from './admin/users-page.tsx';
import { ForgotPasswordPage } from './password/forgot-password-page.tsx';
import { ResetPasswordPage } from './password/reset-password-page.tsx';
import { VerifyEmailPage } from './password/verify-email-page.tsx';
import { SignInPage } from './sign-in/sign-in-page.tsx';

export const identityScreens: ModuleScreens = {
  name: 'Administration',
  description: 'People, roles, sign-in security and the audit trail.',
  nav: [
    { label: 'Users', path: '/admin/users', permission: 'users:read' },
    { label: 'Roles', path: '/admin/roles', permission: 'users:read' },
    { label: 'Audit log', path: '/admin/audit-log', permission: 'audit:read' },
    { label: 'API keys', path: '/admin/api-keys', permission: 'api_keys:manage' },
    { label: 'Mail outbox', path: '/admin/outbox', permission: 'outbox:read' },
  ],
  routes: (
    <>
      <Route path="/account" element={<AccountPage />} />
      <Route
        path="/admin/users"
        element={
          <RequirePermission permission="users:read">
            <UsersPage />
          </RequirePermission>
        }
      />
      <Route
        path="/admin/users/:id"
        element={
          <RequirePermission permission="users:read">
            <UserPage />
          </RequirePermission>
        }
      />
      <Route path="/admin/roles" element={<RolesPage />} />
      <Route
        path="/admin/audit-log"
        element={
          <RequirePermission permission="audit:read">
            <AuditLogPage />
          </RequirePermission>
        }
      />
      <Route
        path="/admin/api-keys"
        element={
          <RequirePermission permission="api_keys:manage">
            <ApiKeysPage />
          </RequirePermission>
        }
      />
      <Route
        path="/admin/outbox"
        element={
          <RequirePermission permission="outbox:read">
            <OutboxPage />
          </RequirePermission>
        }
      />
    </>
  ),
  publicRoutes: (
    <>
      <Route path="/login" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
    </>
  ),
};
