import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { fsyncSync } from 'node:fs';

/** Emscripten's I/O error number (what PostgreSQL sees when a sync fails: it stops, as it must). */
const EIO = 29;

/** The part of Emscripten's file system the patch touches (PGlite does not type it). */
interface EmscriptenFS {
  filesystems: { NODEFS: { stream_ops: Record<string, unknown> } };
  ErrnoError: new (errno: number) => Error;
}

/**
 * PGlite's Node file system, with the sync PostgreSQL asks for made real. Out of the box,
 * PGlite starts PostgreSQL with fsync off (`-F`) and its Node file system has no sync at all
 * (and `fdatasync` is a no-op), so a commit sat in the operating system's page cache: it
 * survived the server process dying, not a power cut. Here every `fsync` PostgreSQL makes (the
 * write-ahead log at each commit, the data files at a checkpoint) is an `fsync` of the real
 * file; `onSync` counts them.
 */
export class DurableNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly onSync: () => void = () => undefined,
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

  private syncForReal(FS: EmscriptenFS): void {
    FS.filesystems.NODEFS.stream_ops.fsync = (stream: { nfd: number }) => {
      try {
        fsyncSync(stream.nfd);
      } catch {
        throw new FS.ErrnoError(EIO);
      }
      this.onSync();
      return 0;
    };
  }
}

/**
 * PGlite's start parameters with fsync on (without `-F`), syncing the write-ahead log with
 * `fsync` (the one sync call PGlite passes to the file system).
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param: string) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];
