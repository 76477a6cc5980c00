import type { BalancePlan, MatchRecord, ScheduledMatch } from '@cardtable/tcg';
import type { DraftFiles } from '../draft-files.ts';
import type { FromBalanceWorker, ToBalanceWorker } from './protocol.ts';

export interface BalanceRun {
  /** Resolves with every match's record (in any order; the report sorts them). */
  done: Promise<MatchRecord[]>;
  cancel(): void;
}

/**
 * Plays scheduled matches on `threads` Web Workers, each handed the next match when it finishes
 * one (the CLI's worker threads do the same in Node). Cancel stops every worker at once.
 */
export function playInWorkers(
  files: DraftFiles,
  plan: BalancePlan,
  matches: readonly ScheduledMatch[],
  threads: number,
  onRecord: (done: number) => void,
): BalanceRun {
  const workers: Worker[] = [];
  const records: MatchRecord[] = [];
  let next = 0;
  let settle: { resolve(r: MatchRecord[]): void; reject(e: Error): void } | null = null;
  const done = new Promise<MatchRecord[]>((resolve, reject) => (settle = { resolve, reject }));
  const stop = () => workers.forEach((w) => w.terminate());
  const finish = (error?: Error) => {
    const current = settle;
    settle = null;
    stop();
    if (!current) return;
    if (error) current.reject(error);
    else current.resolve(records);
  };
  const send = (worker: Worker, message: ToBalanceWorker) => worker.postMessage(message);
  const handOut = (worker: Worker) => {
    const match = matches[next++];
    if (match) send(worker, { kind: 'play', match });
  };
  if (matches.length === 0) finish();
  const count = Math.max(1, Math.min(threads, matches.length));
  for (let i = 0; i < count && matches.length > 0; i++) {
    const worker = new Worker(new URL('./balance-worker.ts', import.meta.url), { type: 'module' });
    workers.push(worker);
    worker.onmessage = ({ data }: MessageEvent<FromBalanceWorker>) => {
      if (data.kind === 'failed') return finish(new Error(data.message));
      if (data.kind === 'record') {
        records.push(data.record);
        onRecord(records.length);
        if (records.length === matches.length) return finish();
      }
      handOut(worker);
    };
    worker.onerror = (event) => finish(new Error(event.message || 'a balance worker failed'));
    send(worker, { kind: 'setup', files, plan });
  }
  return { done, cancel: () => finish(new Error('Cancelled.')) };
}
