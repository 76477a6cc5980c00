import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * A content folder as the validator and the server take it: every file by its path relative to
 * the folder (`/` between parts), as bytes. Dotfiles and dot-folders (`.git`, `.DS_Store`) are
 * skipped; everything else is read, so limits apply to what would be uploaded.
 */
export async function readContentFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile())
        files.set(relative(dir, path).split(sep).join('/'), await readFile(path));
    }
  };
  await walk(dir);
  return files;
}
