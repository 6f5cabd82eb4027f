// The OSDI API Entry Point: everything a client uses is discovered from here, helpers included.
import type { App, AppDeps } from '../module.ts';
import { curies, maxPageSize, namespace, osdiBase, osdiVersion } from './hal.ts';
import { halResponses, TokenQuery } from './osdi.schemas.ts';

export function aep(publicUrl: string) {
  const base = osdiBase(publicUrl);
  const link = (path: string, title: string) => ({ href: `${base.api}${path}`, title });
  return {
    motd: 'Welcome to the Caucus OSDI API Entry Point!',
    vendor_name: 'Caucus',
    product_name: 'Caucus',
    osdi_version: osdiVersion,
    max_pagesize: maxPageSize,
    namespace,
    _links: {
      curies: curies(base),
      self: link('/', 'This API entry point'),
      'osdi:people': link('/people', 'The collection of people in the system'),
      'osdi:tags': link('/tags', 'The collection of tags in the system'),
      'osdi:lists': link('/lists', 'The collection of lists in the system'),
      'osdi:questions': link('/questions', 'The collection of questions in the system'),
      'osdi:person_signup_helper': link('/people/person_signup_helper', 'The person signup helper for the system'),
      docs: { href: `${base.docs}/`, title: 'Documentation', name: 'Docs', index: 'index' },
    },
  };
}

export function aepRoutes(app: App, deps: AppDeps) {
  app.get(
    '/',
    {
      config: { access: 'api_key:osdi' },
      schema: { tags: ['osdi'], summary: 'OSDI API Entry Point', querystring: TokenQuery, response: halResponses },
    },
    async () => aep(deps.config.publicUrl),
  );
}
