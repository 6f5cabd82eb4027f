// Voters screens: the person registry (list, search, segments, profile), campaigns with membership and
// surveys, and the public signup form. The import and duplicate screens add their routes and nav here.
import type { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { RequirePermission } from '../../auth/require-permission.tsx';
import type { ModuleScreens } from '../types.ts';
import { CampaignPage } from './campaign-page.tsx';
import { CampaignsPage } from './campaigns-page.tsx';
import { duplicatesNav, duplicatesRoutes } from './duplicates/index.tsx';
import { importNav, importRoutes } from './import/index.tsx';
import { SegmentBuilderPage } from './segment-builder-page.tsx';
import { SegmentsPage } from './segments-page.tsx';
import { SignupPage } from './signup-page.tsx';
import { VoterPage } from './voter-page.tsx';
import { VotersPage } from './voters-page.tsx';

const guard = (permission: string, element: ReactElement) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const votersScreens: ModuleScreens = {
  name: 'Voters',
  description: 'The person registry: voters, campaigns, surveys, segments and signups.',
  nav: [
    { label: 'Voters', path: '/voters', permission: 'voters:read' },
    { label: 'Segments', path: '/voters/segments', permission: 'segments:read' },
    { label: 'Campaigns', path: '/campaigns', permission: 'campaigns:read' },
    ...importNav,
    ...duplicatesNav,
  ],
  routes: (
    <>
      <Route path="/voters" element={guard('voters:read', <VotersPage />)} />
      <Route path="/voters/segments" element={guard('segments:read', <SegmentsPage />)} />
      <Route path="/voters/segments/new" element={guard('segments:read', <SegmentBuilderPage />)} />
      <Route path="/voters/segments/:id" element={guard('segments:read', <SegmentBuilderPage />)} />
      <Route path="/voters/:id" element={guard('voters:read', <VoterPage />)} />
      <Route path="/campaigns" element={guard('campaigns:read', <CampaignsPage />)} />
      <Route path="/campaigns/:id" element={guard('campaigns:read', <CampaignPage />)} />
      {importRoutes}
      {duplicatesRoutes}
    </>
  ),
  publicRoutes: (
    <>
      <Route path="/signup/:campaignId" element={<SignupPage />} />
    </>
  ),
};
