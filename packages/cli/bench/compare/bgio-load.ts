/**
 * The boardgame.io side of `npm run bench:compare`: `matches` concurrent two-player Golf
 * matches over real sockets (socket.io, websocket transport), each seat a random player that
 * waits `thinkMs` whenever it may move and then makes one of its legal moves at random; a
 * finished match is replaced by a new one. Latency is a move sent to the state it produced
 * arriving at the mover (every move is `client: false`: no optimistic update on the client).
 */
import type { State } from 'boardgame.io';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { LatencySamples } from '../../src/load/stats.ts';
import { bgioLegalMoves, BgioGolf, type BgioGolfState } from './bgio-golf.ts';
import type { LoadWindow, WindowCounts } from './window.ts';

/** A move whose state never came back (a stale opening flip dropped by the server): try again. */
const RETRY_AFTER_MS = 1_000;

interface Seat {
  client: ReturnType<typeof Client<BgioGolfState>>;
  playerID: string;
  sentAt: number | null;
  sentStateID: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export async function runBgioLoad(
  url: string,
  matches: number,
  thinkMs: number,
  window: LoadWindow,
): Promise<WindowCounts> {
  const latencies = new LatencySamples();
  let accepted = 0;
  let finished = 0;
  let stopping = false;
  const inWindow = () => window.measuring();

  /** A lobby call; retried, since a kept-alive socket the server just closed fails a request. */
  const post = async (
    path: string,
    body: unknown,
    attempts = 3,
  ): Promise<Record<string, string>> => {
    try {
      const response = await fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return (await response.json()) as Record<string, string>;
    } catch (error) {
      if (attempts <= 1) throw error;
      await new Promise((done) => setTimeout(done, 100));
      return post(path, body, attempts - 1);
    }
  };

  /**
   * One match: both seats play until it is over (resolves true) or the run stops; `started`
   * runs once both seats hold the match's state.
   */
  const playMatch = async (started: () => void): Promise<boolean> => {
    const { matchID } = await post('/games/golf/create', { numPlayers: 2 });
    const seats: Seat[] = [];
    for (const playerID of ['0', '1']) {
      const joined = await post(`/games/golf/${matchID}/join`, {
        playerID,
        playerName: `p${playerID}`,
      });
      const client = Client<BgioGolfState>({
        game: BgioGolf,
        numPlayers: 2,
        matchID,
        playerID,
        credentials: joined.playerCredentials,
        debug: false,
        multiplayer: SocketIO({ server: url, socketOpts: { transports: ['websocket'] } }),
      });
      seats.push({ client, playerID, sentAt: null, sentStateID: -1, timer: null });
    }
    return new Promise<boolean>((resolve) => {
      let lastStateID = -1;
      const synced = new Set<string>();
      let done = false;
      const finish = (over: boolean) => {
        if (done) return;
        done = true;
        for (const seat of seats) {
          if (seat.timer) clearTimeout(seat.timer);
          seat.client.stop();
        }
        resolve(over);
      };
      const act = (seat: Seat) => {
        seat.timer = null;
        if (stopping) return;
        const state = seat.client.getState() as State<BgioGolfState> | null;
        if (!state) return;
        const moves = bgioLegalMoves(state.G, state.ctx, seat.playerID);
        const choice = moves[Math.floor(Math.random() * moves.length)];
        if (!choice) return;
        const [name, args] = choice;
        seat.sentAt = performance.now();
        seat.sentStateID = state._stateID;
        (seat.client.moves[name] as (...a: unknown[]) => void)(...args);
        seat.timer = setTimeout(() => {
          seat.sentAt = null;
          act(seat);
        }, RETRY_AFTER_MS + thinkMs);
      };
      for (const seat of seats) {
        seat.client.subscribe((state) => {
          if (!state || stopping) {
            if (stopping) finish(false);
            return;
          }
          synced.add(seat.playerID);
          if (synced.size === seats.length) started();
          // Seat 0 counts each accepted move once (each moves the state on by one).
          if (seat.playerID === '0' && lastStateID >= 0 && state._stateID > lastStateID) {
            if (inWindow()) accepted += state._stateID - lastStateID;
          }
          if (seat.playerID === '0') lastStateID = Math.max(lastStateID, state._stateID);
          if (seat.sentAt !== null && state._stateID > seat.sentStateID) {
            if (inWindow()) latencies.add(performance.now() - seat.sentAt);
            seat.sentAt = null;
            if (seat.timer) clearTimeout(seat.timer);
            seat.timer = null;
          }
          if (state.ctx.gameover) {
            if (seat.playerID === '0') {
              if (inWindow()) finished++;
              finish(true);
            }
            return;
          }
          const mayMove = bgioLegalMoves(state.G, state.ctx, seat.playerID).length > 0;
          if (mayMove && seat.sentAt === null && seat.timer === null) {
            seat.timer = setTimeout(() => act(seat), thinkMs);
          }
        });
        seat.client.start();
      }
    });
  };

  let ready = 0;
  const tables: Promise<void>[] = [];
  const SETUP_CONCURRENCY = 32;
  let started = 0;
  const readyAll = new Promise<void>((resolveReady) => {
    const table = async () => {
      let first = true;
      while (!stopping) {
        await playMatch(() => {
          if (!first) return;
          first = false;
          ready++;
          if (ready === matches) resolveReady();
        });
      }
    };
    // Like the Cardtable load: at most SETUP_CONCURRENCY tables being set up at once.
    const starter = async () => {
      while (started < matches) {
        started++;
        const before = ready;
        tables.push(table());
        while (ready === before && !stopping) await new Promise((done) => setTimeout(done, 5));
      }
    };
    void Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, matches) }, starter));
  });
  await readyAll;
  await window.run();
  stopping = true;
  await Promise.race([Promise.allSettled(tables), new Promise((done) => setTimeout(done, 5_000))]);
  const [p50, p95, p99, max] = latencies.percentiles([50, 95, 99, 100]);
  return {
    actions: accepted,
    latencyMs: { p50: p50 ?? null, p95: p95 ?? null, p99: p99 ?? null, max: max ?? null },
    matchesFinished: finished,
    refused: {},
  };
}
