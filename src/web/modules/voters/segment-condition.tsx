// One condition of the segment builder: its type, then the inputs that type needs.
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/form-field.tsx';
import { SegmentIdPicker, SegmentQuestionPicker } from './segment-id-picker.tsx';
import { allFields, blankCondition, booleanFields, type Condition, dateFields, numberFields } from './segment-tree.ts';

const TYPES = [
  { value: 'field', label: 'Voter field' },
  { value: 'tag', label: 'Has tag' },
  { value: 'list', label: 'On list' },
  { value: 'campaign', label: 'In campaign' },
  { value: 'interaction', label: 'Interactions' },
  { value: 'survey', label: 'Survey answer' },
  { value: 'within_radius', label: 'Within distance of a point' },
  { value: 'within_polygon', label: 'Inside an area (GeoJSON)' },
];
const OPS = [
  'eq',
  'neq',
  'in',
  'not_in',
  'prefix',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'is_null',
  'is_not_null',
];
const OP_LABELS: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  not_in: 'is none of',
  prefix: 'starts with',
  contains: 'contains',
  gt: 'greater than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  between: 'between',
  is_null: 'is empty',
  is_not_null: 'is filled',
};
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function typedValue(field: string, raw: string): unknown {
  if (numberFields.has(field) || (field.startsWith('custom_fields.') && /^-?\d+(\.\d+)?$/.test(raw)))
    return Number(raw);
  if (booleanFields.has(field)) return raw === 'true';
  return raw;
}

export function SegmentCondition({ condition, onChange }: { condition: Condition; onChange(c: Condition): void }) {
  const c = condition as Record<string, any>;
  const set = (patch: Record<string, unknown>) => onChange({ ...condition, ...patch } as Condition);
  const drop = (key: string, value: unknown) => {
    const copy: Record<string, unknown> = { ...condition };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete copy[key];
    else copy[key] = value;
    onChange(copy as Condition);
  };
  return (
    <div className="row">
      <SelectField
        label="Condition"
        value={c.type}
        onChange={(e) => onChange(blankCondition(e.target.value))}
        options={TYPES}
      />
      {c.type === 'field' && (
        <>
          <TextField
            label="Field"
            list="segment-fields"
            value={c.field}
            onChange={(e) => set({ field: e.target.value })}
            hint="A voter field, or custom_fields.key"
            maxLength={200}
          />
          <datalist id="segment-fields">
            {allFields.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
          <SelectField
            label="Test"
            value={c.op}
            onChange={(e) => set({ op: e.target.value })}
            options={OPS.map((o) => ({ value: o, label: OP_LABELS[o] }))}
          />
          {['in', 'not_in', 'between'].includes(c.op) ? (
            <TextField
              label={c.op === 'between' ? 'From, to' : 'Values (comma-separated)'}
              defaultValue={(c.values ?? []).join(', ')}
              onChange={(e) => {
                const copy = {
                  ...condition,
                  values: list(e.target.value).map((v) => typedValue(c.field, v)),
                } as Record<string, unknown>;
                delete copy.value;
                onChange(copy as Condition);
              }}
            />
          ) : !['is_null', 'is_not_null'].includes(c.op) ? (
            <TextField
              label="Value"
              type={dateFields.has(c.field) ? 'date' : 'text'}
              value={String(c.value ?? '')}
              onChange={(e) => {
                const copy = { ...condition, value: typedValue(c.field, e.target.value) } as Record<string, unknown>;
                delete copy.values;
                onChange(copy as Condition);
              }}
            />
          ) : null}
        </>
      )}
      {['tag', 'list', 'campaign'].includes(c.type) && (
        <>
          <SegmentIdPicker kind={c.type} ids={c.ids ?? []} onChange={(picked) => set({ ids: picked })} />
          <CheckboxField
            label="Must have all of them"
            checked={c.match === 'all'}
            onChange={(e) => drop('match', e.target.checked ? 'all' : undefined)}
          />
        </>
      )}
      {c.type === 'interaction' && (
        <>
          <TextField
            label="Types"
            hint="e.g. Door Knock, Phone Call"
            defaultValue={(c.interaction_types ?? []).join(', ')}
            onChange={(e) => drop('interaction_types', list(e.target.value))}
          />
          <TextField
            label="Outcomes"
            defaultValue={(c.outcomes ?? []).join(', ')}
            onChange={(e) => drop('outcomes', list(e.target.value))}
          />
          <TextField label="From" type="date" value={c.from ?? ''} onChange={(e) => drop('from', e.target.value)} />
          <TextField label="To" type="date" value={c.to ?? ''} onChange={(e) => drop('to', e.target.value)} />
          <TextField
            label="At least (times)"
            type="number"
            min={0}
            value={c.min_count ?? ''}
            onChange={(e) => drop('min_count', e.target.value === '' ? undefined : Number(e.target.value))}
          />
          <TextField
            label="At most (times)"
            type="number"
            min={0}
            value={c.max_count ?? ''}
            onChange={(e) => drop('max_count', e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </>
      )}
      {c.type === 'survey' && (
        <>
          <SegmentQuestionPicker value={c.question_id} onChange={(question_id) => set({ question_id })} />
          <TextField
            label="Answers (comma-separated; empty: any)"
            defaultValue={(c.values ?? []).join(', ')}
            onChange={(e) => drop('values', list(e.target.value))}
          />
        </>
      )}
      {c.type === 'within_radius' && (
        <>
          <TextField
            label="Latitude"
            type="number"
            step="any"
            value={c.latitude}
            onChange={(e) => set({ latitude: Number(e.target.value) })}
          />
          <TextField
            label="Longitude"
            type="number"
            step="any"
            value={c.longitude}
            onChange={(e) => set({ longitude: Number(e.target.value) })}
          />
          <TextField
            label="Meters"
            type="number"
            min={1}
            value={c.meters}
            onChange={(e) => set({ meters: Number(e.target.value) })}
          />
        </>
      )}
      {c.type === 'within_polygon' && (
        <TextAreaField
          label="GeoJSON Polygon or MultiPolygon"
          rows={4}
          defaultValue={JSON.stringify(c.geojson)}
          onChange={(e) => {
            try {
              set({ geojson: JSON.parse(e.target.value) });
            } catch {
              // keep the last valid shape while the text is being typed
            }
          }}
        />
      )}
    </div>
  );
}
