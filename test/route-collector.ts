// Sees every route an app registers: give a collector's onRoute to startTestApp (buildApp adds it as the first
// onRoute hook, so plugin routes are seen too), then read its table.
import type { RouteOptions } from 'fastify';

const methods = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

export function routeCollector() {
  const routes: RouteOptions[] = [];
  return {
    onRoute: (route: RouteOptions) => {
      routes.push(route);
    },
    /** The routes collected so far as "METHOD url" with their options, HEAD routes left out. */
    table: () =>
      routes.flatMap((route) =>
        methods(route)
          .filter((m) => m !== 'HEAD')
          .map((method) => ({ method: String(method), url: route.url, route })),
      ),
  };
}
