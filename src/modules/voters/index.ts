// voters (Cerberus): the central person registry. Campaigns, voters, campaign membership, the interaction
// timeline every module writes to, surveys, tags, lists, segments and public signups. Other modules match
// people through findOrCreatePerson() and log touches through logInteraction().
import type { App, AppDeps, Module } from '../module.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { duplicatesRoutes, votersDuplicateJobs } from './duplicates/index.ts';
import { votersImportJobs, votersImportRoutes } from './import/index.ts';
import { interactionsRoutes } from './interactions.routes.ts';
import { signupsRoutes } from './signups.routes.ts';
import { surveysRoutes } from './surveys.routes.ts';
import { segmentsRoutes } from './segments/segments.routes.ts';
import { listsRoutes, tagsRoutes } from './tags-lists.routes.ts';
import { votersRoutes } from './voters.routes.ts';

export { logInteraction, recomputeEngagement } from './interactions.service.ts';
export type { InteractionInput, InteractionRow } from './interactions.service.ts';
export { findOrCreatePerson, findPerson, normalizeEmail, normalizePhone } from './person-match.ts';
export type { PersonInput } from './person-match.ts';
export type { VoterRow } from './voters.queries.ts';

/** Each sub-domain's routes; other voters helpers add theirs here with one line. */
const routeGroups: Array<(app: App, deps: AppDeps) => Promise<void> | void> = [
  campaignsRoutes,
  votersRoutes,
  signupsRoutes,
  interactionsRoutes,
  surveysRoutes,
  tagsRoutes,
  listsRoutes,
  segmentsRoutes,
  votersImportRoutes,
  duplicatesRoutes,
];

export const votersModule: Module = {
  name: 'voters',
  routes: async (app, deps) => {
    for (const register of routeGroups) await register(app, deps);
  },
  jobs: [...votersImportJobs, ...votersDuplicateJobs],
};
