/**
 * The Colyseus side of `npm run bench:compare`: `matches` concurrent two-player Golf rooms
 * (colyseus.js clients over WebSockets, matchmaking over HTTP), each seat a `RandomSeat`; a
 * finished match is replaced by a new one. Latency is a message sent to the patch it produced
 * arriving at the sender.
 */
import { Client, type Room } from 'colyseus.js';
import { legalGolfMoves } from './golf-rules.ts';
import { AnchorTally, keepTablesPlaying, retried } from './match-tables.ts';
import { RandomSeat, type SeatState } from './random-seat.ts';
import type { LoadWindow, WindowCounts } from './window.ts';

/** What a client decodes of `colyseus-golf.ts`'s state (by reflection: no shared classes). */
interface GolfView {
  phase: 'waiting' | 'opening' | 'play' | 'over';
  turn: number;
  seats: { length: number; at(index: number): { flipped: boolean } | undefined };
  discard: { length: number };
  holding?: { source: 'deck' | 'discard' };
  moves: number;
}

function seatState(state: GolfView, seat: number): SeatState {
  return {
    version: state.moves,
    legal: legalGolfMoves({
      over: state.phase === 'over',
      opening: state.phase === 'opening',
      mayFlip: state.seats.at(seat)?.flipped === false,
      myTurn: state.turn === seat,
      holding: state.holding?.source ?? null,
      discardCount: state.discard.length,
    }),
  };
}

export async function runColyseusLoad(
  url: string,
  matches: number,
  thinkMs: number,
  window: LoadWindow,
): Promise<WindowCounts> {
  const tally = new AnchorTally(window);
  const control = { stopping: false };
  const client = new Client(url.replace(/^http/, 'ws'));
  // Matchmaking on a fresh connection each time: a busy load generator reuses a kept-alive
  // socket the server has closed (idle 5 s) before it notices, and fails with "socket hang up".
  client.http.headers = { ...client.http.headers, Connection: 'close' };

  /** One match: both seats play until it is over (resolves true) or the run stops. */
  const playMatch = async (started: () => void): Promise<boolean> => {
    const first = await retried(() => client.create<GolfView>('golf'));
    // Not retried: a join is not idempotent. One that failed on the wire may still have taken
    // the seat (a retry then finds the room locked), so the table starts over with a new room.
    const second = await client.joinById<GolfView>(first.roomId).catch(() => null);
    if (!second) {
      void first.leave().catch(() => undefined);
      return false;
    }
    const rooms: Room<GolfView>[] = [first, second];
    return new Promise<boolean>((resolve) => {
      const countMoves = tally.moveCounter();
      const synced = new Set<number>();
      let done = false;
      const seats = rooms.map(
        (room, index) =>
          new RandomSeat({
            thinkMs,
            latencies: tally.latencies,
            measuring: tally.measuring,
            stopping: () => control.stopping,
            current: () => seatState(room.state, index),
            send: ([name, args]) => room.send(name, args[0]),
          }),
      );
      const finish = (over: boolean) => {
        if (done) return;
        done = true;
        if (over) tally.matchOver();
        for (const seat of seats) seat.stop();
        for (const room of rooms) void room.leave().catch(() => undefined);
        resolve(over);
      };
      rooms.forEach((room, index) => {
        room.onLeave(() => finish(false));
        room.onStateChange((state) => {
          if (control.stopping) return finish(false);
          if (state.phase === 'waiting') return;
          synced.add(index);
          if (synced.size === rooms.length) started();
          // Seat 0 counts each accepted move once (each counts one up).
          if (index === 0) countMoves(state.moves);
          seats[index]?.onState(seatState(state, index));
          // Counted in finish: a seat may hear of the end more than once.
          if (state.phase === 'over' && index === 0) finish(true);
        });
      });
    });
  };

  await keepTablesPlaying(matches, playMatch, window, control);
  return tally.counts();
}
