import type { BalancePlan, ContentSource, MatchRecord, ScheduledMatch } from '@cardtable/tcg';

/** What a worker thread of `simulate tcg` starts with. */
export interface WorkerSetup {
  source: ContentSource;
  plan: BalancePlan;
}

export type ToWorker = { type: 'play'; match: ScheduledMatch } | { type: 'stop' };

export type FromWorker =
  { type: 'ready' } | { type: 'record'; record: MatchRecord } | { type: 'failed'; message: string };
