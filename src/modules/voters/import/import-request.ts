// Reads the fields of an import request (multipart form fields or a JSON body) into createImport() input,
// answering 400 with the field named for anything malformed.
import { Value } from 'typebox/value';
import { badRequest, validationFailed } from '../../../http/errors.ts';
import { type ColumnMapping, ColumnMappingSchema } from './mapping.ts';

export interface ImportOptions {
  layout: 'nc' | 'csv';
  mapping: ColumnMapping | null;
  mappingId: number | null;
  campaignId: number | null;
  dryRun: boolean;
  batchSize?: number;
}

const int = (field: string, v: string, max = 2147483647) => {
  if (!/^\d{1,10}$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw validationFailed([{ field, message: `must be a whole number from 1 to ${max}` }]);
  }
  return Number(v);
};

export function parseMapping(value: unknown, field = 'mapping'): ColumnMapping {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw badRequest('invalid_mapping', `${field} is not valid JSON`);
    }
  }
  if (!Value.Check(ColumnMappingSchema, parsed)) {
    const first = [...Value.Errors(ColumnMappingSchema, parsed)][0] as any;
    const where = String(first?.instancePath ?? '')
      .replace(/^\//, '')
      .replace(/\//g, '.');
    throw validationFailed([{ field: where ? `${field}.${where}` : field, message: first?.message ?? 'is invalid' }]);
  }
  return parsed as ColumnMapping;
}

/** Multipart form fields (all strings). */
export function importOptionsFromFields(fields: Record<string, string>): ImportOptions {
  const known = new Set(['layout', 'mapping', 'mapping_id', 'campaign_id', 'dry_run', 'batch_size']);
  const unknown = Object.keys(fields).find((k) => !known.has(k));
  if (unknown) throw validationFailed([{ field: unknown, message: 'is not a field of an import' }]);
  const layout = fields.layout ?? 'nc';
  if (layout !== 'nc' && layout !== 'csv') throw validationFailed([{ field: 'layout', message: 'must be nc or csv' }]);
  const dry = fields.dry_run ?? 'false';
  if (!['true', 'false', '1', '0'].includes(dry))
    throw validationFailed([{ field: 'dry_run', message: 'must be true or false' }]);
  return {
    layout,
    mapping: fields.mapping ? parseMapping(fields.mapping) : null,
    mappingId: fields.mapping_id ? int('mapping_id', fields.mapping_id) : null,
    campaignId: fields.campaign_id ? int('campaign_id', fields.campaign_id) : null,
    dryRun: dry === 'true' || dry === '1',
    batchSize: fields.batch_size ? int('batch_size', fields.batch_size, 1_000_000) : undefined,
  };
}
