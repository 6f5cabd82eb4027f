// The duplicate review screens' routes and navigation, added to the voters module's screens.
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequirePermission } from '../../../auth/require-permission.tsx';
import type { NavItem } from '../../types.ts';
import { DuplicateReviewPage } from './duplicate-review-page.tsx';
import { DuplicatesPage } from './duplicates-page.tsx';

export const duplicatesNav: NavItem[] = [
  { label: 'Duplicates', path: '/voters/duplicates', permission: 'voters:merge' },
];

const guard = (element: ReactNode) => <RequirePermission permission="voters:merge">{element}</RequirePermission>;

export const duplicatesRoutes = (
  <>
    <Route path="/voters/duplicates" element={guard(<DuplicatesPage />)} />
    <Route path="/voters/duplicates/:id" element={guard(<DuplicateReviewPage />)} />
  </>
);
