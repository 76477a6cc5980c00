import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The valid test package (not the demo): ruleset, 6 cards with tokens, 2 decks, one Lua module. */
export const REEF = join(import.meta.dirname, 'packages/reef');

/** A content folder as `validateContentPackage` takes it: bytes by path relative to the folder. */
export function readPackage(dir: string): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
