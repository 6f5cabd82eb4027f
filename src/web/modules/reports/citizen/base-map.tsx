// A Leaflet map with the configured tiles. Tiles that fail to load (offline) only add a note: the map, its
// markers and the pin keep working.
import 'leaflet/dist/leaflet.css';
import './citizen.css';
import { type ReactNode, useMemo, useState } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { tileAttribution, tileUrl } from './map-config.ts';

export interface LatLng {
  lat: number;
  lng: number;
}

export function BaseMap({
  label,
  center,
  zoom = 13,
  children,
}: {
  /** Names the map region for screen readers, e.g. "Map: where is the issue?". */
  label: string;
  center: LatLng;
  zoom?: number;
  children?: ReactNode;
}) {
  const [tilesFailed, setTilesFailed] = useState(false);
  const tileEvents = useMemo(() => ({ tileerror: () => setTilesFailed(true) }), []);
  return (
    <div className="citizen-map-wrap">
      <section className="citizen-map" aria-label={label}>
        <MapContainer center={center} zoom={zoom} scrollWheelZoom={false} className="citizen-map-canvas">
          <TileLayer url={tileUrl} attribution={tileAttribution} eventHandlers={tileEvents} />
          {children}
        </MapContainer>
      </section>
      {tilesFailed && (
        <p className="field-hint" role="status">
          The map background could not be loaded (no connection to the map server). The markers and the pin still work.
        </p>
      )}
    </div>
  );
}
