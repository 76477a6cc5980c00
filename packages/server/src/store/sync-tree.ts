import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Syncs every file and folder under `root` to disk, then `root`'s entry in its parent. The
 * embedded cluster is written by initdb in a child process whose file system never syncs, so
 * without this a power cut in a brand-new data directory's first seconds could leave a torn
 * cluster that no later commit's sync repairs. Returns how many files and folders it synced
 * under `root`, `root` included.
 */
export function syncTree(root: string): number {
  const synced = syncFolder(root);
  syncPath(dirname(root));
  return synced;
}

function syncFolder(folder: string): number {
  let synced = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) synced += syncFolder(path);
    else if (entry.isFile()) synced += syncPath(path);
  }
  return synced + syncPath(folder);
}

/** fsync of one file or folder (on Linux a read-only descriptor syncs a folder's entries). */
function syncPath(path: string): 1 {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return 1;
}
