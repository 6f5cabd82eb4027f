// A report as a GeoReport v2 service request: every core field (null when unknown), and with
// extensions=true the attribute answers, extended attributes and the status history as notes.
import { iso } from '../../http/presenters.ts';
import type { HistoryRow, RequestRow } from './requests.queries.ts';
import { serviceNotice } from './services.service.ts';
import { open311Status, statusNotes } from './status-mapping.ts';

export function mediaFileUrl(publicUrl: string, reportId: number, mediaId: number): string {
  return `${publicUrl}/api/v1/reports/${reportId}/media/${mediaId}/file`;
}

export function presentRequest(row: RequestRow, publicUrl: string) {
  const status = open311Status(row.status);
  const approximate = row.approximate_location === true;
  const firstMedia = row.media_ids?.[0];
  return {
    service_request_id: row.report_number ?? String(row.id),
    status,
    status_notes: statusNotes({
      status: row.status,
      rejection_reason: row.rejection_reason,
      hold_reason: row.hold_reason,
      duplicate_of_number: row.duplicate_of_number,
      latest_note: row.latest_note,
    }),
    service_name: row.service_name,
    service_code: row.category,
    description: row.description === '' ? null : row.description,
    agency_responsible: row.department_name,
    service_notice:
      row.service_name && row.sla_hours ? serviceNotice({ name: row.service_name, sla_hours: row.sla_hours }) : null,
    requested_datetime: iso(row.created_at),
    // A closed request's updated_datetime is when it was closed.
    updated_datetime:
      status === 'closed'
        ? iso(row.status_updated_at ?? row.updated_at ?? row.created_at)
        : iso(row.updated_at ?? row.status_updated_at ?? row.created_at),
    expected_datetime: iso(row.sla_due_at),
    address: row.address,
    address_id: row.address_id,
    zipcode: row.pincode,
    lat: approximate ? null : row.latitude,
    long: approximate ? null : row.longitude,
    media_url: firstMedia !== undefined ? mediaFileUrl(publicUrl, row.id, firstMedia) : row.submitted_media_url,
  };
}

const noteType = (h: HistoryRow): string =>
  h.old_status === null ? 'opened' : open311Status(h.new_status) === 'closed' ? 'closed' : 'activity';

/** The extensions=true fields (Chicago/SeeClickFix style). */
export function presentExtensions(row: RequestRow, history: HistoryRow[], publicUrl: string) {
  return {
    attributes: row.attributes ?? {},
    extended_attributes: {
      internal_status: row.status,
      severity: row.severity,
      approximate_location: row.approximate_location === true,
      photos: (row.media_ids ?? []).map((id) => ({ media_url: mediaFileUrl(publicUrl, row.id, id) })),
      duplicate: row.duplicate_of_number,
    },
    notes: history.map((h) => ({
      datetime: iso(h.changed_at),
      summary: h.old_status === null ? 'Request opened' : `Status changed from ${h.old_status} to ${h.new_status}`,
      description: h.notes,
      type: noteType(h),
    })),
  };
}
