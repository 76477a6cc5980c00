import { Worker } from 'node:worker_threads';
import type { ValidationResult } from '@cardtable/tcg';
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

  check(files: PackageFiles): Promise<PackageReport> {
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
 * thread so the event loop keeps serving matches meanwhile.
 */
export const validatePackage = (files: PackageFiles): Promise<PackageReport> => thread.check(files);
