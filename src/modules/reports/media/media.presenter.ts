// A media item over the wire: where to fetch it and what it is; the storage key and uploader stay inside.
import { iso } from '../../../http/presenters.ts';

export interface MediaRow {
  id: number;
  report_id: number;
  file_url: string;
  file_type: string;
  file_size: number | null;
  mime_type: string | null;
  is_primary: boolean;
  is_proof_of_work: boolean;
  sequence_order: number | null;
  caption: string | null;
  meta: Record<string, any> | null;
  upload_source: string | null;
  created_at: unknown;
}

export function presentMedia(row: MediaRow) {
  return {
    id: row.id,
    report_id: row.report_id,
    file_url: row.file_url,
    file_type: row.file_type,
    file_size: row.file_size,
    mime_type: row.mime_type,
    is_primary: row.is_primary,
    is_proof_of_work: row.is_proof_of_work,
    sequence_order: row.sequence_order,
    caption: row.caption,
    upload_source: row.upload_source,
    width: typeof row.meta?.width === 'number' ? row.meta.width : null,
    height: typeof row.meta?.height === 'number' ? row.meta.height : null,
    original_name: typeof row.meta?.original_name === 'string' ? row.meta.original_name : null,
    created_at: iso(row.created_at),
  };
}

export type PresentedMedia = ReturnType<typeof presentMedia>;
