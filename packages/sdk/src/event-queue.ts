/** One step handed to the consumer; `ack()` says its animation ended. */
export interface Delivery<T> {
  step: T;
  /** Sends FLOW_ACK when the step requires one; calling it again does nothing. */
  ack(): void;
}

/**
 * Steps in arrival order for a consumer that animates them one at a time. The server sends
 * nothing past a step that requires an ack until the client acknowledges it (or a timeout
 * passes), so acking when the animation ends keeps the stream and the screen in step.
 */
export class EventQueue<T> {
  private readonly buffered: T[] = [];
  private readonly waiting: ((delivery: Delivery<T> | null) => void)[] = [];
  private closed = false;

  /** `sendAck` runs when the consumer acks a step for which `requiresAck` is true. */
  constructor(
    private readonly requiresAck: (step: T) => boolean,
    private readonly sendAck: (step: T) => void,
  ) {}

  /** Steps received and not yet taken. */
  get size(): number {
    return this.buffered.length;
  }

  push(step: T): void {
    if (this.closed) return;
    const consumer = this.waiting.shift();
    if (consumer) consumer(this.deliver(step));
    else this.buffered.push(step);
  }

  /** The next step, waiting for one if none is buffered; null once the queue is closed. */
  next(): Promise<Delivery<T> | null> {
    const step = this.buffered.shift();
    if (step) return Promise.resolve(this.deliver(step));
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Drops the steps not yet taken: a fresh full view replaced them. */
  clear(): void {
    this.buffered.length = 0;
  }

  /** Ends the stream: consumers waiting now, and every later `next()`, get null. */
  close(): void {
    this.closed = true;
    this.buffered.length = 0;
    for (const consumer of this.waiting.splice(0)) consumer(null);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Delivery<T>> {
    for (let delivery = await this.next(); delivery; delivery = await this.next()) {
      yield delivery;
    }
  }

  private deliver(step: T): Delivery<T> {
    let acked = false;
    return {
      step,
      ack: () => {
        if (acked) return;
        acked = true;
        if (this.requiresAck(step)) this.sendAck(step);
      },
    };
  }
}
