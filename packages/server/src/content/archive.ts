import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { error, type Diagnostic } from '@cardtable/tcg/diagnostic';
import { CONTENT_LIMITS, PACKAGE_FILES, pathProblem } from '@cardtable/tcg/limits';
import { packageFileOf, type PackageFiles } from './package.ts';

/**
 * A content package as a .zip archive: what the studio exports and imports, and what `cardtable
 * content pack` and `unpack` write and read. Written and read here with node:zlib rather than a
 * zip library, because reading an upload must stop at the package's limits as it inflates: an
 * entry that says it holds 1 KiB and inflates to a gigabyte is refused at 1 KiB.
 */

/** The largest archive accepted: a full package stored without compression, and its headers. */
export const MAX_ARCHIVE_BYTES = CONTENT_LIMITS.maxTotalBytes + 256 * 1024;
/** Entries read at most, folders and skipped files included (a Mac's `__MACOSX/` doubles them). */
const MAX_ENTRIES = CONTENT_LIMITS.maxFiles * 4;
const MAX_FILE_BYTES = Math.max(CONTENT_LIMITS.maxTextFileBytes, CONTENT_LIMITS.maxImageBytes);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const ENCRYPTED = 0x0001;
const STORED = 0;
const DEFLATED = 8;
/** 1980-01-01 00:00 in DOS form: the same package always packs to the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export type ArchiveRead = { ok: true; files: PackageFiles } | { ok: false; errors: Diagnostic[] };

/**
 * The package as a .zip, its files under `folder/` (so unzipping it makes one folder), in path
 * order with fixed dates: the same package always gives the same bytes.
 */
export function packArchive(files: PackageFiles, folder: string): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const path of [...files.keys()].sort()) {
    const value = files.get(path)!;
    const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    const deflated = deflateRawSync(data);
    const compress = deflated.length < data.length;
    const body = compress ? deflated : data;
    const name = Buffer.from(`${folder}/${path}`, 'utf8');
    const fields = {
      method: compress ? DEFLATED : STORED,
      crc: crc32(data),
      size: body.length,
      original: data.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    writeCommon(local, 4, fields, name.length);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(central, 6, fields, name.length);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function writeCommon(
  header: Buffer,
  at: number,
  fields: { method: number; crc: number; size: number; original: number },
  nameLength: number,
): void {
  header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(0, at + 6); // time
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.size, at + 14);
  header.writeUInt32LE(fields.original, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  size: number;
  original: number;
  headerOffset: number;
}

/**
 * A package from a .zip, read within the package's limits before anything is inflated (entries,
 * declared sizes, paths) and while it is (no entry inflates past what it declares). Files may sit
 * at the archive's root or in one folder (what zipping a folder makes); dotfiles and `__MACOSX/`
 * are skipped, as a folder's dotfiles are. Problems are the validator's diagnostics (LIMIT_*,
 * BAD_PATH) or ARCHIVE_INVALID, naming the file.
 */
export function unpackArchive(bytes: Uint8Array): ArchiveRead {
  const invalid = (message: string, file?: string): ArchiveRead => ({
    ok: false,
    errors: [error('ARCHIVE_INVALID', message, file === undefined ? {} : { file })],
  });
  if (bytes.length > MAX_ARCHIVE_BYTES)
    return {
      ok: false,
      errors: [
        error(
          'LIMIT_TOTAL_SIZE',
          `the archive has ${bytes.length} bytes; at most ${MAX_ARCHIVE_BYTES} are allowed`,
        ),
      ],
    };
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const listed = readDirectory(data);
  if (typeof listed === 'string') return invalid(listed);
  const kept = listed.filter((entry) => !entry.name.endsWith('/') && !skipped(entry.name));
  const root = commonFolder(kept.map((entry) => entry.name));
  const errors: Diagnostic[] = [];
  if (kept.length > CONTENT_LIMITS.maxFiles)
    errors.push(
      error(
        'LIMIT_FILES',
        `the archive has ${kept.length} files; at most ${CONTENT_LIMITS.maxFiles} are allowed`,
      ),
    );
  const declared = kept.reduce((sum, entry) => sum + entry.original, 0);
  if (declared > CONTENT_LIMITS.maxTotalBytes)
    errors.push(
      error(
        'LIMIT_TOTAL_SIZE',
        `the archive unpacks to ${declared} bytes; at most ${CONTENT_LIMITS.maxTotalBytes} are allowed`,
      ),
    );
  const paths = new Set<string>();
  for (const entry of kept) {
    const file = entry.name.slice(root.length);
    const badPath = pathProblem(file, CONTENT_LIMITS);
    if (badPath) errors.push(error('BAD_PATH', badPath, { file }));
    else if (paths.has(file))
      errors.push(error('ARCHIVE_INVALID', 'is in the archive twice', { file }));
    else if (entry.original > MAX_FILE_BYTES)
      errors.push(
        error(
          'LIMIT_FILE_SIZE',
          `is ${entry.original} bytes; at most ${MAX_FILE_BYTES} are allowed`,
          {
            file,
          },
        ),
      );
    else if (entry.flags & ENCRYPTED)
      errors.push(
        error('ARCHIVE_INVALID', 'is encrypted; archive it without a password', { file }),
      );
    else if (entry.method !== STORED && entry.method !== DEFLATED)
      errors.push(
        error('ARCHIVE_INVALID', `uses compression method ${entry.method}; only deflate is read`, {
          file,
        }),
      );
    paths.add(file);
  }
  if (errors.length > 0) return { ok: false, errors };

  const files = new Map<string, string | Uint8Array>();
  for (const entry of kept) {
    const file = entry.name.slice(root.length);
    const content = readEntry(data, entry);
    if (typeof content === 'string') return invalid(content, file);
    files.set(file, packageFileOf(file, content));
  }
  return { ok: true, files };
}

/** The central directory's entries, or why the bytes are not a zip archive this reads. */
function readDirectory(data: Buffer): Entry[] | string {
  const notZip = 'is not a .zip archive (or it is damaged)';
  // The end record is in the last 22 bytes plus at most a 64 KiB comment.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--)
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) return notZip;
  const count = data.readUInt16LE(end + 10);
  const size = data.readUInt32LE(end + 12);
  let at = data.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return 'is a zip64 archive, which is not read';
  if (count > MAX_ENTRIES)
    return `has ${count} entries; at most ${MAX_ENTRIES} are read (a package holds at most ${CONTENT_LIMITS.maxFiles} files)`;
  if (at + size > end) return notZip;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || data.readUInt32LE(at) !== CENTRAL_HEADER) return notZip;
    const nameLength = data.readUInt16LE(at + 28);
    const extra = data.readUInt16LE(at + 30);
    const comment = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) return notZip;
    entries.push({
      flags: data.readUInt16LE(at + 8),
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      size: data.readUInt32LE(at + 20),
      original: data.readUInt32LE(at + 24),
      headerOffset: data.readUInt32LE(at + 42),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** One entry's bytes, inflated no further than it declares; or why it cannot be read. */
function readEntry(data: Buffer, entry: Entry): Uint8Array | string {
  const header = entry.headerOffset;
  if (header + 30 > data.length || data.readUInt32LE(header) !== LOCAL_HEADER)
    return 'is damaged (no local header)';
  const start = header + 30 + data.readUInt16LE(header + 26) + data.readUInt16LE(header + 28);
  if (start + entry.size > data.length) return 'is damaged (cut short)';
  const body = data.subarray(start, start + entry.size);
  let content: Buffer;
  if (entry.method === STORED) content = body;
  else {
    try {
      // maxOutputLength stops inflating at the declared size: one more byte is a lie.
      content = inflateRawSync(body, { maxOutputLength: Math.max(1, entry.original) });
    } catch (thrown) {
      return (thrown as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
        ? `inflates past the ${entry.original} bytes it declares`
        : 'is damaged (it does not inflate)';
    }
  }
  if (content.length !== entry.original)
    return `holds ${content.length} bytes but declares ${entry.original}`;
  if (crc32(content) !== entry.crc) return 'is damaged (its checksum does not match)';
  return new Uint8Array(content);
}

/** Entries a package never holds: dotfiles and dot-folders, and a Mac's `__MACOSX/` copies. */
const skipped = (name: string) =>
  name
    .split('/')
    .some((part) => (part.startsWith('.') && part !== '.' && part !== '..') || part === '__MACOSX');

/**
 * `game/` when every file is in that one folder and the package's documents are in it (a zipped
 * folder, whatever its name: `lua/` and `art/` too), else '' (files at the archive's root).
 */
function commonFolder(names: readonly string[]): string {
  const first = names[0]?.split('/')[0];
  if (first === undefined || names.some((name) => !name.startsWith(`${first}/`))) return '';
  const documents = [PACKAGE_FILES.ruleset, PACKAGE_FILES.cards].map((file) => `${first}/${file}`);
  return names.some((name) => documents.includes(name)) ? `${first}/` : '';
}
