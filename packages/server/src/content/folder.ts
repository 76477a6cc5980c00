import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { packageFileOf, type PackageFiles } from './package.ts';

/**
 * A content folder as a package: every file by its path relative to the folder (`/` between
 * parts), text as UTF-8 strings, images as bytes. Dotfiles and dot-folders (`.git`, `.DS_Store`)
 * are skipped; everything else is read, so the limits apply to what would be uploaded.
 */
export async function readContentFolder(dir: string): Promise<PackageFiles> {
  const files = new Map<string, string | Uint8Array>();
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const name = relative(dir, path).split(sep).join('/');
        files.set(name, packageFileOf(name, new Uint8Array(await readFile(path))));
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
