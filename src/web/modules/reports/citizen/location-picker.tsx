// Where the issue is: click the map to drop the pin, drag it to adjust, use the device's location, or type the
// coordinates (the keyboard way). The chosen latitude and longitude are always shown.
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import type { Marker as LeafletMarker } from 'leaflet';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { Button } from '../../../ui/button.tsx';
import { FormField } from '../../../ui/form-field.tsx';
import { BaseMap, type LatLng } from './base-map.tsx';
import { defaultCenter, pinIcon } from './map-config.ts';

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const valid = (p: LatLng) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

function ClickToPlace({ onPick }: { onPick(p: LatLng): void }) {
  useMapEvents({ click: (e) => onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }) });
  return null;
}

/** Moves the map to `target` when it changes (the device's location, typed coordinates), not on clicks. */
function FlyTo({ target }: { target: LatLng | null }) {
  const map = useMap();
  useEffect(() => {
    // No animation: a report is often saved (and the map unmounted) within the zoom animation, which then
    // throws inside Leaflet ("_leaflet_pos" of a removed pane).
    if (target) map.setView(target, Math.max(map.getZoom(), 16), { animate: false });
  }, [map, target]);
  return null;
}

function Pin({ position, onMove }: { position: LatLng; onMove(p: LatLng): void }) {
  const events = useMemo(
    () => ({
      dragend: (e: { target: LeafletMarker }) => {
        const p = e.target.getLatLng();
        onMove({ lat: round(p.lat), lng: round(p.lng) });
      },
    }),
    [onMove],
  );
  return <Marker position={position} draggable icon={pinIcon} title="Report location" eventHandlers={events} />;
}

export function LocationPicker({
  value,
  onChange,
  error,
}: {
  value: LatLng | null;
  onChange(p: LatLng): void;
  error?: string | null;
}) {
  const [flyTarget, setFlyTarget] = useState<LatLng | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string | null>(null);
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const moveTo = (p: LatLng) => {
    onChange(p);
    setFlyTarget(p);
  };

  const locate = () => {
    setLocating(true);
    setLocateError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        moveTo({ lat: round(position.coords.latitude), lng: round(position.coords.longitude) });
      },
      (err) => {
        setLocating(false);
        setLocateError(
          err.code === err.PERMISSION_DENIED
            ? 'Location access was refused. Click the map to place the pin instead.'
            : 'Your location is not available right now. Click the map to place the pin instead.',
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  // Typed coordinates apply when the field is left or Enter is pressed, so typing "23." does not move the pin.
  const commit = (field: 'lat' | 'lng', text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return;
    const next = { lat: value?.lat ?? defaultCenter.lat, lng: value?.lng ?? defaultCenter.lng, [field]: round(n) };
    if (valid(next) && (next.lat !== value?.lat || next.lng !== value?.lng)) moveTo(next);
  };
  const onKey = (field: 'lat' | 'lng') => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(field, e.currentTarget.value);
    }
  };
  const coordKey = value ? `${value.lat},${value.lng}` : 'none';

  return (
    <fieldset className="location-picker">
      <legend>
        Location <span className="required-mark">(required)</span>
      </legend>
      <p className="field-hint">Click the map where the issue is, then drag the pin to adjust it.</p>
      <BaseMap label="Map: where is the issue?" center={value ?? defaultCenter} zoom={value ? 16 : 13}>
        <ClickToPlace onPick={onChange} />
        <FlyTo target={flyTarget} />
        {value && <Pin position={value} onMove={onChange} />}
      </BaseMap>
      <div className="location-row">
        {canLocate && (
          <Button onClick={locate} busy={locating}>
            Use my location
          </Button>
        )}
        <p className="location-status" aria-live="polite">
          {value ? `Pin at ${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}` : 'No pin yet'}
        </p>
      </div>
      {locateError && <p className="field-error">{locateError}</p>}
      {error && <p className="field-error">{error}</p>}
      <div className="form-grid coordinates" key={coordKey}>
        <FormField label="Latitude">
          <input
            type="number"
            step="any"
            min={-90}
            max={90}
            defaultValue={value?.lat ?? ''}
            onBlur={(e) => commit('lat', e.currentTarget.value)}
            onKeyDown={onKey('lat')}
          />
        </FormField>
        <FormField label="Longitude">
          <input
            type="number"
            step="any"
            min={-180}
            max={180}
            defaultValue={value?.lng ?? ''}
            onBlur={(e) => commit('lng', e.currentTarget.value)}
            onKeyDown={onKey('lng')}
          />
        </FormField>
      </div>
    </fieldset>
  );
}
