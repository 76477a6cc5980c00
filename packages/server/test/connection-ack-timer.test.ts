import { afterEach, describe, expect, it, vi } from 'vitest';
import { Connection, type Outgoing } from '../src/match/connection.ts';
import type { Metrics } from '../src/metrics.ts';

const step = (version: number): Outgoing => ({
  text: `{"type":"EVENT","v":${version}}`,
  event: { version, step: 1, resolutionId: `r${version}`, requiresAck: true },
});

function connection(sent: string[], ackTimeoutMs = 1000) {
  const socket = {
    readyState: 1,
    bufferedAmount: 0,
    send: (text: string) => sent.push(text),
    close() {},
  };
  const metrics = { ackWaits: { observe() {} } } as unknown as Metrics;
  const identity = { userId: 'u', seat: 0, viewer: { kind: 'seat' as const, seat: 0 }, ip: '' };
  return new Connection(socket, identity, ackTimeoutMs, metrics, () => {}, 4000, 'step');
}

describe('ack waits (one timer per connection, woken per timeout)', () => {
  afterEach(() => vi.useRealTimers());

  it('holds the stream until the ack, or until its own deadline when none comes', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const c = connection(sent);
    c.enqueue([step(1), step(2)]);
    expect(sent).toHaveLength(1);
    // Acked at 600 ms: step 2 goes out and waits from then, so not at the first wait's 1000 ms.
    vi.advanceTimersByTime(600);
    expect(c.ack('r1', 1)).toBe(true);
    expect(sent).toHaveLength(2);
    c.enqueue([step(3)]);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(2);
    // Step 2's wait ends at 1600 ms: step 3 goes out then.
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(3);
    // Nothing acked: step 3's wait times out a full timeout later and the stream moves on.
    c.enqueue([step(4)]);
    vi.advanceTimersByTime(999);
    expect(sent).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(4);
    c.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('an ACTION acknowledges the steps of the version it acted on', () => {
  it('releases a wait for a step of that version or earlier, and no later one', () => {
    const sent: string[] = [];
    const c = connection(sent);
    c.enqueue([step(1), step(2)]);
    expect(sent).toHaveLength(1);
    // Acting on version 0 says nothing of step 1's beat.
    c.actedOn(0);
    expect(sent).toHaveLength(1);
    c.actedOn(1);
    expect(sent).toHaveLength(2);
    // A FLOW_ACK of a step the action already acknowledged is a late ack: harmless.
    expect(c.ack('r1', 1)).toBe(true);
    c.actedOn(5);
    c.enqueue([step(3)]);
    expect(sent).toHaveLength(3);
    c.dispose();
  });
});
