import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PackageFiles } from './package.ts';

/** Files read as bytes: images (their type and size are checked when the package is). */
const BINARY = /\.(png|webp|svg|jpe?g|gif)$/i;
/** Never part of a package: dot files and folders, editor droppings, dependency folders. */
const SKIPPED = (name: string) =>
  name.startsWith('.') || name === 'node_modules' || name.endsWith('~');

/**
 * A content folder as a package: every file by its path relative to the folder (with `/`),
 * images as bytes, everything else as UTF-8 text.
 */
export async function readContentFolder(dir: string): Promise<PackageFiles> {
  const files = new Map<string, string | Uint8Array>();
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIPPED(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const name = relative(dir, path).split(sep).join('/');
        files.set(
          name,
          BINARY.test(name) ? new Uint8Array(await readFile(path)) : await readFile(path, 'utf8'),
        );
      }
    }
  };
  await walk(dir);
  return files;
}

/** A package as JSON for the HTTP API: images in base64. */
export const packageBody = (files: PackageFiles) => ({
  files: Object.fromEntries(
    [...files].map(([path, value]) => [
      path,
      typeof value === 'string' ? value : { base64: Buffer.from(value).toString('base64') },
    ]),
  ),
});
