import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from './child-env.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const CLI_BIN = resolve(here, '../../../cli/bin/cardtable.js');
/** The server entry of the crash suite (the `cardtable serve` lifecycle, catalog games only). */
const ENTRY = resolve(here, '../fixtures/serve-golf.ts');
const START_TIMEOUT_MS = 90_000;

/** The server in a child process (`node --import tsx`), with the `cardtable serve` lifecycle. */
export class ChildServer {
  private child: ChildProcess | null = null;
  url: string | null = null;
  output = '';
  /** How long each start took to listen, in ms (reported when a suite fails). */
  readonly startTimes: number[] = [];

  constructor(private readonly env: Record<string, string>) {}

  /** Starts the server and resolves with its URL once it prints it. */
  start(): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      env: childEnv(this.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const startedAt = Date.now();
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server not listening after ${START_TIMEOUT_MS} ms:\n${this.output}`));
      }, START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(this.output);
        if (match && !this.url) {
          clearTimeout(timer);
          this.url = match[1] as string;
          this.startTimes.push(Date.now() - startedAt);
          resolvePromise(this.url);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (!this.url)
          reject(new Error(`server exited (${code}) before listening:\n${this.output}`));
      });
    });
  }

  /** SIGKILL: no drain, no goodbye; whatever was in flight is cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    this.url = null;
    this.output = '';
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolvePromise) => {
      child.once('exit', () => resolvePromise());
      child.kill('SIGKILL');
    });
  }

  /** SIGTERM: the server drains and exits by itself. Resolves with the exit code. */
  async stop(): Promise<number | null> {
    const child = this.child;
    this.url = null;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return child?.exitCode ?? null;
    return new Promise((resolvePromise) => {
      child.once('exit', (code) => resolvePromise(code));
      child.kill('SIGTERM');
    });
  }
}
