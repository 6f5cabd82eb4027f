// The discovery document (GET /open311/discovery.{json,xml}): where the GeoReport v2 endpoint is, which
// formats it speaks, whom to contact and where to ask for an api_key.
import type { Open311Settings } from './open311-settings.ts';

/** When this endpoint's behaviour last changed (discovery `changeset`): bump it when the API changes. */
export const changeset = '2026-11-22T00:00:00Z';
export const specification = 'http://wiki.open311.org/GeoReport_v2';

export interface DiscoveryDocument {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: {
    specification: string;
    url: string;
    changeset: string;
    type: 'production' | 'test';
    formats: string[];
  }[];
}

export function discoveryDocument(publicUrl: string, settings: Open311Settings): DiscoveryDocument {
  return {
    changeset,
    contact: settings.contact,
    key_service: settings.key_service,
    endpoints: [
      {
        specification,
        url: `${publicUrl}/open311/v2`,
        changeset,
        type: settings.endpoint_type,
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
