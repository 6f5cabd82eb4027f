// interop (OSDI 1.2): the Open Supporter Data Interface at /osdi/v1/ as a view over the voters module — people,
// tags and taggings, lists and items, questions and answers, the person signup and record canvass helpers.
// HAL+JSON, OSDI's own error shape, API keys of scope 'osdi'. Conformance notes: CHECKLIST.md.
import type { Module } from '../module.ts';
import { aepRoutes } from './aep.routes.ts';
import { halContentType } from './hal.ts';
import { listsRoutes } from './lists.routes.ts';
import { osdiAuth } from './osdi-auth.ts';
import './osdi-context.ts';
import { installOsdiErrors } from './osdi-errors.ts';
import { peopleRoutes } from './people.routes.ts';
import { questionsRoutes } from './questions.routes.ts';
import { tagsRoutes } from './tags.routes.ts';

export const osdiModule: Module = {
  name: 'interop',
  routes: async (app, deps) => {
    await app.register(
      async (scope) => {
        installOsdiErrors(scope);
        scope.decorateRequest('osdiKey', null);
        scope.addHook('onRequest', async (_request, reply) => {
          reply.header('content-type', halContentType);
          reply.header('cache-control', 'max-age=0, private, must-revalidate');
        });
        scope.addHook('preHandler', osdiAuth(deps.database.db));
        const osdi = scope as typeof app;
        aepRoutes(osdi, deps);
        peopleRoutes(osdi, deps);
        tagsRoutes(osdi, deps);
        listsRoutes(osdi, deps);
        questionsRoutes(osdi, deps);
      },
      // Filters carry emails and phone numbers in the URL: OSDI requests are not logged at info level.
      { prefix: '/osdi/v1', logLevel: 'warn' },
    );
  },
};
