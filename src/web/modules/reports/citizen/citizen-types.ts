// Shapes the citizen screens use: what a citizen files, a report waiting in the offline queue, a public report
// and the sync API's answer.

/** The body of POST /api/v1/reports (and the data of a create_report sync action). */
export interface ReportInput {
  title: string;
  description: string;
  latitude: number;
  longitude: number;
  category?: string;
  address?: string;
  is_public: boolean;
}

export interface QueuedPhoto {
  name: string;
  type: string;
  blob: Blob;
}

export type QueueState = 'queued' | 'syncing' | 'synced' | 'failed';

/** A report kept in IndexedDB until the server has it and all its photos. */
export interface QueuedReport {
  /** Made once when queued (crypto.randomUUID): the sync API does each client_id once, so retries never duplicate. */
  client_id: string;
  user_id: number;
  queued_at: string;
  data: ReportInput;
  /** Photos not uploaded yet; each leaves the list once the server has it. */
  photos: QueuedPhoto[];
  state: QueueState;
  /** Why the last attempt failed (the server's words). */
  error: string | null;
  /** False when the server will not try this action again (failed three times, or a permanent error). */
  can_retry: boolean;
  report_id: number | null;
  report_number: string | null;
  photos_uploaded: number;
  /** Photos the server refused (type, size), with its reason; they are not retried. */
  photo_errors: string[];
}

export interface Category {
  code: string;
  name: string;
  description: string | null;
  is_public: boolean;
}

export interface PublicReport {
  id: number;
  report_number: string;
  title: string;
  description: string;
  category: string | null;
  category_name: string | null;
  status: string;
  severity: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  department_name: string | null;
  created_at: string | null;
  status_updated_at: string | null;
  photo_ids: number[];
}

export interface PublicReportList {
  reports: PublicReport[];
  total: number;
  page: number;
  per_page: number;
}

export interface SyncActionResult {
  client_id: string;
  status: 'success' | 'failed' | 'conflict';
  entity_id: number | null;
  result: { report_id?: number; report_number?: string | null } | null;
  message: string | null;
  can_retry: boolean;
}

export interface UploadAnswer {
  processed: number;
  succeeded: number;
  failed: number;
  results: SyncActionResult[];
}
