// The import screens' routes and navigation, added to the voters module's screens.
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequirePermission } from '../../../auth/require-permission.tsx';
import type { NavItem } from '../../types.ts';
import { ImportDetailPage } from './import-detail-page.tsx';
import { ImportWizardPage } from './import-wizard-page.tsx';
import { ImportsPage } from './imports-page.tsx';

export const importNav: NavItem[] = [{ label: 'Imports', path: '/voters/imports', permission: 'voters:import' }];

const guard = (element: ReactNode) => <RequirePermission permission="voters:import">{element}</RequirePermission>;

export const importRoutes = (
  <>
    <Route path="/voters/imports" element={guard(<ImportsPage />)} />
    <Route path="/voters/imports/new" element={guard(<ImportWizardPage />)} />
    <Route path="/voters/imports/:id" element={guard(<ImportDetailPage />)} />
  </>
);
