import { describe, expect, it } from 'vitest';
import { limitsDocument, sniff } from './media-types.ts';
import { jpegWithGps, pdf, png } from './test/multipart.ts';

describe('sniff', () => {
  it('types files by their content', async () => {
    expect(await sniff(await jpegWithGps(), 'image/jpeg')).toEqual({
      ok: true,
      sniffed: { type: 'IMAGE', mime: 'image/jpeg', ext: 'jpg' },
    });
    expect(await sniff(pdf(), 'application/octet-stream')).toMatchObject({ ok: true, sniffed: { type: 'DOCUMENT' } });
    expect(await sniff(await png(), '')).toMatchObject({ ok: true, sniffed: { mime: 'image/png' } });
  });
  it('accepts a claim of the same family, refuses another family', async () => {
    expect((await sniff(await png(), 'image/jpeg')).ok).toBe(true);
    expect(await sniff(pdf(), 'image/jpeg')).toEqual({ ok: false, reason: 'mismatch', detected: 'application/pdf' });
  });
  it('refuses unknown content and types outside the list', async () => {
    expect(await sniff(Buffer.from('plain text'), 'text/plain')).toEqual({ ok: false, reason: 'unknown' });
    expect(await sniff(Buffer.from('504b030414000000080000000000', 'hex'), 'application/zip')).toMatchObject({
      ok: false,
    });
  });
});

describe('limitsDocument', () => {
  it('caps each type by the server upload limit', () => {
    const doc = limitsDocument(5 * 1024 * 1024);
    expect(doc.types.find((t) => t.file_type === 'VIDEO')!.max_bytes).toBe(5 * 1024 * 1024);
    expect(doc.max_files_per_report).toBe(10);
  });
});
