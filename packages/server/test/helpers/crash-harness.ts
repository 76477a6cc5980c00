import { randomUUID } from 'node:crypto';
import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import { golf } from '@cardtable/golf';
import type { AuthResponse, LegalAction } from '@cardtable/sdk/protocol';
import { expect } from 'vitest';
import { ChildServer } from './child-server.ts';
import { call } from './http.ts';
import { tempDir, testEnv, type StoreKind } from './server.ts';
import { RawClient } from './socket-client.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * The server runs in a child process (the `cardtable serve` lifecycle) and is killed with SIGKILL at random
 * moments while two players play Golf. After every restart on the same data the players
 * reconnect and retry any action whose result they never got, with the same actionId.
 */
class CrashHarness {
  private up: Promise<string>;
  private aborted = false;
  kills = 0;

  constructor(private readonly server: ChildServer) {
    this.up = server.start();
  }

  url(): Promise<string> {
    return this.aborted ? Promise.reject(new Error('the crash suite was aborted')) : this.up;
  }

  /** Stops every player and the killer at their next step (after a failure). */
  abort(): void {
    this.aborted = true;
  }

  /** Kills the server and starts it again; a restart that fails fails every waiter with it. */
  async killAndRestart(): Promise<void> {
    await this.server.kill();
    this.kills++;
    if (this.aborted) return;
    this.up = this.server.start();
    this.up.catch(() => undefined); // waiters see the failure; the killer rethrows it
    await this.up;
  }

  /** An HTTP call that waits out restarts. */
  async request<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const url = await this.url();
      try {
        const response = await call<T>(url, method, path, { token, body });
        if (response.status < 500) {
          if (response.status !== 200)
            throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
          return response.body;
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(path)) throw error;
        if (attempt > 200) throw error;
      }
      await sleep(50);
    }
  }
}

interface Ledger {
  /** actionId -> the version its ACTION_RESULT reported. */
  acknowledged: Map<string, number>;
}

function latestOffer(client: RawClient): { status: string; version: number; legal: LegalAction[] } {
  for (let i = client.received.length - 1; i >= 0; i--) {
    const message = client.received[i]!;
    if (message.type === 'LEGAL' || message.type === 'WELCOME') return message;
  }
  throw new Error('no WELCOME yet');
}

/** What each seat did last: a suite over its budget says where its players were. */
type SeatTrace = Map<string, string>;

/** One seat's player: picks random legal moves; reconnects and retries across crashes. */
async function playSeat(
  harness: CrashHarness,
  matchId: string,
  player: { name: string; token: string },
  ledger: Ledger,
  trace: SeatTrace,
) {
  const { name, token } = player;
  const note = (what: string) => trace.set(name, what);
  let pending: { actionId: string; type: string; payload: unknown } | null = null;
  for (;;) {
    let client: RawClient;
    const url = await harness.url(); // a failed restart fails the player, and the test
    try {
      note('opening a socket');
      client = await RawClient.open(url, matchId, token);
    } catch (error) {
      note(`could not open a socket: ${String(error)}`);
      await sleep(30);
      continue;
    }
    try {
      for (;;) {
        if (pending) {
          note(`acting ${pending.type} (${pending.actionId})`);
          const result = await client.act(pending.type, pending.payload, {
            actionId: pending.actionId,
          });
          pending = null;
          if (result.ok) {
            ledger.acknowledged.set(result.actionId, result.version);
            await client.waitFor('LEGAL', (m) => m.version >= result.version);
          }
        }
        const offer = latestOffer(client);
        if (offer.status === 'over') {
          await client.close();
          return;
        }
        if (offer.legal.length === 0) {
          note(`waiting for its turn after version ${offer.version}`);
          await client.next('LEGAL');
          continue;
        }
        const choice = offer.legal[randomInt(0, offer.legal.length - 1)]!;
        pending = { actionId: randomUUID(), type: choice.type, payload: choice.payload };
      }
    } catch (error) {
      note(`dropped: ${String(error)}`);
      client.drop(); // the server died under us: reconnect and retry what is pending
    }
  }
}

async function checkFinishedMatch(replay: ReplayFile, ledger: Ledger): Promise<void> {
  expect(replay.match.status).toBe('over');
  expect(typeof replay.match.seed).toBe('string');
  const report = verifyReplay(golf, replay);
  expect(report, JSON.stringify(report)).toMatchObject({ ok: true });
  // No acknowledged action lost, none applied twice.
  const byId = new Map<string, number>();
  for (const action of replay.actions) {
    expect(byId.has(action.actionId), `actionId ${action.actionId} applied twice`).toBe(false);
    byId.set(action.actionId, action.version);
  }
  for (const [actionId, version] of ledger.acknowledged) {
    expect(byId.get(actionId), `acknowledged ${actionId} lost`).toBe(version);
  }
  expect(replay.actions.map((a) => a.version)).toEqual(replay.actions.map((_, index) => index + 2));
}

/**
 * Plays Golf matches on a server killed `targetKills` times; returns the finished logs. Fails
 * (with the restarts' timings and progress) if it takes longer than `budgetMs`.
 */
export async function crashSuite(
  kind: StoreKind,
  targetKills: number,
  budgetMs = 200_000,
): Promise<ReplayFile[]> {
  const env = testEnv(kind, {
    ACK_TIMEOUT_MS: '100',
    SNAPSHOT_EVERY: '7',
    LOG_LEVEL: 'error',
    DISCONNECT_GRACE_MS: '600000',
    // A cluster of its own making, not the template's copy: restarts after SIGKILL measured
    // seconds slower on a copy (9-12 s against 8 s, loaded machine), and this suite restarts often.
    ...(kind === 'embedded' ? { DATA_DIR: tempDir() } : {}),
  });
  const server = new ChildServer(env);
  const harness = new CrashHarness(server);
  const finished: ReplayFile[] = [];
  const trace: SeatTrace = new Map();
  let progress = 'starting';
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const overBudget = new Promise<never>((_, reject) => {
    watchdog = setTimeout(
      () =>
        reject(
          new Error(
            `over the ${budgetMs} ms budget while ${progress}; last: ${[...trace].map(([seat, what]) => `${seat} ${what}`).join('; ')}`,
          ),
        ),
      budgetMs,
    );
  });
  try {
    return await Promise.race([overBudget, play()]);
  } catch (error) {
    // The restarts' timings say whether a failure is slowness or a server that would not start.
    if (error instanceof Error) {
      error.message += `\n(${harness.kills} kills, ${finished.length} matches finished; starts took ${server.startTimes.join(', ')} ms)`;
    }
    throw error;
  } finally {
    clearTimeout(watchdog);
    harness.abort();
    await server.kill();
  }

  async function play(): Promise<ReplayFile[]> {
    const [alice, bob] = await Promise.all(
      ['Alice', 'Bob'].map(async (name) => {
        for (;;) {
          const response = await call<AuthResponse>(
            await harness.url(),
            'POST',
            '/api/auth/guest',
            {
              body: { name },
            },
          ).catch(() => null);
          if (response?.status === 200) return response.body;
          await sleep(50);
        }
      }),
    );
    let stop = false;
    const killer = (async () => {
      while (harness.kills < targetKills) {
        await harness.url();
        await sleep(randomInt(30, 600));
        await harness.killAndRestart();
      }
      stop = true;
    })();
    killer.catch(() => undefined); // awaited below; a failure first surfaces through the players
    while (!stop || finished.length === 0) {
      progress = `playing match ${finished.length + 1}`;
      const ledger: Ledger = { acknowledged: new Map() };
      const created = await harness.request<{ matchId: string; code: string }>(
        'POST',
        '/api/matches',
        alice!.accessToken,
        { game: 'golf', options: { rounds: 2 }, seats: [{ kind: 'human' }, { kind: 'human' }] },
      );
      await harness.request('POST', '/api/matches/join', bob!.accessToken, { code: created.code });
      await Promise.all([
        playSeat(
          harness,
          created.matchId,
          { name: 'Alice', token: alice!.accessToken },
          ledger,
          trace,
        ),
        playSeat(harness, created.matchId, { name: 'Bob', token: bob!.accessToken }, ledger, trace),
      ]);
      const replay = await harness.request<ReplayFile>(
        'GET',
        `/api/matches/${created.matchId}/export`,
        bob!.accessToken,
      );
      await checkFinishedMatch(replay, ledger);
      finished.push(replay);
    }
    await killer;
    expect(harness.kills).toBeGreaterThanOrEqual(targetKills);
    progress = 'stopping';
    expect(await server.stop()).toBe(0);
    return finished;
  }
}
