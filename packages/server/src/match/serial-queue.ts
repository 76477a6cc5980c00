import type { Logger } from 'pino';

/** Runs tasks one at a time, in order: the actor's single writer. A failed task never stops it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pendingTasks = 0;

  constructor(private readonly log: Logger) {}

  /** A task is queued or running. */
  get busy(): boolean {
    return this.pendingTasks > 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pendingTasks++;
    const result = this.tail.then(task).finally(() => this.pendingTasks--);
    this.tail = result.catch((error: unknown) =>
      this.log.error({ err: error }, 'actor task failed'),
    );
    return result;
  }
}
