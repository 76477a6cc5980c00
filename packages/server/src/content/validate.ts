import { Worker } from 'node:worker_threads';
import type { ValidationResult } from '@cardtable/tcg';
import { apiError } from '../errors.ts';
import type { PackageFiles } from './package.ts';

export type PackageReport = ValidationResult;

/** A package handed to the validation thread, and its answer. */
export interface ValidationRequest {
  id: number;
  files: PackageFiles;
}
export type ValidationReply = { id: number } & ({ report: PackageReport } | { failure: string });

const WORKER = new URL('./validate-worker.js', import.meta.url);

/**
 * Checks one requester may have waiting or under way at once (a studio tab saves again while
 * its last save is checked: two tabs fit), and all requesters together. A package held for
 * its check is up to 8 MiB: without these a burst of saves would queue without bound.
 */
export const CHECKS_PER_REQUESTER = 2;
export const CHECKS_WAITING = 16;

/**
 * The thread packages are checked on. Checking one (Lua compiled and linted, abilities
 * dry-run) takes seconds for 64 full modules: on the main thread that would stop every match
 * on the server for as long, at the request of any creator saving a draft. Started on first
 * use; it holds the process open only while a check is under way; one that dies fails its
 * checks and the next check starts a fresh one.
 */
class ValidationThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<
    number,
    { resolve: (report: PackageReport) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  /** Checks waiting or under way, by requester. */
  private readonly byRequester = new Map<string, number>();

  async check(files: PackageFiles, requester: string): Promise<PackageReport> {
    const mine = this.byRequester.get(requester) ?? 0;
    if (mine >= CHECKS_PER_REQUESTER)
      throw apiError(
        'RATE_LIMITED',
        'Your last packages are still being checked: send this one again when they are done.',
        { retryAfterMs: 1000 },
      );
    if (this.waiting.size >= CHECKS_WAITING)
      throw apiError('RATE_LIMITED', 'Many packages are being checked: try again in a moment.', {
        retryAfterMs: 2000,
      });
    this.byRequester.set(requester, mine + 1);
    try {
      return await this.send(files);
    } finally {
      const left = (this.byRequester.get(requester) ?? 1) - 1;
      if (left > 0) this.byRequester.set(requester, left);
      else this.byRequester.delete(requester);
    }
  }

  private send(files: PackageFiles): Promise<PackageReport> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, files } satisfies ValidationRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(WORKER);
    worker.unref();
    worker.on('message', (reply: ValidationReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ('report' in reply) waiter?.resolve(reply.report);
      else waiter?.reject(new Error(reply.failure));
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) =>
      this.fail(worker, new Error(`The validation thread stopped (exit code ${code}).`)),
    );
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

const thread = new ValidationThread();

/**
 * Validates a content package and builds the content the engine plays: the one door through
 * which the server checks content (drafts, publishing, hosting, replays), on the validation
 * thread so the event loop keeps serving matches meanwhile. `requester` (a user id, or what
 * else asks) has at most CHECKS_PER_REQUESTER checks at once, else RATE_LIMITED.
 */
export const validatePackage = (files: PackageFiles, requester: string): Promise<PackageReport> =>
  thread.check(files, requester);
