import type { ReplayFile } from '@cardtable/engine';

const IMPORTED_KEY = 'cardtable.importedReplay';

/** Saves a replay as a file the reader can keep, share or import later. */
export function downloadReplay(replay: ReplayFile): void {
  const blob = new Blob([JSON.stringify(replay)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${replay.match.game}-${replay.match.matchId}.cardtable-replay.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file as JSON; a file that is not JSON gives null. */
export async function readReplayFile(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch {
    return null;
  }
}

/** An imported replay survives a reload of its page (for this tab only). */
export function keepImported(raw: unknown): void {
  try {
    sessionStorage.setItem(IMPORTED_KEY, JSON.stringify(raw));
  } catch {
    // Too large for session storage: it still plays until the page is left.
  }
}

export function loadImported(): unknown {
  try {
    const text = sessionStorage.getItem(IMPORTED_KEY);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
