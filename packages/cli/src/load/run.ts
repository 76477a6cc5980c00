import {
  CardtableClient,
  RandomPlayer,
  type ActionSample,
  type MatchConnection,
} from '@cardtable/sdk';
import { readServerUsage, type ServerUsage } from './prometheus.ts';
import { LatencySamples } from './stats.ts';

export interface LoadOptions {
  /** The server's base URL. */
  url: string;
  /** Concurrent two-player matches. */
  matches: number;
  /** Each player's pause before acting, in milliseconds. */
  thinkMs: number;
  /** Length of the measured window, in seconds (it starts once every match is playing). */
  durationS: number;
  /** Options for each Golf match. */
  gameOptions?: unknown;
  /** Called about once a second during the run. */
  onProgress?(progress: LoadProgress): void;
  /** Awaited right before the measured window opens and right after it closes. */
  onWindow?(edge: 'start' | 'end'): Promise<void>;
}

export interface LoadProgress {
  phase: 'setup' | 'measure';
  matchesReady: number;
  elapsedS: number;
  actions: number;
}

export interface LoadReport {
  matches: number;
  thinkMs: number;
  durationS: number;
  /** Accepted actions whose result arrived in the measured window. */
  actions: number;
  actionsPerSecond: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  /** Refused actions in the window, by error code. */
  refused: Record<string, number>;
  matchesFinished: number;
  serverCpuMsPerAction: number | null;
  /** The highest server RSS seen during the window, in MiB. */
  serverRssMiB: number | null;
  /** CPU the load generator itself used, in cores: near 1, it may be the bottleneck. */
  loadGeneratorCores: number;
  setupS: number;
}

const SETUP_CONCURRENCY = 32;
const SETUP_TIMEOUT_MS = 180_000;
const MAX_RECONNECTS = 5;

/**
 * Drives `matches` concurrent two-player Golf matches against a server over real sockets, each
 * seat played by a RandomPlayer; a finished match is replaced by a new one until the window
 * closes. Measures ACTION-to-ACTION_RESULT latency on the client and the server's CPU and RSS.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const run = new LoadRun(options);
  return run.execute();
}

class LoadRun {
  private readonly latencies = new LatencySamples();
  private readonly refused: Record<string, number> = {};
  private readonly connections = new Set<MatchConnection>();
  private readonly players = new Set<RandomPlayer>();
  private windowStart = Infinity;
  private windowEnd = Infinity;
  private accepted = 0;
  private finished = 0;
  private ready = 0;
  private stopping = false;
  /** Rejects with the first error any table meets: the run stops and reports it. */
  private readonly failure: Promise<never>;
  private rejectRun: (error: Error) => void = () => {};

  constructor(private readonly options: LoadOptions) {
    this.failure = new Promise<never>((_, reject) => (this.rejectRun = reject));
    this.failure.catch(() => {});
  }

  async execute(): Promise<LoadReport> {
    const started = performance.now();
    const progress = setInterval(() => this.reportProgress(started), 1_000);
    const running: Promise<void>[] = [];
    try {
      // Tables are set up at most SETUP_CONCURRENCY at a time; each keeps playing once ready.
      const setup = eachLimited(this.options.matches, SETUP_CONCURRENCY, async () => {
        const ready = new Promise<void>((resolve) => {
          running.push(this.table(resolve).catch((error: Error) => this.fail(error)));
        });
        await Promise.race([ready, this.failure]);
      });
      await Promise.race([setup, this.failure, rejectAfter(SETUP_TIMEOUT_MS, 'Setup')]);
      const setupS = (performance.now() - started) / 1000;

      await this.options.onWindow?.('start');
      const usageBefore = await readServerUsage(this.options.url);
      let peakRss = usageBefore.rssBytes;
      const clientCpuBefore = process.cpuUsage();
      this.windowStart = performance.now();
      this.windowEnd = this.windowStart + this.options.durationS * 1000;
      const rssSampler = setInterval(() => {
        void readServerUsage(this.options.url).then(({ rssBytes }) => {
          if (rssBytes !== null) peakRss = Math.max(peakRss ?? 0, rssBytes);
        });
      }, 1_000);
      try {
        await Promise.race([sleep(this.options.durationS * 1000), this.failure]);
      } finally {
        clearInterval(rssSampler);
      }
      const clientCpu = process.cpuUsage(clientCpuBefore);
      await this.options.onWindow?.('end');
      const usageAfter = await readServerUsage(this.options.url);
      const clientCores = (clientCpu.user + clientCpu.system) / 1e6 / this.options.durationS;
      return this.report(setupS, usageBefore, usageAfter, peakRss, clientCores);
    } finally {
      clearInterval(progress);
      this.stopping = true;
      for (const player of this.players) player.stop();
      for (const connection of this.connections) connection.close();
      await Promise.allSettled(running);
    }
  }

  /** One table: two guests play match after match until the run stops. */
  private async table(ready: () => void): Promise<void> {
    const host = new CardtableClient({ baseUrl: this.options.url });
    const guest = new CardtableClient({ baseUrl: this.options.url });
    expectOk(await host.api.guest('Load host'), 'guest sign-in');
    expectOk(await guest.api.guest('Load guest'), 'guest sign-in');
    let first = true;
    while (!this.stopping) {
      const created = expectOk(
        await host.api.createMatch({
          game: 'golf',
          options: this.options.gameOptions ?? {},
          seats: [{ kind: 'human' }, { kind: 'human' }],
        }),
        'create match',
      );
      expectOk(await guest.api.joinMatch(created.code), 'join match');
      if (this.stopping) return;
      const seats = [host, guest].map((client) =>
        client.connect(created.matchId, {
          ackMode: 'auto',
          trackView: false,
          maxReconnectAttempts: MAX_RECONNECTS,
        }),
      );
      const players = seats.map((connection) => this.seat(connection));
      const opened = await Promise.all(
        seats.map((connection) => connection.until((c) => c.state === 'open')),
      );
      if (!opened.every(Boolean) && !this.stopping) {
        throw new Error(
          `Could not connect: ${seats.map((c) => c.closeReason?.message).join('; ')}`,
        );
      }
      if (first) {
        this.ready++;
        ready();
      }
      first = false;
      const over = await Promise.all(
        seats.map((connection) => connection.until((c) => c.status === 'over' || this.stopping)),
      );
      for (const player of players) {
        player.stop();
        this.players.delete(player);
      }
      for (const connection of seats) {
        connection.close();
        this.connections.delete(connection);
      }
      if (over.every(Boolean) && !this.stopping) this.finished++;
    }
  }

  private seat(connection: MatchConnection): RandomPlayer {
    this.connections.add(connection);
    if (this.stopping) connection.close();
    const player = new RandomPlayer(connection, {
      thinkMs: this.options.thinkMs,
      onResult: (sample) => this.record(sample),
    });
    this.players.add(player);
    return player;
  }

  private record(sample: ActionSample): void {
    const receivedAt = sample.sentAt + sample.latencyMs;
    if (receivedAt < this.windowStart || receivedAt > this.windowEnd) return;
    if (!sample.outcome.ok && sample.outcome.error.code === 'CONNECTION_CLOSED') return;
    this.latencies.add(sample.latencyMs);
    if (sample.outcome.ok) this.accepted++;
    else
      this.refused[sample.outcome.error.code] = (this.refused[sample.outcome.error.code] ?? 0) + 1;
  }

  private fail(error: Error): void {
    // Errors while the run winds down (sockets closing under a request) are expected.
    if (!this.stopping) this.rejectRun(error);
  }

  private reportProgress(started: number): void {
    const measuring = Number.isFinite(this.windowStart);
    this.options.onProgress?.({
      phase: measuring ? 'measure' : 'setup',
      matchesReady: this.ready,
      elapsedS: (performance.now() - (measuring ? this.windowStart : started)) / 1000,
      actions: this.accepted,
    });
  }

  private report(
    setupS: number,
    before: ServerUsage,
    after: ServerUsage,
    peakRss: number | null,
    clientCores: number,
  ): LoadReport {
    const [p50, p95, p99, max] = this.latencies.percentiles([50, 95, 99, 100]);
    const cpuSeconds =
      before.cpuSeconds !== null && after.cpuSeconds !== null
        ? after.cpuSeconds - before.cpuSeconds
        : null;
    return {
      matches: this.options.matches,
      thinkMs: this.options.thinkMs,
      durationS: this.options.durationS,
      actions: this.accepted,
      actionsPerSecond: this.accepted / this.options.durationS,
      latencyMs: { p50: p50 ?? null, p95: p95 ?? null, p99: p99 ?? null, max: max ?? null },
      refused: this.refused,
      matchesFinished: this.finished,
      serverCpuMsPerAction:
        cpuSeconds !== null && this.accepted > 0 ? (cpuSeconds * 1000) / this.accepted : null,
      serverRssMiB: peakRss === null ? null : peakRss / 2 ** 20,
      loadGeneratorCores: clientCores,
      setupS,
    };
  }
}

export function expectOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
  what: string,
): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Runs `task` `count` times with at most `limit` running at once. */
export async function eachLimited(
  count: number,
  limit: number,
  task: () => Promise<void>,
): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function rejectAfter(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s.`)), ms).unref();
  });
}
