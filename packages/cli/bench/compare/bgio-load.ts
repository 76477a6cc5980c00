/**
 * The boardgame.io side of `npm run bench:compare`: `matches` concurrent two-player Golf
 * matches over real sockets (socket.io, websocket transport), each seat a `RandomSeat`; a
 * finished match is replaced by a new one. Latency is a move sent to the state it produced
 * arriving at the mover (every move is `client: false`: no optimistic update on the client).
 */
import type { State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { bgioLegalMoves, BgioGolf, type BgioGolfState } from './bgio-golf.ts';
import { AnchorTally, keepTablesPlaying, retried } from './match-tables.ts';
import { RandomSeat, type SeatState } from './random-seat.ts';
import type { LoadWindow, WindowCounts } from './window.ts';

export async function runBgioLoad(
  url: string,
  matches: number,
  thinkMs: number,
  window: LoadWindow,
): Promise<WindowCounts> {
  const tally = new AnchorTally(window);
  const control = { stopping: false };

  const post = async (path: string, body: unknown) => {
    const response = await fetch(new URL(path, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as Record<string, string>;
  };

  /** One match: both seats play until it is over (resolves true) or the run stops. */
  const playMatch = async (started: () => void): Promise<boolean> => {
    const { matchID } = await retried(() => post('/games/golf/create', { numPlayers: 2 }));
    const clients: ReturnType<typeof Client<BgioGolfState>>[] = [];
    for (const playerID of ['0', '1']) {
      // Not retried: a join is not idempotent (one that failed on the wire may have taken the
      // seat, and its retry is refused), so the table starts over with a new match.
      const joined = await post(`/games/golf/${matchID}/join`, {
        playerID,
        playerName: `p${playerID}`,
      }).catch(() => null);
      if (!joined) return false;
      clients.push(
        Client<BgioGolfState>({
          game: BgioGolf,
          numPlayers: 2,
          matchID,
          playerID,
          credentials: joined.playerCredentials,
          debug: false,
          multiplayer: SocketIO({ server: url, socketOpts: { transports: ['websocket'] } }),
        }),
      );
    }
    const seatState = (state: State<BgioGolfState>, playerID: string): SeatState => ({
      version: state._stateID,
      legal: bgioLegalMoves(state.G, state.ctx, playerID),
    });
    return new Promise<boolean>((resolve) => {
      const countMoves = tally.moveCounter();
      const synced = new Set<string>();
      let done = false;
      const seats = clients.map(
        (client) =>
          new RandomSeat({
            thinkMs,
            latencies: tally.latencies,
            measuring: tally.measuring,
            stopping: () => control.stopping,
            current: () => {
              const state = client.getState() as State<BgioGolfState> | null;
              return state && seatState(state, client.playerID as string);
            },
            send: ([name, args]) => (client.moves[name] as (...a: unknown[]) => void)(...args),
          }),
      );
      const finish = (over: boolean) => {
        if (done) return;
        done = true;
        if (over) tally.matchOver();
        for (const seat of seats) seat.stop();
        for (const client of clients) client.stop();
        resolve(over);
      };
      clients.forEach((client, index) => {
        const playerID = client.playerID as string;
        client.subscribe((state) => {
          if (control.stopping) return finish(false);
          if (!state) return;
          synced.add(playerID);
          if (synced.size === clients.length) started();
          // Seat 0 counts each accepted move once (each moves the state on by one).
          if (playerID === '0') countMoves(state._stateID);
          seats[index]?.onState(seatState(state, playerID));
          // Counted in finish: a seat may hear of the end more than once.
          if (state.ctx.gameover && playerID === '0') finish(true);
        });
        client.start();
      });
    });
  };

  await keepTablesPlaying(matches, playMatch, window, control);
  return tally.counts();
}
