import {
  eventOf,
  projectResolution,
  resolutionIdFor,
  type AnyGame,
  type Resolution,
  type StepEvent,
  type Viewer,
} from '@cardtable/engine';
import { eventIdOf, type WireEvent } from '@cardtable/sdk/protocol';
import type { StoredEvent } from '../store/event-store.ts';
import { compare, type StepPosition } from './connection.ts';

/** A stored resolution, rebuilt with the states a projection needs. */
export interface RebuiltResolution {
  resolution: Resolution<unknown>;
  ts: string;
  /** The seat whose turn clock ran out, when the timeout rule played this resolution's move. */
  timedOut?: number | null;
}

/**
 * Regroups stored events into resolutions, folding from `before` to recover the state after
 * each step (states are never stored per step; they are a fold of the log).
 */
export function rebuildResolutions(
  game: AnyGame,
  before: unknown,
  events: readonly StoredEvent[],
): RebuiltResolution[] {
  const rebuilt: RebuiltResolution[] = [];
  let state = before;
  for (const event of events) {
    let current = rebuilt[rebuilt.length - 1];
    if (!current || current.resolution.version !== event.version) {
      current = {
        resolution: {
          version: event.version,
          resolutionId: resolutionIdFor(event.version),
          cause: { kind: 'start' },
          steps: [],
          statesAfter: [],
        },
        ts: event.ts,
      };
      rebuilt.push(current);
    }
    const step: StepEvent = {
      version: event.version,
      step: event.step,
      resolutionId: event.resolutionId,
      type: event.type,
      data: event.data,
      requiresAck: event.requiresAck,
    };
    state = game.evolve(state, eventOf(step));
    current.resolution.steps.push(step);
    current.resolution.statesAfter.push(state);
  }
  return rebuilt;
}

/**
 * One resolution's steps as one viewer receives them; each step of a move the timeout rule
 * played carries the seat whose clock ran out (`timedOut`).
 */
export function wireEvents(
  game: AnyGame,
  matchId: string,
  before: unknown,
  resolution: Resolution<unknown>,
  viewer: Viewer,
  ts: string,
  timedOut: number | null = null,
): WireEvent[] {
  return projectResolution(game, before, resolution, viewer).map((step) => ({
    eventId: eventIdOf(matchId, step.version, step.step),
    matchId,
    version: step.version,
    step: step.step,
    resolutionId: step.resolutionId,
    type: step.type,
    data: step.data,
    ts,
    requiresAck: step.requiresAck,
    stateDiff: step.stateDiff,
    ...(timedOut === null ? {} : { timedOut }),
  }));
}

/** The viewer's projection of every step after `after`, from the rebuilt resolutions. */
export function projectAfter(
  game: AnyGame,
  matchId: string,
  before: unknown,
  rebuilt: readonly RebuiltResolution[],
  viewer: Viewer,
  after: StepPosition,
): WireEvent[] {
  const out: WireEvent[] = [];
  let state = before;
  for (const { resolution, ts, timedOut = null } of rebuilt) {
    for (const event of wireEvents(game, matchId, state, resolution, viewer, ts, timedOut)) {
      if (compare(event, after) > 0) out.push(event);
    }
    state = resolution.statesAfter[resolution.statesAfter.length - 1] ?? state;
  }
  return out;
}

/** A cache key per distinct projection: every connection of one seat sees the same thing. */
export const viewerKey = (viewer: Viewer) =>
  viewer.kind === 'seat' ? `seat:${viewer.seat}` : viewer.kind;
