import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const BINARY = /\.(png|webp)$/i;

/**
 * A content folder as the content API takes it: every file by its path relative to the folder,
 * text as is and images as base64.
 */
export function readContentPackage(dir: string): {
  files: Record<string, string | { base64: string }>;
} {
  const files: Record<string, string | { base64: string }> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const name = relative(dir, path).split(sep).join('/');
        files[name] = BINARY.test(name)
          ? { base64: readFileSync(path).toString('base64') }
          : readFileSync(path, 'utf8');
      }
    }
  };
  walk(dir);
  return { files };
}
