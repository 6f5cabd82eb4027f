// Reads a multipart upload: the files (buffered, each within the server's UPLOAD_LIMIT) and the text fields
// that describe them, checked like a request schema would (bounded, typed, no unknown fields).
import type { FastifyRequest } from 'fastify';
import { AppError, validationFailed, type FieldError } from '../../../http/errors.ts';
import { type UploadSource, uploadSources } from './media-access.ts';
import type { IncomingFile, UploadOptions } from './media.service.ts';

const fieldNames = new Set(['caption', 'is_primary', 'is_proof_of_work', 'upload_source', 'sequence_order']);
const fileFields = new Set(['file', 'files']);

export async function readUpload(
  request: FastifyRequest,
  maxFiles: number,
): Promise<{ files: IncomingFile[]; options: UploadOptions }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Expected multipart/form-data');
  const files: IncomingFile[] = [];
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (!fileFields.has(part.fieldname)) {
        await part.toBuffer();
        errors.push({ field: part.fieldname.slice(0, 50), message: 'is not a file field (use "file" or "files")' });
        continue;
      }
      const data = await part.toBuffer();
      if (files.length >= maxFiles) {
        throw new AppError(413, 'too_many_files', `At most ${maxFiles} file(s) per upload here`);
      }
      files.push({ data, filename: part.filename ?? 'file', mimetype: part.mimetype ?? '' });
    } else if (!fieldNames.has(part.fieldname)) {
      errors.push({ field: part.fieldname.slice(0, 50), message: 'is not a known field' });
    } else if (typeof part.value !== 'string' || part.valueTruncated) {
      errors.push({ field: part.fieldname, message: 'is too long' });
    } else {
      values[part.fieldname] = part.value;
    }
  }
  const options = parseOptions(values, errors);
  if (errors.length > 0) throw validationFailed(errors);
  return { files, options };
}

function bool(values: Record<string, string>, name: string, errors: FieldError[]): boolean | undefined {
  const v = values[name];
  if (v === undefined || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  errors.push({ field: name, message: 'must be true or false' });
  return undefined;
}

function parseOptions(values: Record<string, string>, errors: FieldError[]): UploadOptions {
  const options: UploadOptions = {
    is_primary: bool(values, 'is_primary', errors),
    is_proof_of_work: bool(values, 'is_proof_of_work', errors),
  };
  if (values.caption !== undefined) {
    if (values.caption.length > 500 || values.caption.includes('\u0000')) {
      errors.push({ field: 'caption', message: 'must be at most 500 characters of text' });
    } else options.caption = values.caption;
  }
  if (values.upload_source) {
    if ((uploadSources as readonly string[]).includes(values.upload_source)) {
      options.upload_source = values.upload_source as UploadSource;
    } else errors.push({ field: 'upload_source', message: `must be one of ${uploadSources.join(', ')}` });
  }
  if (values.sequence_order) {
    const n = Number(values.sequence_order);
    if (/^\d{1,6}$/.test(values.sequence_order) && n <= 100000) options.sequence_order = n;
    else errors.push({ field: 'sequence_order', message: 'must be a whole number from 0 to 100000' });
  }
  return options;
}
