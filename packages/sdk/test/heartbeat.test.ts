import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from '../src/heartbeat.ts';

describe('Heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings on every interval while frames keep arriving', () => {
    const pings: number[] = [];
    const onDead = vi.fn();
    const heartbeat = new Heartbeat({
      intervalMs: 1_000,
      timeoutMs: 2_500,
      sendPing: (t) => pings.push(t),
      onDead,
    });
    heartbeat.start();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(1_000);
      heartbeat.heard();
    }
    expect(pings).toHaveLength(5);
    expect(onDead).not.toHaveBeenCalled();
    heartbeat.stop();
  });

  it('declares the socket dead after the timeout of silence, once', () => {
    const onDead = vi.fn();
    const heartbeat = new Heartbeat({
      intervalMs: 1_000,
      timeoutMs: 2_500,
      sendPing: () => {},
      onDead,
    });
    heartbeat.start();
    vi.advanceTimersByTime(2_000);
    expect(onDead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onDead).toHaveBeenCalledTimes(1);
  });
});
