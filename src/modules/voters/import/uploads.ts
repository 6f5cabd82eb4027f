// Uploaded import files live in ${dataDir}/imports/<uuid><ext>; an upload id is that file name. Files are
// streamed to disk (never held in memory) and limited by UPLOAD_LIMIT through @fastify/multipart.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, badRequest, notFound } from '../../../http/errors.ts';

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'imports');

const uploadIdPattern = /^[0-9a-f-]{36}\.(zip|txt|csv|tsv)$/;

export async function saveUpload(dataDir: string, fileName: string, stream: Readable & { truncated?: boolean }) {
  const ext = /\.(zip|txt|csv|tsv)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'txt';
  const id = `${randomUUID()}.${ext}`;
  await fs.promises.mkdir(uploadsDir(dataDir), { recursive: true });
  const file = path.join(uploadsDir(dataDir), id);
  await pipeline(stream, fs.createWriteStream(file));
  if (stream.truncated) {
    await fs.promises.rm(file, { force: true });
    throw new AppError(413, 'file_too_large', 'The uploaded file is larger than allowed');
  }
  return { uploadId: id, file, size: (await fs.promises.stat(file)).size };
}

export function uploadPath(dataDir: string, uploadId: string): string {
  if (!uploadIdPattern.test(uploadId))
    throw badRequest('invalid_upload_id', 'upload_id is not an upload of this server');
  const file = path.join(uploadsDir(dataDir), uploadId);
  if (!fs.existsSync(file)) throw notFound('Upload', uploadId);
  return file;
}
