import { Worker } from 'node:worker_threads';
import type { ValidationResult } from '@cardtable/tcg';
import type { AddressKey } from '../address-key.ts';
import { apiError } from '../errors.ts';
import { OpenSockets } from '../open-sockets.ts';
import type { PackageFiles } from './package.ts';

export type PackageReport = ValidationResult;

/** A package handed to the validation thread, and its answer. */
export interface ValidationRequest {
  id: number;
  files: PackageFiles;
}
export type ValidationReply = { id: number } & ({ report: PackageReport } | { failure: string });

declare global {
  interface ImportMeta {
    /** The bundle this module was bundled into (packages/cli/src/bundle); undefined from source. */
    readonly bundleUrl?: string;
  }
}

/**
 * The validation thread's module. From source: validate-worker.js beside this file, which
 * registers tsx for the thread and runs validate-worker.ts. In the server's bundle: the worker
 * bundled beside it as plain JavaScript (server-bundle.ts), so the thread registers no loader.
 */
const WORKER = new URL('./validate-worker.js', import.meta.bundleUrl ?? import.meta.url);

/**
 * Checks one requester may have waiting or under way at once (a studio tab saves again while
 * its last save is checked: two tabs fit), and all requesters together. A package held for
 * its check is up to 8 MiB: without these a burst of saves would queue without bound.
 */
export const CHECKS_PER_REQUESTER = 2;
export const CHECKS_WAITING = 16;
/**
 * Checks of one address (its /64 for IPv6) at once, whoever its requesters are. Anyone may
 * make guests, and a guest may save drafts: without this, one address with 8 guests held all
 * CHECKS_WAITING places and every other creator's saves were refused. Two creators' worth, so
 * a household or an office behind one address still saves side by side.
 */
export const CHECKS_PER_ADDRESS = 4;

/**
 * Who asks for a check: a user id (or what else asks, as the CLI), and the address of the
 * request it answers (null: no request, as the CLI's or the server's own checks).
 */
export interface CheckRequester {
  user: string;
  address: AddressKey | null;
}

/** The requester of a check asked for by `userId`'s request. */
export const requesterOf = (
  request: { readonly addressKey: AddressKey },
  userId: string,
): CheckRequester => ({ user: userId, address: request.addressKey });

/** Which bound refused a check, as `details.limit` of its `RATE_LIMITED` error. */
export type CheckLimit = 'checksPerRequester' | 'checksPerAddress' | 'checksWaiting';

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
  /** Checks waiting or under way, by requester and by address. */
  private readonly byRequester = new OpenSockets(CHECKS_PER_REQUESTER);
  private readonly byAddress = new OpenSockets<AddressKey>(CHECKS_PER_ADDRESS);

  async check(files: PackageFiles, requester: CheckRequester): Promise<PackageReport> {
    const mine = this.byRequester.add(requester.user);
    const address = requester.address === null ? null : this.byAddress.add(requester.address);
    try {
      if (mine.over)
        throw refused(
          'checksPerRequester',
          'Your last packages are still being checked: send this one again when they are done.',
          1000,
        );
      if (address?.over)
        throw refused(
          'checksPerAddress',
          'Packages sent from your network address are still being checked: try again when they are done.',
          1000,
        );
      if (this.waiting.size >= CHECKS_WAITING)
        throw refused(
          'checksWaiting',
          'Many packages are being checked: try again in a moment.',
          2000,
        );
      return await this.send(files);
    } finally {
      mine.release();
      address?.release();
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

const MAX_BY_LIMIT: Record<CheckLimit, number> = {
  checksPerRequester: CHECKS_PER_REQUESTER,
  checksPerAddress: CHECKS_PER_ADDRESS,
  checksWaiting: CHECKS_WAITING,
};

const refused = (limit: CheckLimit, message: string, retryAfterMs: number) =>
  apiError('RATE_LIMITED', message, { limit, max: MAX_BY_LIMIT[limit], retryAfterMs });

const thread = new ValidationThread();

/**
 * Validates a content package and builds the content the engine plays: the one door through
 * which the server checks content (drafts, publishing, hosting, replays), on the validation
 * thread so the event loop keeps serving matches meanwhile. `requester` has at most
 * CHECKS_PER_REQUESTER checks at once and its address CHECKS_PER_ADDRESS, else RATE_LIMITED
 * (`details.limit` says which).
 */
export const validatePackage = (
  files: PackageFiles,
  requester: CheckRequester,
): Promise<PackageReport> => thread.check(files, requester);
