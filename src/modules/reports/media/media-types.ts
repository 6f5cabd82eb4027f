// What may be uploaded, decided by the file's CONTENT (magic bytes via file-type), never by its name or the
// Content-Type the client claims: the allowed types, their size limits and the per-report limit.
import { fileTypeFromBuffer } from 'file-type';

export type MediaType = 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT';

export const allowedTypes: Record<string, { type: MediaType; ext: string }> = {
  'image/jpeg': { type: 'IMAGE', ext: 'jpg' },
  'image/png': { type: 'IMAGE', ext: 'png' },
  'image/webp': { type: 'IMAGE', ext: 'webp' },
  'video/mp4': { type: 'VIDEO', ext: 'mp4' },
  'video/webm': { type: 'VIDEO', ext: 'webm' },
  'video/quicktime': { type: 'VIDEO', ext: 'mov' },
  'audio/mpeg': { type: 'AUDIO', ext: 'mp3' },
  'audio/ogg': { type: 'AUDIO', ext: 'ogg' },
  'audio/wav': { type: 'AUDIO', ext: 'wav' },
  'audio/x-wav': { type: 'AUDIO', ext: 'wav' },
  'audio/x-m4a': { type: 'AUDIO', ext: 'm4a' },
  'audio/mp4': { type: 'AUDIO', ext: 'm4a' },
  'application/pdf': { type: 'DOCUMENT', ext: 'pdf' },
};

const MB = 1024 * 1024;

/** Largest file per type, bytes (the server-wide UPLOAD_LIMIT caps them further). */
export const sizeLimits: Record<MediaType, number> = {
  IMAGE: 10 * MB,
  VIDEO: 100 * MB,
  AUDIO: 20 * MB,
  DOCUMENT: 10 * MB,
};

export const maxFilesPerReport = 10;
export const maxFilesPerUpload = 10;

export interface SniffedType {
  type: MediaType;
  mime: string;
  ext: string;
}

export type SniffResult =
  | { ok: true; sniffed: SniffedType }
  | { ok: false; reason: 'unknown' | 'not_allowed' | 'mismatch'; detected?: string };

/**
 * The type the content really is. `claimed` (the part's Content-Type) must agree with it when the client sent
 * a specific one: a PNG sent as image/jpeg is fine (same family), a PDF sent as image/jpeg is a mismatch.
 */
export async function sniff(data: Buffer, claimed?: string | null): Promise<SniffResult> {
  const found = await fileTypeFromBuffer(data);
  if (!found) return { ok: false, reason: 'unknown' };
  const allowed = allowedTypes[found.mime];
  if (!allowed) return { ok: false, reason: 'not_allowed', detected: found.mime };
  const claim = (claimed ?? '').split(';')[0].trim().toLowerCase();
  if (claim && claim !== 'application/octet-stream') {
    const claimedType = allowedTypes[claim]?.type ?? familyOf(claim);
    if (claimedType !== allowed.type) return { ok: false, reason: 'mismatch', detected: found.mime };
  }
  return { ok: true, sniffed: { type: allowed.type, mime: found.mime, ext: allowed.ext } };
}

function familyOf(mime: string): MediaType | null {
  if (mime.startsWith('image/')) return 'IMAGE';
  if (mime.startsWith('video/')) return 'VIDEO';
  if (mime.startsWith('audio/')) return 'AUDIO';
  if (mime === 'application/pdf') return 'DOCUMENT';
  return null;
}

export function limitsDocument(uploadLimit: number) {
  return {
    max_files_per_report: maxFilesPerReport,
    max_files_per_upload: maxFilesPerUpload,
    types: (Object.keys(sizeLimits) as MediaType[]).map((type) => ({
      file_type: type,
      max_bytes: Math.min(sizeLimits[type], uploadLimit),
      mime_types: Object.entries(allowedTypes)
        .filter(([, v]) => v.type === type)
        .map(([mime]) => mime),
    })),
  };
}
