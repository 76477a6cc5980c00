import type { Diagnostic } from '@cardtable/sdk/content';
import type {
  AbilityDryRun,
  BalancePlan,
  BalanceReport,
  CardFace,
  MatchRecord,
  ScheduledMatch,
} from '@cardtable/tcg';
import type { DraftFiles } from '../draft-files.ts';

/** What the studio's validation worker answers about a draft. */
export interface StudioReport {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Each card's face as the table shows it (generated rules text included), when the cards load. */
  faces: Record<string, CardFace>;
  /** The cards as the engine loaded them (a valid draft only), as a version's detail lists them. */
  cards: unknown[];
}

export type DryRunAnswer = { ok: true; run: AbilityDryRun } | { ok: false; message: string };

export type ToStudioWorker =
  | { id: number; kind: 'validate'; files: DraftFiles }
  | {
      id: number;
      kind: 'dryRun';
      files: DraftFiles;
      card: string;
      /** Which of the card's Lua abilities: its id, or its position among them. */
      ability: number | string;
      seed: string;
      /** A position saved from a playtest (a full engine state); absent: the seeded sample. */
      position?: unknown;
      /** Fields of the event a triggered ability sees, over the sample one. */
      event?: Record<string, unknown>;
    }
  | { id: number; kind: 'report'; files: DraftFiles; plan: BalancePlan; records: MatchRecord[] };

export type FromStudioWorker =
  | { id: number; kind: 'validate'; report: StudioReport }
  | { id: number; kind: 'dryRun'; answer: DryRunAnswer }
  | { id: number; kind: 'report'; report: BalanceReport }
  | { id: number; kind: 'crash'; message: string };

/** The balance lab's workers: each plays the matches it is handed on its own game. */
export type ToBalanceWorker =
  { kind: 'setup'; files: DraftFiles; plan: BalancePlan } | { kind: 'play'; match: ScheduledMatch };

export type FromBalanceWorker =
  { kind: 'ready' } | { kind: 'record'; record: MatchRecord } | { kind: 'failed'; message: string };
