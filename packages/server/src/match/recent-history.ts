import type { AnyGame, Resolution, Viewer } from '@cardtable/engine';
import { compare, type Outgoing, type StepPosition } from './connection.ts';
import type { WireEvent } from '@cardtable/sdk/protocol';
import { viewerKey, wireEvents, type RebuiltResolution } from './history.ts';
import { sameJson } from './same-json.ts';

/** What projecting a resolution takes: the state before it and its steps with their states. */
interface ProjectionSource {
  before: unknown;
  resolution: Resolution<unknown>;
  ts: string;
  /** The seat whose turn clock ran out, when the timeout rule played this move. */
  timedOut: number | null;
  /** The EVENTs projected so far, by viewer: a later viewer's equal step reuses their JSON. */
  projected: Map<string, WireEvent[]>;
}

/** A committed resolution kept in memory: its position and its EVENT messages per viewer. */
export interface RecentResolution {
  version: number;
  steps: number;
  /** Each viewer's steps as EVENT messages with their JSON, made at most once per viewer. */
  messages: Map<string, Outgoing[]>;
  /**
   * The states a projection needs, until `settle` has made every seat's: only the JSON stays
   * (a live match's memory is its kept messages, not states and event objects).
   */
  source: ProjectionSource | null;
}

/**
 * The match's latest resolutions (at most `maxSteps` steps), each projected at most once per
 * viewer: the fan-out and every RESUME share these projections, so a resume costs what it sends
 * (no store read, no fold) and repeating it costs nothing more. Older steps are gone: a client
 * further behind gets a fresh WELCOME instead, and so does a viewer none of whose kind was
 * there for a resolution once its states were let go (a spectator, when no spectator watched).
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
      version: resolution.version,
      steps: resolution.steps.length,
      messages: new Map(),
      source: { before, resolution, ts, timedOut, projected: new Map() },
    };
    this.entries.push(entry);
    this.steps += entry.steps;
    while (this.steps > this.maxSteps && this.entries.length > 1) {
      const dropped = this.entries.shift() as RecentResolution;
      this.steps -= dropped.steps;
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

  /**
   * Makes the projections of `viewers` (the seats that may come back and RESUME) that the
   * fan-out did not make, then lets the resolution's states go.
   */
  settle(entry: RecentResolution, viewers: readonly Viewer[]): void {
    for (const viewer of viewers) this.messages(entry, viewer);
    entry.source = null;
  }

  /** Forgets everything (the log was replaced from the store). */
  clear(): void {
    this.entries = [];
    this.steps = 0;
  }

  /**
   * One resolution's EVENT messages for a viewer, projected and serialised once per viewer
   * however many of its connections receive them; null once its states are gone unprojected.
   */
  messages(entry: RecentResolution, viewer: Viewer): Outgoing[] | null {
    const key = viewerKey(viewer);
    const made = entry.messages.get(key);
    if (made) return made;
    const source = entry.source;
    if (!source) return null;
    const events = wireEvents(
      this.game,
      this.matchId,
      source.before,
      source.resolution,
      viewer,
      source.ts,
      source.timedOut,
    );
    const messages = events.map((event, index): Outgoing => {
      // A step every viewer sees alike (most of them) is serialised and kept once, not once
      // per viewer: only a step equal to another viewer's projection takes its JSON.
      for (const [other, theirs] of source.projected) {
        const their = theirs[index];
        if (their && sameJson(their, event)) return entry.messages.get(other)?.[index] as Outgoing;
      }
      const { version, step, resolutionId, requiresAck } = event;
      return {
        text: `{"type":"EVENT","event":${JSON.stringify(event)}}`,
        event: { version, step, resolutionId, requiresAck },
      };
    });
    source.projected.set(key, events);
    entry.messages.set(key, messages);
    this.projectionsMade++;
    return messages;
  }

  /**
   * The viewer's steps after `from` up to `to`, or null when they are not all here (older than
   * what is kept, a position the match never had, or a projection that can no longer be made).
   */
  between(from: StepPosition, to: StepPosition, viewer: Viewer): Outgoing[] | null {
    const first = this.entries[0];
    if (!first) return null;
    const start = first.version;
    // Every step after `from` must be here: its own resolution too, unless it is the start.
    if (from.version < start && !(from.version === 0 && start === 1)) return null;
    const own = this.entries.find((entry) => entry.version === from.version);
    if (own && from.step > own.steps) return null;
    const out: Outgoing[] = [];
    for (const entry of this.entries) {
      const { version } = entry;
      if (version < from.version || version > to.version) continue;
      if (version === from.version && from.step >= entry.steps) continue;
      const messages = this.messages(entry, viewer);
      if (!messages) return null;
      for (const message of messages) {
        const at = message.event as StepPosition;
        if (compare(at, from) > 0 && compare(at, to) <= 0) out.push(message);
      }
    }
    return out;
  }
}
