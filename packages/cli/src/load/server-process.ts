import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVE_SCRIPT, serverBundleBuilt } from '../bundle/server-bundle.ts';

export interface ServerProcess {
  url: string;
  /** `pglite` (embedded, in a temporary DATA_DIR) or `postgres` (DATABASE_URL). */
  store: 'pglite' | 'postgres';
  pid: number;
  /** The last of what the server printed (stdout and stderr together). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `cardtable serve` as a child process on a free loopback port, with a temporary
 * DATA_DIR (embedded PGlite) unless DATABASE_URL is set, and waits until it is ready.
 * `env` adds to and overrides the inherited environment. The server's bundle is built from
 * the current source first (once a process), so a run never measures an older build.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  readyTimeoutMs = 60_000,
  /** Pins the server to this CPU (`taskset -c`), away from a load generator pinned elsewhere. */
  cpu?: number,
): Promise<ServerProcess> {
  await serverBundleBuilt();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'cardtable-server-'));
  const databaseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL;
  const command = ['sh', SERVE_SCRIPT];
  const pinned = cpu === undefined ? command : ['taskset', '-c', String(cpu), ...command];
  const child = spawn(pinned[0] as string, pinned.slice(1), {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_ROOT: 'none',
      NODE: process.execPath,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = tailOf(child);
  const url = `http://127.0.0.1:${port}`;
  // A parent that exits without stopping it (a failed test run) must not leave it running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output()}`, {
      cause: error,
    });
  }
  return {
    url,
    store: databaseUrl ? 'postgres' : 'pglite',
    pid: child.pid as number,
    output,
    stop,
  };
}

/** A loopback port nothing listens on (just now). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('No free port.');
  return address.port;
}

/** Polls `path` of a child's server until it answers 2xx (or the child exits, or time runs out). */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  path = '/ready',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited during start (${child.exitCode ?? child.signalCode}).`);
    }
    try {
      const response = await fetch(new URL(path, url));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The server was not ready within ${timeoutMs} ms.`);
}

/** SIGTERM (the server drains and exits), then SIGKILL if it takes too long. */
async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last lines the child printed, for an error message. */
function tailOf(child: ChildProcess, maxChars = 4_000): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-maxChars);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}
