import { createHash } from 'node:crypto';
import type { ContentPackage, Diagnostic, StoredFile } from '@cardtable/sdk/content';

/** A package in hand: text files as strings, images as bytes. */
export type PackageFiles = ReadonlyMap<string, string | Uint8Array>;

/** A package as stored: images replaced by their hash (the bytes live in the art store). */
export type StoredFiles = Readonly<Record<string, StoredFile>>;

/** What a package may hold. A creator who hits one gets an error naming the file and the limit. */
export const CONTENT_LIMITS = {
  maxFiles: 300,
  maxTotalBytes: 8 * 1024 * 1024,
  maxTextFileBytes: 512 * 1024,
  maxImageBytes: 1024 * 1024,
  maxPathLength: 200,
} as const;

/** The largest draft upload: the package as JSON, its images in base64 (4 bytes per 3). */
export const MAX_PACKAGE_BODY_BYTES =
  Math.ceil((CONTENT_LIMITS.maxTotalBytes * 4) / 3) + 256 * 1024;

const TEXT_EXTENSIONS = new Set(['json', 'lua', 'md', 'txt']);
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  webp: 'image/webp',
};
const PATH = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*\/){0,3}[A-Za-z0-9_][A-Za-z0-9._-]*$/;

const extensionOf = (path: string) => path.slice(path.lastIndexOf('.') + 1).toLowerCase();
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const limitError = (message: string, file?: string): Diagnostic => ({
  severity: 'error',
  code: 'CONTENT_LIMIT',
  ...(file ? { file } : {}),
  message,
});

/** The media type of image bytes by their signature, or null when they are not PNG or WebP. */
export function imageTypeOf(bytes: Uint8Array): string | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => bytes[i] === byte)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Decodes a package from its JSON form (images from base64), then checks its limits. */
export function decodePackage(body: ContentPackage): PackageCheck {
  const errors: Diagnostic[] = [];
  const files = new Map<string, string | Uint8Array>();
  for (const [path, value] of Object.entries(body.files)) {
    if (typeof value === 'string') files.set(path, value);
    else if (IMAGE_TYPES[extensionOf(path)])
      files.set(path, new Uint8Array(Buffer.from(value.base64, 'base64')));
    else {
      const text = decodeUtf8(value.base64);
      if (text === null) errors.push(limitError(`${path} is not UTF-8 text.`, path));
      else files.set(path, text);
    }
  }
  const checked = checkPackage(files);
  return errors.length > 0
    ? { ok: false, errors: [...errors, ...(checked.ok ? [] : checked.errors)] }
    : checked;
}

export type PackageCheck = { ok: true; files: PackageFiles } | { ok: false; errors: Diagnostic[] };

/**
 * Checks a package against the limits: paths, file count, sizes, and that every image really is
 * a PNG or WebP (SVG is refused: it can carry scripts). Each error names its file.
 */
export function checkPackage(files: PackageFiles): PackageCheck {
  const errors: Diagnostic[] = [];
  if (files.size > CONTENT_LIMITS.maxFiles)
    errors.push(
      limitError(`The package has ${files.size} files; at most ${CONTENT_LIMITS.maxFiles}.`),
    );
  let total = 0;
  for (const [path, value] of files) {
    const problem = checkPath(path);
    if (problem) {
      errors.push(limitError(problem, path));
      continue;
    }
    const ext = extensionOf(path);
    const size = typeof value === 'string' ? Buffer.byteLength(value) : value.length;
    total += size;
    if (IMAGE_TYPES[ext]) {
      if (typeof value === 'string')
        errors.push(limitError(`${path} is an image: send it as {"base64": ...}.`, path));
      else if (size > CONTENT_LIMITS.maxImageBytes)
        errors.push(
          limitError(
            `${path} is ${kib(size)}; an image may be at most ${kib(CONTENT_LIMITS.maxImageBytes)}.`,
            path,
          ),
        );
      else if (imageTypeOf(value) !== IMAGE_TYPES[ext])
        errors.push(
          limitError(
            `${path} is not a ${ext.toUpperCase()} image (its bytes say otherwise).`,
            path,
          ),
        );
    } else if (typeof value !== 'string') errors.push(limitError(`${path} is not text.`, path));
    else if (size > CONTENT_LIMITS.maxTextFileBytes)
      errors.push(
        limitError(
          `${path} is ${kib(size)}; a text file may be at most ${kib(CONTENT_LIMITS.maxTextFileBytes)}.`,
          path,
        ),
      );
  }
  if (total > CONTENT_LIMITS.maxTotalBytes)
    errors.push(
      limitError(`The package holds ${kib(total)}; at most ${kib(CONTENT_LIMITS.maxTotalBytes)}.`),
    );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, files };
}

function checkPath(path: string): string | null {
  if (path.length > CONTENT_LIMITS.maxPathLength)
    return `A path may be at most ${CONTENT_LIMITS.maxPathLength} characters.`;
  if (!PATH.test(path) || path.split('/').includes('..'))
    return `"${path}" is not a plain relative path (letters, digits, . _ - and at most 3 folders).`;
  const ext = extensionOf(path);
  if (ext === 'svg')
    return `${path}: SVG images are refused (they can carry scripts); use PNG or WebP.`;
  if (!TEXT_EXTENSIONS.has(ext) && !IMAGE_TYPES[ext])
    return `${path}: only .json, .lua, .md, .txt, .png and .webp files belong in a package.`;
  return null;
}

function decodeUtf8(base64: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64'));
  } catch {
    return null;
  }
}

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

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
