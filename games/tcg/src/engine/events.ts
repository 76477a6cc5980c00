import type { Outcome, Seat } from '@cardtable/engine';
import type { Continuation, Decision, Modifier, ObjectId, StackItem } from './state.ts';

export interface ZoneRef {
  player: Seat;
  zone: string;
}

/** A card entering a deck: its new handle and definition, both server-only. */
export interface DeckCard {
  handle: string;
  defId: string;
}

/**
 * Every fact of a TCG match. Fields a viewer may not know are `null` in their projection
 * (`projectEvent`); the unprojected log holds everything, so folding it rebuilds the state.
 */
export type TcgEvent =
  | {
      type: 'matchStarted';
      data: {
        ruleset: string;
        version: string;
        hash: string;
        /** The Lua sandbox's engine id when the match can run scripts: replays pin it. */
        scripts: string | null;
        firstPlayer: Seat;
        life: number;
      };
    }
  | { type: 'deckBuilt'; data: { player: Seat; count: number; cards: DeckCard[] | null } }
  | {
      type: 'deckShuffled';
      data: { player: Seat; zone: string; count: number; order: string[] | null };
    }
  | {
      type: 'cardDrawn';
      data: { player: Seat; card: string | null; handle: string | null; defId: string | null };
    }
  | {
      type: 'cardMoved';
      data: {
        card: string | null;
        handle: string | null;
        defId: string | null;
        from: ZoneRef;
        to: ZoneRef;
        /** Index in the destination list (top of a deck is the end). */
        index: number;
        reason:
          | 'discard'
          | 'effect'
          | 'resolved'
          | 'countered'
          | 'fizzled'
          | 'mulligan'
          | 'burned'
          | 'detached'
          | 'setup'
          | 'prize'
          | 'played'
          | 'retreat';
      };
    }
  | {
      type: 'cardCreated';
      data: { handle: string; defId: string; player: Seat; zone: string; index: number };
    }
  | { type: 'mulliganStarted'; data: { seats: Seat[] } }
  | { type: 'mulliganDone'; data: { player: Seat; replaced: number } }
  | { type: 'turnStarted'; data: { player: Seat; turn: number } }
  | { type: 'phaseEntered'; data: { phase: number; id: string } }
  | { type: 'turnEnded'; data: { player: Seat; turn: number } }
  | { type: 'resourceChanged'; data: { player: Seat; current: number; max: number } }
  | { type: 'unitsReadied'; data: { player: Seat } }
  | {
      type: 'cardPlayed';
      data: {
        player: Seat;
        /** The hand handle it left (its owner only). */
        card: string | null;
        handle: string;
        defId: string;
        to: 'board' | 'stack';
        index: number;
        spell: boolean;
        targets: Record<string, ObjectId[]>;
      };
    }
  | {
      type: 'energyAttached';
      data: { player: Seat; card: string | null; handle: string; defId: string; unit: string };
    }
  | { type: 'stackItemAdded'; data: { item: StackItem } }
  | { type: 'stackItemRemoved'; data: { id: number; result: 'resolved' | 'countered' | 'fizzled' } }
  | { type: 'priority'; data: { holder: Seat | null; otherPassed: boolean } }
  | { type: 'priorityPassed'; data: { player: Seat } }
  | { type: 'attackDeclared'; data: { attacker: string; target: ObjectId } }
  | { type: 'blockDeclared'; data: { attacker: string; blocker: string | null } }
  | {
      type: 'damageDealt';
      data: { source: ObjectId | null; target: ObjectId; amount: number; combat: boolean };
    }
  | { type: 'shieldBroken'; data: { target: string; keyword: string } }
  | { type: 'healed'; data: { target: ObjectId; amount: number } }
  | { type: 'destroyMarked'; data: { target: string } }
  | {
      type: 'unitDied';
      data: {
        card: string;
        handle: string;
        defId: string;
        player: Seat;
        owner: Seat;
        token: boolean;
      };
    }
  | { type: 'modifierAdded'; data: { modifier: Modifier } }
  | { type: 'modifiersExpired'; data: { ids: number[] } }
  | {
      type: 'abilityTriggered';
      data: { source: string; defId: string; abilityId: string; controller: Seat };
    }
  /**
   * A unit's activated ability is used: one more use this turn, and the unit's attack count
   * becomes `attacks` when it exhausts (null: unchanged). Its cost is a `resourceChanged`.
   */
  | {
      type: 'abilityActivated';
      data: {
        player: Seat;
        source: string;
        defId: string;
        abilityId: string;
        targets: Record<string, ObjectId[]>;
        attacks: number | null;
      };
    }
  | { type: 'stepFizzled'; data: { reason: string; source: string | null } }
  /**
   * A Lua ability failed and did nothing. `message` is public-safe (fixed per code); `detail`
   * is the sandbox's own message, which may quote game data: server-only.
   */
  | { type: 'scriptFailed'; data: ScriptFailure }
  | {
      type: 'cardRevealed';
      data: { player: Seat; to: Seat[]; cards: { defId: string }[] | null; count: number };
    }
  | { type: 'fatigue'; data: { player: Seat; amount: number } }
  | {
      type: 'decisionRequested';
      data: {
        decision: Decision | null;
        player: Seat;
        id: string;
        kind: string;
        continuation: Continuation | null;
      };
    }
  | {
      type: 'decisionResolved';
      data: { id: string; player: Seat; picks: string[]; byTimeout: boolean };
    }
  | { type: 'decisionAutoResolved'; data: { player: Seat; kind: string; picks: string[] } }
  | { type: 'timedOut'; data: { player: Seat; strikes: number } }
  | { type: 'strikesCleared'; data: { player: Seat } }
  /** `text`: the words of the ruleset's win rule that decided it, when it has them. */
  | { type: 'playerLost'; data: { player: Seat; reason: string; text?: string } }
  // ---- monster-battler events ----
  /** A hand without a basic creature, shown to both players before it is reshuffled. */
  | { type: 'mulliganRevealed'; data: { player: Seat; cards: { defId: string }[]; count: number } }
  /** A setup choice (hand handles), the chooser's only until both have chosen. */
  | {
      type: 'setupChosen';
      data: { player: Seat; active: string | null; bench: string[] | null };
    }
  | {
      type: 'activeSet';
      data: {
        player: Seat;
        card: string | null;
        reason: 'setup' | 'promoted' | 'retreat' | 'switch' | 'knockedOut';
      };
    }
  /** Coin flips (true = heads), public. */
  | {
      type: 'coinFlipped';
      data: { player: Seat; source: string | null; results: boolean[]; purpose: string };
    }
  | { type: 'conditionAdded'; data: { target: string; condition: string } }
  | { type: 'conditionRemoved'; data: { target: string; condition: string } }
  | {
      type: 'creatureEvolved';
      data: {
        player: Seat;
        /** The hand handle the evolution card left. */
        card: string;
        unit: string;
        defId: string;
        /** The card now under the creature: its new handle and definition. */
        under: string;
        underDefId: string;
      };
    }
  | {
      type: 'creatureDevolved';
      data: { unit: string; under: string; defId: string; card: string; cardDefId: string };
    }
  | {
      type: 'toolAttached';
      data: { player: Seat; card: string | null; handle: string; defId: string; unit: string };
    }
  | {
      type: 'attackUsed';
      data: { attacker: string; attack: string; name: string; defender: string | null };
    }
  /** Counts something the active player did this turn (`retreat`, `type:<card type>`). */
  | { type: 'turnCounted'; data: { player: Seat; key: string } }
  | { type: 'gameEnded'; data: { outcome: Outcome } };

export type TcgEventType = TcgEvent['type'];
export type EventOf<T extends TcgEventType> = Extract<TcgEvent, { type: T }>;
export type EventData<T extends TcgEventType> = EventOf<T>['data'];

export interface ScriptFailure {
  /** The source's handle and definition ('' for a viewer who cannot see the source). */
  source: string;
  card: string;
  ability: string;
  module: string;
  entry: string;
  /** A sandbox code (`RUNTIME`, `BUDGET_EXCEEDED`, ...) or the engine's (`INVALID_EFFECTS`, ...). */
  code: string;
  /** The module's line, when the failure has one. */
  line: number | null;
  message: string;
  detail: string | null;
}
