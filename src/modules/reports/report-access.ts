// The one visibility check report services call before reading or acting: invisible reports answer 404.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound, unauthenticated } from '../../http/errors.ts';
import { visibleReportIds } from './report-visibility.ts';

export async function assertVisible(db: Db, actor: Actor | null, ids: number[], mode: 'read' | 'act'): Promise<Actor> {
  if (!actor) throw unauthenticated();
  const visible = await visibleReportIds(db, actor, ids, mode);
  const missing = ids.find((id) => !visible.has(id));
  if (missing !== undefined) throw notFound('Report', missing);
  return actor;
}
