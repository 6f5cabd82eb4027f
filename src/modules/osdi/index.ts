// interop (OSDI 1.2): the Open Supporter Data Interface at /osdi/v1/ as a view over the voters module — people,
// tags and taggings, lists and items, questions and answers, the person signup and record canvass helpers.
// HAL+JSON, OSDI's own error shape, API keys of scope 'osdi'. Conformance notes: CHECKLIST.md.
import type { Module } from '../module.ts';
import { aepRoutes } from './aep.routes.ts';
import { halContentType } from './hal.ts';
import { listsRoutes } from './lists.routes.ts';
import { osdiAuth } from './osdi-auth.ts';
import './osdi-context.ts';
import { installOsdiErrors, OsdiError, sendOsdiError } from './osdi-errors.ts';
import { peopleRoutes } from './people.routes.ts';
import { questionsRoutes } from './questions.routes.ts';
import { tagsRoutes } from './tags.routes.ts';

export const osdiModule: Module = {
  name: 'interop',
  routes: async (app, deps) => {
    await app.register(
      async (scope) => {
        installOsdiErrors(scope);
        // Collections Caucus does not serve (petitions, events, ...) are not advertised and answer an OSDI 404.
        scope.setNotFoundHandler((request, reply) =>
          sendOsdiError(
            request,
            reply,
            new OsdiError(404, 'osdi:request', [
              {
                error_code: 'NOT_FOUND',
                description: `No OSDI resource at ${request.method} ${request.url.split('?')[0]}`,
              },
            ]),
          ),
        );
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
