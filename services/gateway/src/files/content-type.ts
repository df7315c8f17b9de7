import { fileTypeFromBuffer } from 'file-type';

/** What may be uploaded, as detected from the bytes (`ext mime` from file-type). */
const ALLOWED = new Set([
  'jpg image/jpeg',
  'png image/png',
  'webp image/webp',
  'heic image/heic', // iPhone photos (ftyp brand heic/heix)
  'heic image/heif', // HEIF stills (ftyp brand mif1)
  'pdf application/pdf',
  'mp4 video/mp4', // evidence videos (ISO base media, not QuickTime .mov)
]);

/**
 * The content type of an allowed file, detected from its magic bytes; null for anything else.
 * The request's own Content-Type is never trusted.
 */
export async function detectAllowedType(bytes: Uint8Array): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && ALLOWED.has(`${type.ext} ${type.mime}`) ? type.mime : null;
}
