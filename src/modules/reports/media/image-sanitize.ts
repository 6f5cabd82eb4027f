// Published photos carry no metadata: each image is decoded and re-encoded by sharp, which writes no EXIF
// (so no GPS position, camera serial or timestamps), no XMP and no ICC profile unless asked. The EXIF
// orientation is applied to the pixels first so the photo still shows the right way up.
import sharp from 'sharp';

export interface SanitizedImage {
  data: Buffer;
  width: number;
  height: number;
}

export class UnreadableImage extends Error {}

export async function sanitizeImage(data: Buffer, mime: string): Promise<SanitizedImage> {
  try {
    const pipeline = sharp(data, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
    const encoded =
      mime === 'image/png'
        ? pipeline.png()
        : mime === 'image/webp'
          ? pipeline.webp({ quality: 85 })
          : pipeline.jpeg({ quality: 85, mozjpeg: true });
    const { data: out, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data: out, width: info.width, height: info.height };
  } catch (err) {
    throw new UnreadableImage(`The image could not be read: ${(err as Error).message}`);
  }
}
