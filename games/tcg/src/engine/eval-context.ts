import type { Seat } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { EventInfo, ObjectId, TcgState } from './state.ts';

/** A unit's numbers and keywords after modifiers and static abilities. */
export interface DerivedStats {
  attack: number;
  health: number;
  maxHealth: number;
  cost: number;
  damage: number;
  keywords: ReadonlySet<string>;
}

/** Everything a selector, condition or value is evaluated against. */
export interface EvalContext {
  state: TcgState;
  content: Content;
  controller: Seat;
  /** The ability's source, or null for rules that have none. */
  self: string | null;
  bindings: Readonly<Record<string, readonly ObjectId[]>>;
  event: EventInfo | null;
  /** Heads flipped so far by the running ability. */
  heads?: number;
  /** Read stats without static abilities (used while computing statics). */
  raw?: boolean;
  /**
   * An object's derived stats (without statics when `raw`). Given by the context, not
   * imported, because derived stats are themselves computed with selectors and conditions.
   * Called on its context (`ctx.stats(id)`): it reads that context, so taking it off one
   * (`const { stats } = ctx`) is a type error.
   */
  stats(this: EvalContext, id: ObjectId): DerivedStats;
}
