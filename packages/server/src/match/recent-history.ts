import type { AnyGame, Resolution, Viewer } from '@cardtable/engine';
import type { WireEvent } from '@cardtable/sdk/protocol';
import { compare, type Outgoing, type StepPosition } from './connection.ts';
import { viewerKey, wireEvents, type RebuiltResolution } from './history.ts';

/** A committed resolution kept in memory, with its projections as they are made. */
export interface RecentResolution {
  before: unknown;
  resolution: Resolution<unknown>;
  ts: string;
  /** The seat whose turn clock ran out, when the timeout rule played this move. */
  timedOut: number | null;
  projections: Map<string, WireEvent[]>;
  /** The same as EVENT messages with their JSON, made at most once per viewer (fan-out). */
  messages: Map<string, Outgoing[]>;
}

/**
 * The match's latest resolutions (at most `maxSteps` steps), each projected at most once per
 * viewer: the fan-out and every RESUME share these projections, so a resume costs what it sends
 * (no store read, no fold) and repeating it costs nothing more. Older steps are gone: a client
 * further behind gets a fresh WELCOME instead.
 */
export class RecentHistory {
  private entries: RecentResolution[] = [];
  private steps = 0;
  /** Projections made (one per resolution and viewer), for metrics and tests. */
  projectionsMade = 0;

  constructor(
    private readonly game: AnyGame,
    private readonly matchId: string,
    private readonly maxSteps: number,
  ) {}

  /** Keeps a committed resolution; returns it for the fan-out. */
  add(
    before: unknown,
    resolution: Resolution<unknown>,
    ts: string,
    timedOut: number | null = null,
  ): RecentResolution {
    const entry: RecentResolution = {
      before,
      resolution,
      ts,
      timedOut,
      projections: new Map(),
      messages: new Map(),
    };
    this.entries.push(entry);
    this.steps += resolution.steps.length;
    while (this.steps > this.maxSteps && this.entries.length > 1) {
      const dropped = this.entries.shift() as RecentResolution;
      this.steps -= dropped.resolution.steps.length;
    }
    return entry;
  }

  /** Keeps resolutions rebuilt from the store (after a restart), `before` the first of them. */
  addRebuilt(before: unknown, rebuilt: readonly RebuiltResolution[]): void {
    let state = before;
    for (const { resolution, ts, timedOut = null } of rebuilt) {
      this.add(state, resolution, ts, timedOut);
      state = resolution.statesAfter[resolution.statesAfter.length - 1] ?? state;
    }
  }

  /** Forgets everything (the log was replaced from the store). */
  clear(): void {
    this.entries = [];
    this.steps = 0;
  }

  /** One resolution's steps as a viewer receives them, projected once per viewer. */
  project(entry: RecentResolution, viewer: Viewer): WireEvent[] {
    const key = viewerKey(viewer);
    let events = entry.projections.get(key);
    if (!events) {
      events = wireEvents(
        this.game,
        this.matchId,
        entry.before,
        entry.resolution,
        viewer,
        entry.ts,
        entry.timedOut,
      );
      entry.projections.set(key, events);
      this.projectionsMade++;
    }
    return events;
  }

  /**
   * One resolution's EVENT messages for a viewer, each serialised once per viewer however many
   * of its connections receive them.
   */
  messages(entry: RecentResolution, viewer: Viewer): Outgoing[] {
    const key = viewerKey(viewer);
    let messages = entry.messages.get(key);
    if (!messages) {
      messages = this.project(entry, viewer).map((event) => {
        const message = { type: 'EVENT' as const, event };
        return { message, text: JSON.stringify(message) };
      });
      entry.messages.set(key, messages);
    }
    return messages;
  }

  /**
   * The viewer's steps after `from` up to `to`, or null when they are not all here (older than
   * what is kept, or a position the match never had).
   */
  between(from: StepPosition, to: StepPosition, viewer: Viewer): WireEvent[] | null {
    const first = this.entries[0];
    if (!first) return null;
    const start = first.resolution.version;
    // Every step after `from` must be here: its own resolution too, unless it is the start.
    if (from.version < start && !(from.version === 0 && start === 1)) return null;
    const own = this.entries.find((entry) => entry.resolution.version === from.version);
    if (own && from.step > own.resolution.steps.length) return null;
    const out: WireEvent[] = [];
    for (const entry of this.entries) {
      const { version } = entry.resolution;
      if (version < from.version || version > to.version) continue;
      if (version === from.version && from.step >= entry.resolution.steps.length) continue;
      for (const event of this.project(entry, viewer)) {
        if (compare(event, from) > 0 && compare(event, to) <= 0) out.push(event);
      }
    }
    return out;
  }
}
