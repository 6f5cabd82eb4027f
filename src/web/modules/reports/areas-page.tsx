// /reports/areas: the districts, wards, circles, radii and polygons each moderator or officer is responsible for.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { Page } from '../../ui/page.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useAction, useQuery } from '../../ui/use-query.ts';
import { label } from './reports-types.ts';

interface Area {
  id: number;
  user_id: number;
  user_name: string | null;
  user_role: string;
  area_type: string;
  area_name: string;
  area_data: Record<string, unknown>;
  is_active: boolean;
}

const types = ['district', 'ward', 'circle', 'radius', 'polygon'];

interface StaffUser {
  id: number;
  full_name: string | null;
  username: string | null;
  role: string;
}

/** Areas go to moderators and nodal officers: a picker of both, by name. */
function StaffSelect() {
  const staff = useQuery(['area-staff'], async (signal) => {
    const lists = await Promise.all(
      ['moderator', 'nodal_officer'].map((role) =>
        api.get<{ users: StaffUser[] }>('/api/v1/users', { role, is_active: true, per_page: 200 }, { signal }),
      ),
    );
    return lists.flatMap((l) => l.users);
  });
  return (
    <SelectField
      label="Staff member"
      name="user_id"
      required
      options={[
        { value: '', label: staff.data?.length ? 'Choose a moderator or officer' : 'No moderators or officers' },
        ...(staff.data ?? []).map((u) => ({
          value: String(u.id),
          label: `${u.full_name ?? u.username ?? `User ${u.id}`} (${label(u.role)})`,
        })),
      ]}
    />
  );
}

function describe(a: Area): string {
  const d = a.area_data;
  if (a.area_type === 'polygon') return `${(d.coordinates as unknown[] | undefined)?.length ?? 0} points`;
  if (a.area_type === 'circle' || a.area_type === 'radius')
    return `${d.radius_km} km around ${d.center_lat}, ${d.center_lon}`;
  return String(d.name ?? d.ward_number ?? a.area_name);
}

/** area_data in the original's shapes from the form fields. */
function areaData(type: string, form: FormData): Record<string, unknown> {
  const v = (n: string) => String(form.get(n) ?? '').trim();
  if (type === 'district' || type === 'ward') return { name: v('name') };
  if (type === 'polygon') {
    const coordinates = v('coordinates')
      .split(/\n|;/)
      .map((line) => line.split(',').map((x) => Number(x.trim())))
      .filter((p) => p.length === 2 && p.every(Number.isFinite));
    return { coordinates };
  }
  return {
    center_lat: Number(v('center_lat')),
    center_lon: Number(v('center_lon')),
    radius_km: Number(v('radius_km')),
  };
}

export function AreasPage() {
  const toast = useToast();
  const areas = useQuery(['areas'], (signal) =>
    api.get<{ areas: Area[] }>('/api/v1/reports/areas', undefined, { signal }),
  );
  const [creating, setCreating] = useState(false);
  const [type, setType] = useState('district');
  const create = useAction((body: Record<string, unknown>) => api.post('/api/v1/reports/areas', body));
  const toggle = useAction((a: Area) => api.put(`/api/v1/reports/areas/${a.id}`, { is_active: !a.is_active }));
  // A delete answers 204 with no body: resolve true so success is told apart from failure (undefined).
  const remove = useAction(async (a: Area) => {
    await api.del(`/api/v1/reports/areas/${a.id}`);
    return true;
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const done = await create.run({
      user_id: Number(form.get('user_id')),
      area_type: type,
      area_name: String(form.get('area_name') ?? '').trim(),
      area_data: areaData(type, form),
      notes: String(form.get('notes') ?? '').trim() || undefined,
    });
    if (done) {
      setCreating(false);
      toast.show('Area assigned');
      areas.reload();
    }
  };

  return (
    <Page
      title="Area assignments"
      intro="Moderators and officers see and act on reports inside their active areas only."
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          Assign an area
        </Button>
      }
    >
      <ErrorAlert error={toggle.error ?? remove.error} />
      <DataTable
        caption="Area assignments"
        captionHidden
        rows={areas.data?.areas}
        loading={areas.loading}
        error={areas.error}
        rowKey={(a) => a.id}
        emptyTitle="No areas assigned"
        columns={[
          {
            key: 'user',
            header: 'Staff member',
            render: (a) => `${a.user_name ?? `User ${a.user_id}`} (${label(a.user_role)})`,
          },
          { key: 'type', header: 'Type', render: (a) => label(a.area_type) },
          { key: 'name', header: 'Area', render: (a) => a.area_name },
          { key: 'shape', header: 'Shape', render: describe },
          { key: 'active', header: 'Active', render: (a) => (a.is_active ? 'Yes' : 'No') },
          {
            key: 'act',
            header: 'Actions',
            render: (a) => (
              <span className="button-row">
                <Button onClick={async () => (await toggle.run(a)) !== undefined && areas.reload()}>
                  {a.is_active ? 'Deactivate' : 'Activate'}
                </Button>
                <Button variant="danger" onClick={async () => (await remove.run(a)) !== undefined && areas.reload()}>
                  Remove
                </Button>
              </span>
            ),
          },
        ]}
      />
      <Dialog
        open={creating}
        title="Assign an area"
        onClose={() => setCreating(false)}
        footer={
          <Button variant="primary" type="submit" form="area-form" disabled={create.busy}>
            Assign
          </Button>
        }
      >
        <form id="area-form" className="form-grid" onSubmit={submit}>
          <ErrorAlert error={create.error} />
          <StaffSelect />
          <SelectField
            label="Type"
            name="area_type"
            value={type}
            onChange={(e) => setType(e.target.value)}
            options={types.map((t) => ({ value: t, label: label(t) }))}
          />
          <TextField label="Area name" name="area_name" required maxLength={255} />
          {(type === 'district' || type === 'ward') && (
            <TextField
              label={type === 'ward' ? 'Ward number or name' : 'District name'}
              name="name"
              required
              maxLength={255}
            />
          )}
          {(type === 'circle' || type === 'radius') && (
            <>
              <TextField
                label="Centre latitude"
                name="center_lat"
                type="number"
                step="any"
                min={-90}
                max={90}
                required
              />
              <TextField
                label="Centre longitude"
                name="center_lon"
                type="number"
                step="any"
                min={-180}
                max={180}
                required
              />
              <TextField label="Radius (km)" name="radius_km" type="number" step="any" min={0.01} max={500} required />
            </>
          )}
          {type === 'polygon' && (
            <TextAreaField label="Corners, one 'lat, lon' per line" name="coordinates" required rows={6} />
          )}
          <TextAreaField label="Notes" name="notes" maxLength={5000} />
        </form>
      </Dialog>
    </Page>
  );
}
