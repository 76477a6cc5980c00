import type { Logger } from 'pino';

/** Runs tasks one at a time, in order: the actor's single writer. A failed task never stops it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly log: Logger) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch((error: unknown) =>
      this.log.error({ err: error }, 'actor task failed'),
    );
    return result;
  }
}
