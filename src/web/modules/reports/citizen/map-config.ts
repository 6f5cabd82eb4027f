// Map settings, set when the web app is built (Vite env): the tile server and where maps open. With no tile
// server reachable (offline, a closed network) the maps still work: markers and the pin need no tiles.
import L from 'leaflet';

const env: Record<string, string | undefined> =
  (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env ?? {};

/**
 * VITE_MAP_TILE_URL, e.g. https://tiles.example.org/{z}/{x}/{y}.png; OpenStreetMap by default. Another host must
 * also be allowed by the server's Content-Security-Policy img-src (src/app.ts allows *.tile.openstreetmap.org).
 */
export const tileUrl = env.VITE_MAP_TILE_URL || 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';
export const tileAttribution =
  env.VITE_MAP_TILE_ATTRIBUTION ||
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** VITE_MAP_CENTER="lat,lon": where maps open before a pin is placed (Ranchi, CiviLens' city, by default). */
export const defaultCenter = (() => {
  const [lat, lng] = (env.VITE_MAP_CENTER ?? '').split(',').map(Number);
  return Number.isFinite(lat) && Number.isFinite(lng) && env.VITE_MAP_CENTER
    ? { lat, lng }
    : { lat: 23.3441, lng: 85.3096 };
})();

// An inline SVG pin: Leaflet's default marker images break under a bundler (their URLs are guessed from the
// CSS path), and an inline icon needs no extra request when offline.
const pinSvg = (fill: string) =>
  `<svg viewBox="0 0 24 36" width="24" height="36" aria-hidden="true" focusable="false"><path d="M12 1C5.9 1 1 5.9 1 12c0 8.3 11 23 11 23s11-14.7 11-23C23 5.9 18.1 1 12 1z" fill="${fill}" stroke="#fff" stroke-width="2"/><circle cx="12" cy="12" r="4.5" fill="#fff"/></svg>`;

export const pinIcon = L.divIcon({
  className: 'map-pin',
  html: pinSvg('#1c4fd6'),
  iconSize: [24, 36],
  iconAnchor: [12, 35],
  popupAnchor: [0, -30],
});

/** Marker colours of the public map: open, in progress, done, closed without a fix. */
export function statusColour(status: string): string {
  if (['resolved', 'closed'].includes(status)) return '#146c2e';
  if (['rejected', 'duplicate'].includes(status)) return '#4a5260';
  if (['acknowledged', 'in_progress', 'pending_verification', 'reopened'].includes(status)) return '#8a5300';
  return '#b42318';
}
