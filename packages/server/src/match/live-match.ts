import type { AnyGame, GameAction, MatchState } from '@cardtable/engine';
import type { LegalAction } from '@cardtable/sdk/protocol';
import type { HostedGame } from '../games.ts';
import type { EventStore, MatchRecord, SeatRecord } from '../store/event-store.ts';
import { rebuildResolutions, type RebuiltResolution } from './history.ts';
import { matchConfig, seatOfUser } from './match-record.ts';

/**
 * One match as the actor holds it in memory: its record, its state (null before the start) and
 * the position of its last step. Every part of the actor reads it; only commits change it.
 */
export class LiveMatch {
  /** Set while the server drains: nothing new starts. */
  draining = false;

  constructor(
    public record: MatchRecord,
    readonly hosted: HostedGame,
    public match: MatchState<unknown> | null,
    public lastStep: number,
  ) {}

  /**
   * Rebuilds a match from its latest snapshot plus the events after it; those last resolutions
   * come back too (`recent`, with the state before the first), for the recent history.
   */
  static async load(
    record: MatchRecord,
    hosted: HostedGame,
    store: EventStore,
  ): Promise<{ live: LiveMatch; before: unknown; recent: RebuiltResolution[] }> {
    if (record.status === 'waiting') {
      return { live: new LiveMatch(record, hosted, null, 0), before: null, recent: [] };
    }
    const config = matchConfig(record);
    const snapshot = await store.latestSnapshot(record.id);
    const before = snapshot ? snapshot.state : hosted.game.initialState(config);
    const tail = await store.events(record.id, snapshot?.version ?? 0);
    const recent = rebuildResolutions(hosted.game, before, tail);
    const lastResolution = recent[recent.length - 1]?.resolution;
    const state = lastResolution ? lastResolution.statesAfter.at(-1) : before;
    const last = tail[tail.length - 1];
    let lastStep = last && last.version === record.version ? last.step : 0;
    if (!last && snapshot && snapshot.version === record.version) {
      lastStep = (await store.events(record.id, record.version - 1, record.version)).length;
    }
    const match = { config, state, version: record.version };
    return { live: new LiveMatch(record, hosted, match, lastStep), before, recent };
  }

  get id(): string {
    return this.record.id;
  }

  get game(): AnyGame {
    return this.hosted.game;
  }

  get isActive(): boolean {
    return this.record.status === 'active' && this.match !== null && !this.draining;
  }

  seat(seat: number): SeatRecord | undefined {
    return this.record.seats[seat];
  }

  seatOf(userId: string): number | null {
    return seatOfUser(this.record, userId);
  }

  activeSeats(): number[] {
    return this.match ? (this.game.activeSeats(this.match.state) as number[]) : [];
  }

  currentOrInitialState(): unknown {
    return this.match ? this.match.state : this.game.initialState(matchConfig(this.record));
  }

  /** What a seat may do now (nothing for spectators, seats that gave up, or seats not to move). */
  legalFor(seat: number | null): LegalAction[] {
    const match = this.match;
    if (seat === null || !match || this.record.status !== 'active') return [];
    const record = this.record.seats[seat];
    if (!record || record.left || record.surrendered) return [];
    if (!this.activeSeats().includes(seat)) return [];
    // A formality the server is about to play leaves the player nothing to choose.
    if (this.formalityFor(seat)) return [];
    return (this.game.legalActions(match.state, seat) as GameAction[]).map((a) => ({
      type: a.type,
      payload: a.payload,
    }));
  }

  /**
   * The move the game plays for an active seat at once (`Game.autoPlay`: a pass nobody could
   * answer), honouring the seat's stops; null when the seat has a real choice.
   */
  formalityFor(seat: number): GameAction | null {
    const { match } = this;
    const autoPlay = this.game.autoPlay;
    if (!autoPlay || !match || !this.activeSeats().includes(seat)) return null;
    return autoPlay.action(match.state, seat, this.seat(seat)?.stops ?? []) as GameAction | null;
  }
}
