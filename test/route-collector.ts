// Sees every route the app registers: a test mocks 'fastify' with wrapFastify, so each instance buildApp
// creates gets an onRoute hook (added before any other) that records the route's options.
import type { RouteOptions } from 'fastify';

export const collectedRoutes: RouteOptions[] = [];

export function wrapFastify<M extends { default: (...args: any[]) => any }>(original: M): M {
  const create = original.default;
  const wrapped = Object.assign((...args: any[]) => {
    const app = create(...args);
    app.addHook('onRoute', (route: RouteOptions) => {
      collectedRoutes.push(route);
    });
    return app;
  }, create);
  return { ...original, default: wrapped, fastify: wrapped };
}

const methods = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

/** The routes collected so far as "METHOD url" with their options, HEAD routes left out. */
export function routeTable() {
  return collectedRoutes.flatMap((route) =>
    methods(route)
      .filter((m) => m !== 'HEAD')
      .map((method) => ({ method: String(method), url: route.url, route })),
  );
}
