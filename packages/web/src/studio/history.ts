/**
 * Undo and redo across every edit of a draft: one history of whole snapshots (drafts are small
 * JSON; sharing unchanged files keeps snapshots cheap). Consecutive edits with the same `key`
 * (typing in one field) merge into one step, so undo takes back a word, not a keystroke.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The key of the edit that made `present`, while further edits with it merge. */
  lastKey: string | null;
}

/** Steps kept; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

export const startHistory = <T>(present: T): History<T> => ({
  past: [],
  present,
  future: [],
  lastKey: null,
});

/** The history after an edit; `key` merges it into the previous edit with the same key. */
export function edit<T>(history: History<T>, next: T, key: string | null = null): History<T> {
  if (Object.is(next, history.present)) return history;
  if (key !== null && key === history.lastKey) return { ...history, present: next, future: [] };
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: key };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null };
}

/** Ends merging: the next edit is its own step even with the same key (a field lost focus). */
export const seal = <T>(history: History<T>): History<T> =>
  history.lastKey === null ? history : { ...history, lastKey: null };
