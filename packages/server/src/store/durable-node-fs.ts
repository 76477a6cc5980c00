import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { fsync, fsyncSync } from 'node:fs';

/** Emscripten's I/O error number (what PostgreSQL sees when a sync fails: it stops, as it must). */
const EIO = 29;

/** An open file of Emscripten's Node file system: `path` inside PGlite, `nfd` the real one. */
export interface NodeStream {
  path: string;
  nfd: number;
}

type StreamOp = (stream: NodeStream, ...rest: unknown[]) => unknown;

/** The part of Emscripten's file system the patch touches (PGlite does not type it). */
export interface EmscriptenFS {
  filesystems: { NODEFS: { stream_ops: Record<string, StreamOp> } };
  ErrnoError: new (errno: number) => Error;
}

/** How a sync was made: at once, or after the statement whose commit asked for it. */
export type SyncKind = 'immediate' | 'deferred';

/**
 * PGlite's Node file system, with the sync PostgreSQL asks for made real. Out of the box,
 * PGlite starts PostgreSQL with fsync off (`-F`) and its Node file system has no sync at all
 * (and `fdatasync` is a no-op), so a commit sat in the operating system's page cache: it
 * survived the server process dying, not a power cut. Here every `fsync` PostgreSQL makes (the
 * write-ahead log at each commit, the data files at a checkpoint) is an `fsync` of the real
 * file; `onSync` counts them.
 *
 * A sync blocks the thread that makes it, and PGlite runs on the server's main thread: every
 * commit stopped every match for as long as the disk took. Inside `deferringLogSyncs`, a sync of
 * the write-ahead log is only noted, and made on libuv's thread pool once the statement is done,
 * before its caller (holding PGlite for the whole time, so no other statement sees the commit
 * first) hears of the result: the main thread sends and executes other matches' actions
 * meanwhile. Write-ahead logging stays whole: before anything else is written or synced (a data
 * page, the commit log, a directory), or a noted file closed, the noted syncs are made at once.
 */
export class DurableNodeFS extends NodeFS {
  /** Real descriptors of log files synced by PostgreSQL but not yet on disk. */
  private readonly noted = new Set<number>();
  private deferring = false;
  /** A sync that failed: PostgreSQL would stop at it, so every later sync fails too. */
  private failed = false;
  private emscripten: EmscriptenFS | null = null;

  constructor(
    dataDir: string,
    private readonly onSync: (kind: SyncKind) => void = () => undefined,
  ) {
    super(dataDir);
  }

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const options = await super.init(...args);
    const preRun = options.emscriptenOpts.preRun ?? [];
    return {
      emscriptenOpts: {
        ...options.emscriptenOpts,
        preRun: [...preRun, (module) => this.syncForReal(module.FS as unknown as EmscriptenFS)],
      },
    };
  }

  /**
   * Runs `statement` (which must hold PGlite throughout, as `_runExclusiveQuery` does) with the
   * write-ahead log's syncs deferred, then makes them off the main thread before answering.
   */
  async deferringLogSyncs<T>(statement: () => Promise<T>): Promise<T> {
    this.deferring = true;
    try {
      return await statement();
    } finally {
      this.deferring = false;
      await this.syncNoted();
    }
  }

  /** Patches Emscripten's Node file system (exported for the unit test: `fs` is PGlite's FS). */
  syncForReal(fs: EmscriptenFS): void {
    this.emscripten = fs;
    const ops = fs.filesystems.NODEFS.stream_ops;
    const { write, close } = ops as Record<'write' | 'close', StreamOp>;
    ops.fsync = (stream) => {
      if (this.deferring && isLog(stream)) this.noted.add(stream.nfd);
      else {
        this.syncNotedNow();
        this.syncNow(stream.nfd);
      }
      return 0;
    };
    ops.write = (stream, ...rest) => {
      if (!isLog(stream)) this.syncNotedNow();
      return write(stream, ...rest);
    };
    ops.close = (stream, ...rest) => {
      if (this.noted.has(stream.nfd)) this.syncNotedNow();
      return close(stream, ...rest);
    };
  }

  private syncNow(nfd: number): void {
    if (this.failed) throw this.ioError();
    try {
      fsyncSync(nfd);
    } catch {
      this.failed = true;
      throw this.ioError();
    }
    this.onSync('immediate');
  }

  private syncNotedNow(): void {
    const nfds = [...this.noted];
    this.noted.clear();
    for (const nfd of nfds) this.syncNow(nfd);
  }

  private async syncNoted(): Promise<void> {
    const nfds = [...this.noted];
    this.noted.clear();
    const synced = await Promise.allSettled(nfds.map(syncOffThread));
    const failure = synced.find((result) => result.status === 'rejected');
    if (failure) {
      this.failed = true;
      throw new Error('The embedded database could not sync its write-ahead log to disk', {
        cause: failure?.reason,
      });
    }
    for (let i = 0; i < nfds.length; i++) this.onSync('deferred');
  }

  private ioError(): Error {
    return new (this.emscripten as EmscriptenFS).ErrnoError(EIO);
  }
}

/** A file of the write-ahead log (its folder is not: a new segment's entry syncs at once). */
const isLog = (stream: NodeStream): boolean => stream.path.includes('/pg_wal/');

const syncOffThread = (nfd: number): Promise<void> =>
  new Promise((resolve, reject) => fsync(nfd, (error) => (error ? reject(error) : resolve())));

/**
 * PGlite's start parameters with fsync on (without `-F`), syncing the write-ahead log with
 * `fsync` (the one sync call PGlite passes to the file system).
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param: string) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];
