import {
  cpuSecondsBetween,
  cpuSecondsByPid,
  processCpuSeconds,
  processRssBytes,
} from './proc-usage.ts';

/** What one system's load run counted in its measured window. */
export interface WindowCounts {
  actions: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  matchesFinished: number;
  refused: Record<string, number>;
}

/** The measured window of a run, as a load generator drives it. */
export interface LoadWindow {
  /** True while the window is open (samples count). */
  measuring(): boolean;
  /** Opens the window, waits its length, closes it. */
  run(): Promise<void>;
}

export interface WindowUsage {
  seconds: number;
  serverCpuSeconds: number;
  /** CPU of the `postgres` processes alive through the window (ours, and others' on a shared server). */
  postgresCpuSeconds: number;
  peakRssBytes: number;
  loadGeneratorCpuSeconds: number;
}

/**
 * A window of `durationS` seconds over the server process `serverPid`: its CPU and peak RSS
 * from /proc (the same reading for every system), PostgreSQL's CPU, and this process's own.
 */
export class MeasuredWindow implements LoadWindow {
  private open = false;
  private startedAt = 0;
  private serverCpu = 0;
  private postgresCpu = new Map<number, number>();
  private clientCpu = process.cpuUsage();
  private peakRss = 0;
  private sampler: ReturnType<typeof setInterval> | null = null;
  usage: WindowUsage | null = null;

  constructor(
    private readonly serverPid: number,
    private readonly durationS: number,
  ) {}

  measuring(): boolean {
    return this.open;
  }

  async run(): Promise<void> {
    await this.begin();
    await new Promise((done) => setTimeout(done, this.durationS * 1000));
    await this.end();
  }

  async begin(): Promise<void> {
    this.serverCpu = await this.serverCpuSeconds();
    this.postgresCpu = await cpuSecondsByPid('postgres');
    this.peakRss = (await processRssBytes(this.serverPid)) ?? 0;
    this.sampler = setInterval(() => {
      void processRssBytes(this.serverPid).then((rss) => {
        this.peakRss = Math.max(this.peakRss, rss ?? 0);
      });
    }, 500);
    this.clientCpu = process.cpuUsage();
    this.startedAt = performance.now();
    this.open = true;
  }

  async end(): Promise<void> {
    this.open = false;
    const seconds = (performance.now() - this.startedAt) / 1000;
    if (this.sampler) clearInterval(this.sampler);
    const client = process.cpuUsage(this.clientCpu);
    this.usage = {
      seconds,
      serverCpuSeconds: (await this.serverCpuSeconds()) - this.serverCpu,
      postgresCpuSeconds: cpuSecondsBetween(this.postgresCpu, await cpuSecondsByPid('postgres')),
      peakRssBytes: Math.max(this.peakRss, (await processRssBytes(this.serverPid)) ?? 0),
      loadGeneratorCpuSeconds: (client.user + client.system) / 1e6,
    };
  }

  /**
   * The server's CPU so far. A server gone from /proc (it crashed) has no figure: taking 0 for it
   * once made boardgame.io's CPU per action negative, so the run fails instead.
   */
  private async serverCpuSeconds(): Promise<number> {
    const seconds = await processCpuSeconds(this.serverPid);
    if (seconds === null)
      throw new Error(`The server (pid ${this.serverPid}) exited during the run.`);
    return seconds;
  }
}
