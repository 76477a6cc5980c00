import type { ContentPackage, Diagnostic, StoredFile } from '@cardtable/sdk/content';
import { imageFormatOf } from '@cardtable/tcg/images';
import { CONTENT_LIMITS } from '@cardtable/tcg/limits';
import { sha256 } from '../sha256.ts';

/** A package in hand: text files as strings, images as bytes. */
export type PackageFiles = ReadonlyMap<string, string | Uint8Array>;

/** A package as stored: images replaced by their hash (the bytes live in the art store). */
export type StoredFiles = Readonly<Record<string, StoredFile>>;

/** The largest draft upload: the package as JSON, its images in base64 (4 bytes per 3). */
export const MAX_PACKAGE_BODY_BYTES =
  Math.ceil((CONTENT_LIMITS.maxTotalBytes * 4) / 3) + 256 * 1024;

const IMAGE_TYPES: Readonly<Record<string, string>> = { png: 'image/png', webp: 'image/webp' };
const extensionOf = (path: string) => path.slice(path.lastIndexOf('.') + 1).toLowerCase();

/**
 * The validator's diagnostics that make a package unacceptable to store at all (sizes, counts,
 * paths, image types, encodings), as opposed to content a creator is still working on.
 */
export const breaksLimits = (diagnostic: Diagnostic) =>
  diagnostic.severity === 'error' && /^(LIMIT_|BAD_PATH|IMAGE_|NOT_UTF8)/.test(diagnostic.code);

/** The media type of image bytes by their signature, or null when they are not PNG or WebP. */
export function imageTypeOf(bytes: Uint8Array): string | null {
  const format = imageFormatOf(bytes);
  return format && IMAGE_TYPES[format]!;
}

/** Files whose bytes are kept as bytes (checked, and stored in the art store, by the validator's rules). */
const isBinaryPath = (path: string) => /^art\//.test(path) || extensionOf(path) in IMAGE_TYPES;

/**
 * A file read as bytes, as the package holds it: text decoded as UTF-8, images (and text that is
 * not UTF-8, which the validator refuses) kept as bytes.
 */
export function packageFileOf(path: string, bytes: Uint8Array): string | Uint8Array {
  if (isBinaryPath(path)) return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
}

/** A package from its JSON form: strings as they are, `{base64}` decoded. */
export const decodePackage = (body: ContentPackage): PackageFiles =>
  new Map(
    Object.entries(body.files).map(([path, value]) => [
      path,
      typeof value === 'string'
        ? value
        : packageFileOf(path, new Uint8Array(Buffer.from(value.base64, 'base64'))),
    ]),
  );

/** The stored form of a file (an image becomes its hash, type and size). */
export function storedFileOf(value: string | Uint8Array, path: string): StoredFile {
  if (typeof value === 'string') return value;
  return {
    sha256: sha256(value),
    type: IMAGE_TYPES[extensionOf(path)] ?? 'application/octet-stream',
    size: value.length,
  };
}

export const toStored = (files: PackageFiles): StoredFiles =>
  Object.fromEntries([...files].map(([path, value]) => [path, storedFileOf(value, path)]));

/**
 * The content hash: sha256 of the canonical package, text files as they are and images by the
 * sha256 of their bytes, paths sorted. The same folder hashes the same on disk, in a draft, in a
 * published version and in an export.
 */
export function contentHashOf(files: StoredFiles): string {
  const canonical = Object.keys(files)
    .sort()
    .map((path) => {
      const file = files[path]!;
      return [path, typeof file === 'string' ? file : { sha256: file.sha256 }];
    });
  return `sha256:${sha256(JSON.stringify(canonical))}`;
}

/**
 * The files that decide how a game plays: everything but the images (art never changes a rule),
 * so a version loads for play, or for a replay, without fetching its art.
 */
export const rulesFiles = (files: StoredFiles): PackageFiles =>
  new Map(
    Object.entries(files).flatMap(([path, file]) =>
      typeof file === 'string' ? [[path, file] as const] : [],
    ),
  );
