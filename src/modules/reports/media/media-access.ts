// Who may see and change a report's media: seeing follows the report (a public, non-sensitive report's media
// is public; otherwise report visibility decides); adding needs media:upload on a report the caller may act
// on; officer photos need tasks:work; deleting needs media:delete, or being the reporter deleting their own.
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../http/access.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../../http/errors.ts';
import { hasPermission } from '../../identity/role-catalogue.ts';
import { assertVisible } from '../report-access.ts';
import { type ReportAccessFacts, reportFacts } from './media.queries.ts';

export const uploadSources = ['citizen_submission', 'officer_before_photo', 'officer_after_photo'] as const;
export type UploadSource = (typeof uploadSources)[number];

export async function canSeeReportMedia(db: Db, actor: Actor | null, reportId: number): Promise<ReportAccessFacts> {
  const report = await reportFacts(db, reportId);
  if (!report) throw notFound('Report', reportId);
  if (report.is_public && !report.is_sensitive) return report;
  if (!actor) throw notFound('Report', reportId);
  await assertVisible(db, actor, [reportId], 'read');
  return report;
}

export async function assertCanUpload(db: Db, actor: Actor | null, reportId: number, source: UploadSource) {
  if (!actor) throw unauthenticated();
  if (!hasPermission(actor.role, 'media:upload'))
    throw forbidden(`Your role (${actor.role}) does not allow media:upload`);
  const report = await reportFacts(db, reportId);
  if (!report) throw notFound('Report', reportId);
  await assertVisible(db, actor, [reportId], 'act');
  if (source !== 'citizen_submission' && !hasPermission(actor.role, 'tasks:work')) {
    throw forbidden(`Only field officers may upload ${source}`);
  }
  return report;
}

export async function assertCanDelete(
  db: Db,
  actor: Actor | null,
  reportId: number,
  media: { upload_source: string | null; meta: Record<string, any> | null },
) {
  if (!actor) throw unauthenticated();
  const report = await reportFacts(db, reportId);
  if (!report) throw notFound('Report', reportId);
  if (hasPermission(actor.role, 'media:delete')) {
    await assertVisible(db, actor, [reportId], 'act');
    return;
  }
  const ownUpload = media.meta?.uploaded_by === actor.userId;
  if (report.user_id === actor.userId && ownUpload) return;
  await assertVisible(db, actor, [reportId], 'read');
  throw new AppError(403, 'forbidden', 'You may delete only media you uploaded to your own report');
}
