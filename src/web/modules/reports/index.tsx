// Reports screens (CiviLens): the staff queue, one report with its workflow actions, department workload,
// departments, area assignments and analytics. Citizen screens live in ./citizen/ and add their routes here.
import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequirePermission } from '../../auth/require-permission.tsx';
import type { ModuleScreens } from '../types.ts';
import { AnalyticsPage } from './analytics-page.tsx';
import { AreasPage } from './areas-page.tsx';
import { CitizenReportPage } from './citizen/citizen-report-page.tsx';
import { MyReportsPage } from './citizen/my-reports-page.tsx';
import { NotificationsPage } from './citizen/notifications-page.tsx';
import { PublicMapPage } from './citizen/public-map-page.tsx';
import { ReportFormPage } from './citizen/report-form-page.tsx';
import { DepartmentsPage } from './departments-page.tsx';
import { QueuePage } from './queue-page.tsx';
import { ReportPage } from './report-page.tsx';
import { WorkloadPage } from './workload-page.tsx';

const guard = (permission: string, element: ReactElement) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const reportsScreens: ModuleScreens = {
  name: 'Civic reports',
  description:
    'Civic issue reports: report an issue (also offline), follow your reports, the public map; the queue, workflow, departments, areas and service levels.',
  nav: [
    { label: 'Report an issue', path: '/reports/new', permission: 'reports:create' },
    { label: 'My reports', path: '/reports/mine', permission: 'reports:read_own' },
    { label: 'Notifications', path: '/notifications' },
    { label: 'Public issue map', path: '/reports/map', public: true },
    { label: 'Report queue', path: '/reports/queue', permission: 'reports:read' },
    { label: 'Workload', path: '/reports/workload', permission: 'departments:read' },
    { label: 'Departments', path: '/reports/departments', permission: 'departments:read' },
    { label: 'Areas', path: '/reports/areas', permission: 'areas:manage' },
    { label: 'Report analytics', path: '/reports/analytics', permission: 'analytics:read' },
  ],
  routes: (
    <>
      <Route path="/reports/new" element={guard('reports:create', <ReportFormPage />)} />
      <Route path="/reports/mine" element={guard('reports:read_own', <MyReportsPage />)} />
      <Route path="/reports/mine/:id" element={guard('reports:read_own', <CitizenReportPage />)} />
      <Route path="/notifications" element={<NotificationsPage />} />
      <Route path="/reports/queue" element={guard('reports:read', <QueuePage />)} />
      <Route path="/reports/workload" element={guard('departments:read', <WorkloadPage />)} />
      <Route path="/reports/departments" element={guard('departments:read', <DepartmentsPage />)} />
      <Route path="/reports/areas" element={guard('areas:manage', <AreasPage />)} />
      <Route path="/reports/analytics" element={guard('analytics:read', <AnalyticsPage />)} />
      <Route path="/reports/:id" element={<ReportPage />} />
    </>
  ),
  publicRoutes: (
    <>
      <Route path="/reports/map" element={<PublicMapPage />} />
    </>
  ),
};
