import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatDiagnostic } from '@cardtable/tcg';
import {
  MAX_ARCHIVE_BYTES,
  packArchive,
  readContentFolder,
  unpackArchive,
} from '@cardtable/server/content';

export const CONTENT_PACK_USAGE = `Usage: cardtable content pack DIR [--out FILE]

Zips a content folder as the studio exports a draft: its files (art included) in one folder
named after DIR, ready to import in the studio (My games, New game, Start from a .zip).
  --out FILE   where to write it (default: DIR's name with .zip, in the current folder)
Exit code: 0 written, 2 the command could not run.`;

export const CONTENT_UNPACK_USAGE = `Usage: cardtable content unpack FILE DIR

Unzips a content archive (a studio export, or content pack) into DIR, new or empty, read
within a package's limits: at most 400 files, 8 MiB in all, 1 MiB per file, paths inside the
package only. Files may be at the archive's root or in one folder; dotfiles are skipped.
Exit code: 0 written, 1 the archive is refused (one line per problem), 2 the command could not run.`;

/** `cardtable content pack DIR [--out FILE]`. */
export async function contentPackCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return usage(CONTENT_PACK_USAGE, 0);
  const out = argv.indexOf('--out');
  const file = out >= 0 ? argv[out + 1] : undefined;
  const rest = argv.filter((_, i) => out < 0 || (i !== out && i !== out + 1));
  if (rest.length !== 1 || rest[0]!.startsWith('-') || (out >= 0 && !file))
    return refuse('Give one folder (and --out FILE).', CONTENT_PACK_USAGE);
  const dir = resolve(rest[0]!);
  if (!(await stat(dir).catch(() => null))?.isDirectory())
    return refuse(`${rest[0]} is not a folder.`, CONTENT_PACK_USAGE);
  const target = file ?? `${basename(dir)}.zip`;
  const files = await readContentFolder(dir);
  const archive = packArchive(files, basename(dir));
  await writeFile(target, archive);
  console.log(`Wrote ${target}: ${files.size} files, ${archive.length} bytes.`);
  return 0;
}

/** `cardtable content unpack FILE DIR`. */
export async function contentUnpackCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return usage(CONTENT_UNPACK_USAGE, 0);
  if (argv.length !== 2 || argv.some((arg) => arg.startsWith('-')))
    return refuse('Give an archive and a folder.', CONTENT_UNPACK_USAGE);
  const [file, target] = argv as [string, string];
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) return refuse(`Cannot read ${file}.`, CONTENT_UNPACK_USAGE);
  if (size > MAX_ARCHIVE_BYTES) {
    console.error(
      `${file}: error LIMIT_TOTAL_SIZE: is ${size} bytes; at most ${MAX_ARCHIVE_BYTES}`,
    );
    return 1;
  }
  const dir = resolve(target);
  const existing = await readdir(dir).catch(() => null);
  if (existing && existing.length > 0)
    return refuse(
      `${target} is not empty: unpack writes only into a new or empty folder.`,
      CONTENT_UNPACK_USAGE,
    );
  const read = unpackArchive(new Uint8Array(await readFile(file)));
  if (!read.ok) {
    console.error(read.errors.map(formatDiagnostic).join('\n'));
    return 1;
  }
  // Paths were checked as the validator checks them (relative, no "..") before any is written.
  for (const [path, content] of read.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  console.log(
    `Unpacked ${read.files.size} files into ${target}. Next: npx cardtable content validate ${target}`,
  );
  return 0;
}

function usage(text: string, code: number): number {
  console.log(text);
  return code;
}

function refuse(message: string, text: string): number {
  console.error(`${message}\n\n${text}`);
  return 2;
}
