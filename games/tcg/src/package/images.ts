import { CONTENT_LIMITS } from './limits.ts';

export type ImageCheck =
  | { ok: true; type: 'png' | 'webp'; width: number; height: number }
  | {
      ok: false;
      code: 'IMAGE_TYPE' | 'IMAGE_CORRUPT' | 'IMAGE_SIZE' | 'IMAGE_SVG';
      message: string;
    };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** The image format `bytes` begin with (their signature), or null when neither PNG nor WebP. */
export function imageFormatOf(bytes: Uint8Array): 'png' | 'webp' | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return null;
}

/**
 * Card art is PNG or WebP, recognised by its bytes (never by its name), structurally whole and
 * within the size limits. SVG is refused: it can carry scripts and remote references, and no
 * sanitiser here is small enough to trust.
 */
export function checkImage(path: string, bytes: Uint8Array, limits = CONTENT_LIMITS): ImageCheck {
  const declared = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (declared === 'svg' || /^\s*(<\?xml|<svg)/i.test(ascii(bytes, 0, 64)))
    return {
      ok: false,
      code: 'IMAGE_SVG',
      message:
        'SVG is not accepted (it can carry scripts and remote references); export the art as PNG or WebP',
    };
  const format = imageFormatOf(bytes);
  const read = format === 'png' ? readPng(bytes) : format === 'webp' ? readWebp(bytes) : null;
  if (read === null)
    return {
      ok: false,
      code: 'IMAGE_TYPE',
      message: 'is neither a PNG nor a WebP image (checked by its bytes)',
    };
  if ('error' in read) return { ok: false, code: 'IMAGE_CORRUPT', message: read.error };
  if (read.type !== declared)
    return {
      ok: false,
      code: 'IMAGE_TYPE',
      message: `is a ${read.type.toUpperCase()} image named .${declared}; rename it .${read.type}`,
    };
  const { width, height } = read;
  if (
    Math.max(width, height) > limits.maxImageSide ||
    Math.min(width, height) < limits.minImageSide
  )
    return {
      ok: false,
      code: 'IMAGE_SIZE',
      message: `is ${width}x${height} pixels; each side must be from ${limits.minImageSide} to ${limits.maxImageSide}`,
    };
  return { ok: true, type: read.type, width, height };
}

type Read = { type: 'png' | 'webp'; width: number; height: number } | { error: string };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO-HDLC), as PNG chunks carry it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** PNG: the IHDR chunk first, every chunk inside the file with its CRC right, IEND last. */
function readPng(bytes: Uint8Array): Read {
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR')
    return { error: 'is a truncated PNG (no IHDR header)' };
  const width = u32be(bytes, 16);
  const height = u32be(bytes, 20);
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) return { error: `is a damaged PNG (chunk ${type} runs past the end)` };
    if (crc32(bytes.subarray(at + 4, end - 4)) !== u32be(bytes, end - 4))
      return { error: `is a damaged PNG (chunk ${type} fails its checksum)` };
    at = end;
    if (type === 'IEND')
      return at === bytes.length
        ? { type: 'png', width, height }
        : { error: 'is a PNG with data after its end (IEND)' };
  }
  return { error: 'is a truncated PNG (no IEND chunk)' };
}

/** WebP: a RIFF container whose size matches the file, then a VP8, VP8L or VP8X header. */
function readWebp(bytes: Uint8Array): Read {
  const riffSize = u32le(bytes, 4);
  if (riffSize + 8 !== bytes.length && riffSize + 9 !== bytes.length)
    return {
      error: `is a damaged WebP (its header says ${riffSize + 8} bytes, the file has ${bytes.length})`,
    };
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30)
    return { type: 'webp', width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = u32le(bytes, 21);
    return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (
    chunk === 'VP8 ' &&
    bytes.length >= 30 &&
    bytes[23] === 0x9d &&
    bytes[24] === 0x01 &&
    bytes[25] === 0x2a
  )
    return {
      type: 'webp',
      width: (bytes[26]! | (bytes[27]! << 8)) & 0x3fff,
      height: (bytes[28]! | (bytes[29]! << 8)) & 0x3fff,
    };
  return { error: 'is a damaged WebP (no VP8, VP8L or VP8X header)' };
}
