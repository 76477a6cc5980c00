import { Worker } from 'node:worker_threads';
import type { ContentSource, MatchRecord, ScheduledMatch } from '@cardtable/tcg';
import type { FromWorker, MatchSettings, ToWorker, WorkerSetup } from './tcg-messages.ts';

const WORKER = new URL('./tcg-worker.js', import.meta.url);

/**
 * Plays scheduled matches on `threads` worker threads, each handed the next match when it
 * finishes one. Records come back in any order; the report sorts them, so it is the same for
 * any thread count. Rejects if a worker cannot start or dies.
 */
export function playOnWorkers(
  source: ContentSource,
  plan: MatchSettings,
  matches: readonly ScheduledMatch[],
  threads: number,
  onRecord: (done: number) => void,
): Promise<MatchRecord[]> {
  if (matches.length === 0) return Promise.resolve([]);
  const records: MatchRecord[] = [];
  const workers: Worker[] = [];
  let next = 0;
  return new Promise<MatchRecord[]>((resolve, reject) => {
    let settled = false;
    const stopAll = () => {
      for (const worker of workers) void worker.terminate();
    };
    const failWith = (message: string) => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(new Error(`A simulation worker failed: ${message}`));
    };
    const handOut = (worker: Worker) => {
      const match = matches[next++];
      send(worker, match ? { type: 'play', match } : { type: 'stop' });
    };
    const count = Math.max(1, Math.min(threads, matches.length));
    for (let i = 0; i < count; i++) {
      const setup: WorkerSetup = { source, plan };
      const worker = new Worker(WORKER, { workerData: setup });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') return failWith(message.message);
        if (message.type === 'record') {
          records.push(message.record);
          onRecord(records.length);
          if (records.length === matches.length && !settled) {
            settled = true;
            resolve(records);
          }
        }
        handOut(worker);
      });
      worker.on('error', (error) => failWith(error.message));
      worker.on('exit', (code) => {
        if (code !== 0) failWith(`a worker thread exited with code ${code}`);
      });
    }
  });
}

const send = (worker: Worker, message: ToWorker) => worker.postMessage(message);
