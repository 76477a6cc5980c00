import type {
  LegalMessage,
  MatchStatusMessage,
  PublicSeat,
  ServerMessage,
  WelcomeMessage,
} from '@cardtable/sdk/protocol';
import { PROTOCOL_VERSION } from '@cardtable/sdk/protocol';
import type { Connection, ConnectionIdentity, Outgoing } from './connection.ts';
import type { LiveMatch } from './live-match.ts';
import type { Presence } from './presence.ts';
import type { SeatClock } from './turn-clock.ts';
import type { RecentHistory, RecentResolution } from './recent-history.ts';

/** A past position and the state there, for a WELCOME that starts a stream from it. */
export interface StreamStart {
  version: number;
  step: number;
  state: unknown;
}

/**
 * What viewers get: WELCOMEs, LEGALs and MATCH_STATUS frames, and the fan-out of each committed
 * resolution to every connection in its viewer's projection (made once per viewer, kept in the
 * recent history for RESUMEs).
 */
export class MatchStream {
  constructor(
    private readonly live: LiveMatch,
    private readonly presence: Presence,
    private readonly history: RecentHistory,
    /** The running turn clocks (none without a time limit). */
    private readonly clocks: () => SeatClock[],
  ) {}

  /** Every seat's running clock, in ISO time; and the caller's own deadline, or null. */
  private deadlines(seat: number | null): Pick<LegalMessage, 'clocks' | 'turnEndsAt'> {
    const clocks = this.clocks().map((clock) => ({
      seat: clock.seat,
      startsAt: new Date(clock.startsAt).toISOString(),
      endsAt: new Date(clock.endsAt).toISOString(),
    }));
    const own = clocks.find((clock) => clock.seat === seat);
    return { clocks, turnEndsAt: own ? own.endsAt : null };
  }

  welcome(identity: ConnectionIdentity, at?: StreamStart): WelcomeMessage {
    const { record, game } = this.live;
    const state = at ? at.state : this.live.currentOrInitialState();
    const version = at ? at.version : record.version;
    return {
      type: 'WELCOME',
      protocolVersion: PROTOCOL_VERSION,
      matchId: record.id,
      game: record.game,
      seat: identity.seat,
      role: identity.seat === null ? 'spectator' : 'player',
      status: record.status,
      version,
      step: at ? at.step : this.live.lastStep,
      resolutionId: `r${version}`,
      view: game.view(state, identity.viewer),
      legal: at ? [] : this.live.legalFor(identity.seat),
      seats: this.publicSeats(),
      result: record.result,
      ...(at ? { turnEndsAt: null, clocks: [] } : this.deadlines(identity.seat)),
    };
  }

  /** Starts a connection's stream over from a fresh WELCOME (at the current position). */
  restart(connection: Connection, at?: StreamStart): void {
    connection.restart(this.welcome(connection.identity, at));
  }

  restartAll(at?: StreamStart): void {
    for (const connection of this.presence.connections) this.restart(connection, at);
  }

  publicSeats(): PublicSeat[] {
    return this.presence.publicSeats(this.live.record.seats);
  }

  /** What a seat may do now (nothing for a spectator), and every seat's clock. */
  legalMessage(seat: number | null): LegalMessage {
    const { record } = this.live;
    return {
      type: 'LEGAL',
      version: record.version,
      status: record.status,
      legal: this.live.legalFor(seat),
      ...this.deadlines(seat),
    };
  }

  statusMessage(): MatchStatusMessage {
    const { record } = this.live;
    return {
      type: 'MATCH_STATUS',
      status: record.status,
      version: record.version,
      seats: this.publicSeats(),
      result: record.result,
      ...(record.rematchId ? { rematchId: record.rematchId } : {}),
    };
  }

  /**
   * Hands every connection a committed resolution's steps, then status and LEGAL (spectators
   * get one too, with nothing to do: it carries the clocks every viewer shows). Each viewer's
   * steps, the status and each seat's LEGAL are made and serialised once, not once per
   * connection (every spectator shares one LEGAL).
   */
  broadcast(entry: RecentResolution, statusChanged: boolean) {
    const status: Outgoing | null = statusChanged ? serialised(this.statusMessage()) : null;
    const legal = this.legalOncePerSeat();
    for (const connection of this.presence.connections) {
      const { viewer, seat } = connection.identity;
      const messages: Outgoing[] = [...(this.history.messages(entry, viewer) ?? [])];
      if (status) messages.push(status);
      messages.push(legal(seat));
      connection.enqueue(messages);
    }
  }

  /** A status change without a resolution (presence, seats); with LEGAL when the turn's change. */
  broadcastStatus(withLegal = false): void {
    const status = serialised(this.statusMessage());
    const legal = this.legalOncePerSeat();
    for (const connection of this.presence.connections) {
      const { seat } = connection.identity;
      connection.enqueue(withLegal ? [status, legal(seat)] : [status]);
    }
  }

  /** Each seat's LEGAL (and the spectators'), made on first use and shared after. */
  private legalOncePerSeat(): (seat: number | null) => Outgoing {
    const made = new Map<number | null, Outgoing>();
    return (seat) => {
      let legal = made.get(seat);
      if (!legal) {
        legal = serialised(this.legalMessage(seat));
        made.set(seat, legal);
      }
      return legal;
    };
  }
}

/** A paced message with its JSON, to hand to many connections. */
const serialised = (message: ServerMessage): Outgoing => ({
  text: JSON.stringify(message),
  event: null,
});
