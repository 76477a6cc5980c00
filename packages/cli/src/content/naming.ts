import type { PackageFiles } from '@cardtable/server';

/** The slug a folder is hosted under: its ruleset id, else the folder's name, made URL-safe. */
export function slugFor(files: PackageFiles, dir: string): string {
  let id = '';
  try {
    id = String((JSON.parse(String(files.get('ruleset.json'))) as { id?: unknown }).id ?? '');
  } catch {
    // An unreadable ruleset is reported by validation; the folder name will do here.
  }
  const base = (id || dir.split(/[\\/]/).filter(Boolean).pop() || 'content')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base.length >= 3 ? base.slice(0, 40) : `${base}-game`;
}

/** The ruleset's display name, if it has one. */
export function nameFor(files: PackageFiles, fallback: string): string {
  try {
    const name = (JSON.parse(String(files.get('ruleset.json'))) as { name?: unknown }).name;
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : fallback;
  } catch {
    return fallback;
  }
}
