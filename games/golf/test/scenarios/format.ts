import type { Viewer } from '@cardtable/engine';
import type { GolfEventType, GolfOptions } from '../../src/index.ts';
import type { CardText } from '../support/notation.ts';

/**
 * A scenario is plain data: a table, how the round starts (a seed, or an arranged deal folded
 * in as a `roundDealt` event), actions, and what must follow. Cards are CardText (`KS`, `10H`,
 * `JK`, `??` for a hidden card); expected data is matched as a subset of the real data with
 * every card written as CardText.
 */
export interface Scenario {
  name: string;
  /** The rule (spec section) or mistake (spec section 8) this scenario covers. */
  rule: string;
  options?: Partial<GolfOptions>;
  seats: number;
  /** Seeds the deal (when there is no arranged deal) and every later shuffle. */
  seed?: string;
  deal?: ArrangedDeal;
  /** Expected events of the opening resolution (seeded starts only). */
  startEvents?: EventPattern[];
  actions: ScenarioAction[];
  expect?: FinalExpectation;
}

export interface ArrangedDeal {
  /** 1 unless set; the dealer then defaults to the rule (seat 0 deals round 1, then rotates). */
  round?: number;
  /** Each seat's six cards, in slot order 0..5. */
  hands: CardText[][];
  discardTop: CardText;
  /** The deck, top card first. */
  deck: CardText[];
}

export interface EventPattern {
  type: GolfEventType;
  data?: Record<string, unknown>;
}

export interface ScenarioAction {
  seat: number;
  type: string;
  payload?: unknown;
  /** The action is rejected with this code and the state is unchanged. */
  rejects?: string;
  /** Exactly these events, in order (each matched as a subset). */
  events?: EventPattern[];
  /** These events appear in this order, among others. */
  includes?: EventPattern[];
  /** No event of these types is produced. */
  excludes?: GolfEventType[];
  /** A subset of the state after the action. */
  state?: Record<string, unknown>;
  /** What a viewer receives of this action's resolution and sees afterwards. */
  seenBy?: SeenBy[];
  /** Exactly these actions are legal for `seat` after this action (any order). */
  legalAfter?: { seat: number; actions: { type: string; payload: unknown }[] };
}

export interface SeenBy {
  viewer: Viewer;
  /** The projected events, exactly, in order (each matched as a subset). */
  events?: EventPattern[];
  /** A subset of the viewer's view after the action. */
  view?: Record<string, unknown>;
}

export interface FinalExpectation {
  /** Each played round's scores, seat by seat. */
  roundScores?: number[][];
  totals?: number[];
  /** Subsets of the RoundResults, in order. */
  rounds?: Record<string, unknown>[];
  outcome?: Record<string, unknown> | null;
  state?: Record<string, unknown>;
}
