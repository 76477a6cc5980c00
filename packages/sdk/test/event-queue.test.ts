import { describe, expect, it } from 'vitest';
import { EventQueue } from '../src/event-queue.ts';

interface AckableStep {
  step: number;
  requiresAck: boolean;
}

const step = (n: number, requiresAck: boolean): AckableStep => ({ step: n, requiresAck });
const requiresAck = (s: AckableStep) => s.requiresAck;

describe('EventQueue', () => {
  it('hands out steps in arrival order, buffered or awaited', async () => {
    const queue = new EventQueue<AckableStep>(requiresAck, () => {});
    queue.push(step(1, false));
    queue.push(step(2, false));
    const waiting = [queue.next(), queue.next(), queue.next()];
    queue.push(step(3, false));
    const delivered = await Promise.all(waiting);
    expect(delivered.map((d) => d?.step.step)).toEqual([1, 2, 3]);
  });

  it('sends FLOW_ACK once, only for steps that require it', async () => {
    const acked: AckableStep[] = [];
    const queue = new EventQueue<AckableStep>(requiresAck, (s) => acked.push(s));
    queue.push(step(1, true));
    queue.push(step(2, false));
    const first = await queue.next();
    const second = await queue.next();
    expect(acked).toEqual([]);
    first?.ack();
    first?.ack();
    second?.ack();
    expect(acked).toEqual([step(1, true)]);
  });

  it('clear drops untaken steps and close ends every consumer', async () => {
    const queue = new EventQueue<AckableStep>(requiresAck, () => {});
    queue.push(step(1, false));
    queue.clear();
    expect(queue.size).toBe(0);
    const waiting = queue.next();
    queue.close();
    expect(await waiting).toBeNull();
    queue.push(step(2, false));
    expect(await queue.next()).toBeNull();
  });

  it('iterates until closed', async () => {
    const queue = new EventQueue<AckableStep>(requiresAck, () => {});
    queue.push(step(1, false));
    queue.push(step(2, false));
    const seen: number[] = [];
    const done = (async () => {
      for await (const delivery of queue) {
        seen.push(delivery.step.step);
        delivery.ack();
        if (seen.length === 3) queue.close();
      }
    })();
    queue.push(step(3, false));
    await done;
    expect(seen).toEqual([1, 2, 3]);
  });
});
