import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A valid 16x16 PNG (the smallest side the art validator accepts), built by hand, every pixel
 * `shade`: each shade is a different upload.
 */
export const png16 = (shade = 0x7f): string => rgbPng(16, Buffer.alloc(16 * 16 * 3, shade));

/** A `side` x `side` PNG of random pixels: it compresses to no less than its pixels' bytes. */
export const noisePng = (side: number): string => rgbPng(side, randomBytes(side * side * 3));

/** A PNG of `side` x `side` RGB pixels, built by hand. */
function rgbPng(side: number, pixels: Buffer): string {
  const { deflateSync, crc32 } = zlib;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8;
  header[9] = 2;
  const stride = side * 3;
  // Each row: filter type 0, then its pixels.
  const rows = Buffer.concat(
    Array.from({ length: side }, (_, row) =>
      Buffer.concat([Buffer.alloc(1), pixels.subarray(row * stride, (row + 1) * stride)]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}
