// A multipart/form-data body for app.inject: text fields and files (real bytes).
import sharp from 'sharp';

export interface Part {
  name: string;
  value?: string;
  file?: { data: Buffer; filename: string; type: string };
}

export function multipart(parts: Part[], headers: Record<string, string> = {}) {
  const boundary = `----caucus${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if (p.file) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name}"; filename="${p.file.filename}"\r\nContent-Type: ${p.file.type}\r\n\r\n`,
        ),
      );
      chunks.push(p.file.data, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value ?? ''}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A real JPEG with GPS position and camera make in its EXIF, as a phone would write it. */
export async function jpegWithGps(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CaucusTestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '23/1 20/1 3876/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '85/1 18/1 3456/100',
      },
    })
    .toBuffer();
}

export async function png(width = 32, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#3c3a' } })
    .png()
    .toBuffer();
}

/** The smallest well-formed PDF. */
export function pdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
}

/** The GPS IFD pointer tag (0x8825) in little- or big-endian EXIF. */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}
