import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { GameSummary } from '@cardtable/sdk';
import { fromStored, toSaveFiles, type DraftFiles } from './draft-files.ts';
import { edit, redo, seal, startHistory, undo, type History } from './history.ts';
import { withApi } from './studio-api.ts';
import type { StudioReport } from './worker/protocol.ts';
import { StudioWorkerClient } from './worker/studio-worker-client.ts';

/** How the draft stands against the server. */
export type SaveState =
  | { kind: 'saved'; revision: number }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string };

type Action =
  | { type: 'load'; files: DraftFiles }
  | { type: 'edit'; files: DraftFiles | ((current: DraftFiles) => DraftFiles); key: string | null }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'seal' };

function reduce(history: History<DraftFiles> | null, action: Action): History<DraftFiles> | null {
  if (action.type === 'load') return startHistory(action.files);
  if (!history) return history;
  switch (action.type) {
    case 'edit':
      return edit(
        history,
        typeof action.files === 'function' ? action.files(history.present) : action.files,
        action.key,
      );
    case 'undo':
      return undo(history);
    case 'redo':
      return redo(history);
    case 'seal':
      return seal(history);
  }
}

/** Milliseconds of quiet before an edit is saved, and before it is validated. */
const SAVE_DELAY_MS = 800;
const VALIDATE_DELAY_MS = 250;

export interface DraftSession {
  game: GameSummary | null;
  files: DraftFiles | null;
  loadError: string | null;
  save: SaveState;
  report: StudioReport | null;
  validating: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** An edit: the new files, or a function of the current ones (for edits that may queue up). */
  change(files: DraftFiles | ((current: DraftFiles) => DraftFiles), key?: string | null): void;
  undo(): void;
  redo(): void;
  /** Ends the current run of merged edits (a field lost focus). */
  seal(): void;
  /** Saves now (before publishing); resolves when the server has this draft. */
  flush(files?: DraftFiles): Promise<boolean>;
  reload(): void;
  worker: StudioWorkerClient;
}

/**
 * One draft being edited: loaded from the server, every change through one undo history,
 * saved to the server after a pause (with the revision it was edited from: a save that lost a
 * race is refused and the creator told), validated in a worker by the server's validator.
 */
export function useDraft(slug: string): DraftSession {
  const [history, dispatch] = useReducer(reduce, null);
  const [game, setGame] = useState<GameSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', revision: 0 });
  const [report, setReport] = useState<StudioReport | null>(null);
  const [validating, setValidating] = useState(false);
  const [loads, setLoads] = useState(0);
  /** Counts the server's "checking your last saves, send again soon": each one saves again. */
  const [retries, setRetries] = useState(0);
  const revision = useRef(0);
  const savedFiles = useRef<DraftFiles | null>(null);
  /** The save under way, if any. */
  const saving = useRef<Promise<boolean> | null>(null);
  const [worker] = useState(() => new StudioWorkerClient());
  useEffect(() => () => worker.dispose(), [worker]);

  useEffect(() => {
    let live = true;
    void withApi((api) => api.getDraft(slug)).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.error.message);
      const files = fromStored(result.value.files);
      revision.current = result.value.revision;
      savedFiles.current = files;
      setGame(result.value.game);
      setSave({ kind: 'saved', revision: result.value.revision });
      dispatch({ type: 'load', files });
    });
    return () => {
      live = false;
    };
  }, [slug, loads]);

  const files = history?.present ?? null;

  const send = useCallback(
    async (toSave: DraftFiles): Promise<boolean> => {
      setSave({ kind: 'saving' });
      const result = await withApi((api) =>
        api.saveDraft(slug, { files: toSaveFiles(toSave), revision: revision.current }),
      );
      if (!result.ok) {
        const { code, details } = result.error;
        if (code === 'RATE_LIMITED') {
          const after = Number((details as { retryAfterMs?: number } | undefined)?.retryAfterMs);
          setTimeout(() => setRetries((n) => n + 1), Number.isFinite(after) ? after : 1000);
        }
        setSave(
          result.error.code === 'CONFLICT'
            ? {
                kind: 'conflict',
                message:
                  'This draft was changed in another tab or on another device. Reload it to continue (your last edits here are not saved).',
              }
            : { kind: 'failed', message: result.error.message },
        );
        return false;
      }
      revision.current = result.value.revision;
      savedFiles.current = toSave;
      setSave({ kind: 'saved', revision: result.value.revision });
      return true;
    },
    [slug],
  );

  /**
   * Saves one at a time: each save carries the revision the last one answered, so a second
   * sent while the first is checked would be refused as a change from another tab.
   */
  const saveNow = useCallback(
    async (toSave: DraftFiles): Promise<boolean> => {
      while (saving.current) await saving.current;
      if (toSave === savedFiles.current) return true;
      const sent = send(toSave);
      saving.current = sent;
      try {
        return await sent;
      } finally {
        if (saving.current === sent) saving.current = null;
      }
    },
    [send],
  );

  useEffect(() => {
    if (!files || save.kind === 'conflict') return;
    if (files === savedFiles.current) {
      // Undone back to what the server has (or redone to it): nothing to save.
      setSave((current) =>
        current.kind === 'saving' ? current : { kind: 'saved', revision: revision.current },
      );
      return;
    }
    setSave((current) => (current.kind === 'saving' ? current : { kind: 'unsaved' }));
    const timer = setTimeout(() => void saveNow(files), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [files, saveNow, retries]);

  useEffect(() => {
    if (!files) return;
    let live = true;
    setValidating(true);
    const timer = setTimeout(() => {
      worker
        .validate(files)
        .then((next) => live && setReport(next))
        .catch(
          (error: Error) =>
            live &&
            setReport({
              ok: false,
              errors: [{ severity: 'error', code: 'STUDIO', message: error.message }],
              warnings: [],
              faces: {},
              cards: [],
            }),
        )
        .finally(() => live && setValidating(false));
    }, VALIDATE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [files, worker]);

  return {
    game,
    files,
    loadError,
    save,
    report,
    validating,
    canUndo: (history?.past.length ?? 0) > 0,
    canRedo: (history?.future.length ?? 0) > 0,
    change: (next, key = null) => dispatch({ type: 'edit', files: next, key }),
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    seal: () => dispatch({ type: 'seal' }),
    flush: (latest = files ?? undefined) => (latest ? saveNow(latest) : Promise.resolve(false)),
    reload: () => setLoads((n) => n + 1),
    worker,
  };
}
