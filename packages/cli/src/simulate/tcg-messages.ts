import type { BalancePlan, ContentSource, MatchRecord, ScheduledMatch } from '@cardtable/tcg';

/** What every match of a plan shares (a balance plan's or a level plan's). */
export type MatchSettings = Pick<BalancePlan, 'ruleset' | 'seed' | 'maxActions'>;

/** What a worker thread of `simulate tcg` starts with. */
export interface WorkerSetup {
  source: ContentSource;
  plan: MatchSettings;
}

export type ToWorker = { type: 'play'; match: ScheduledMatch } | { type: 'stop' };

export type FromWorker =
  { type: 'ready' } | { type: 'record'; record: MatchRecord } | { type: 'failed'; message: string };
