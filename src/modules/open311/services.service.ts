// GET /services and GET /services/{code}: the public report categories as Open311 services.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../db/client.ts';
import { open311NotFound } from './open311-errors.ts';
import { type AttributeDefinition, readDefinitions } from './service-attributes.ts';

export interface ServiceRow {
  code: string;
  name: string;
  description: string | null;
  attributes: unknown;
  service_type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  service_group: string | null;
  sla_hours: number;
  department_name: string | null;
}

const serviceColumns = sql.raw(`c.code, c.name, c.description, c.attributes, c.service_type, c.keywords,
  c.service_group, c.sla_hours, d.name AS department_name`);

export function presentService(row: ServiceRow) {
  const attributes = readDefinitions(row.attributes);
  return {
    service_code: row.code,
    service_name: row.name,
    description: row.description ?? '',
    metadata: attributes.length > 0,
    type: row.service_type,
    keywords: row.keywords ?? '',
    group: row.service_group ?? row.department_name ?? '',
  };
}

export function presentDefinition(code: string, attributes: AttributeDefinition[]) {
  return {
    service_code: code,
    attributes: attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

export async function listServices(db: Db) {
  const found = await rows<ServiceRow>(
    db,
    sql`SELECT ${serviceColumns} FROM reports.categories c LEFT JOIN reports.departments d ON d.id = c.department_id
        WHERE c.is_public ORDER BY c.name, c.code`,
  );
  return found.map(presentService);
}

/** A public service by code; 404 (Open311) when there is none. */
export async function findService(db: Db, code: string): Promise<ServiceRow> {
  const row = await one<ServiceRow>(
    db,
    sql`SELECT ${serviceColumns} FROM reports.categories c LEFT JOIN reports.departments d ON d.id = c.department_id
        WHERE c.code = ${code} AND c.is_public`,
  );
  if (!row) throw open311NotFound(`service_code ${JSON.stringify(code)} not found`);
  return row;
}

export async function serviceDefinition(db: Db, code: string) {
  const row = await findService(db, code);
  return presentDefinition(row.code, readDefinitions(row.attributes));
}

/** service_notice: what the submitter may expect, from the category's SLA. */
export function serviceNotice(row: { name: string; sla_hours: number }): string {
  return `${row.name} requests are usually addressed within ${row.sla_hours} hours.`;
}
