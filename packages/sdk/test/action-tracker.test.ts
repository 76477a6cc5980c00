import { describe, expect, it } from 'vitest';
import { ActionTracker } from '../src/action-tracker.ts';

const sequentialIds = () => {
  let n = 0;
  return () => `a${++n}`;
};

describe('ActionTracker', () => {
  it('gives each action a unique id and an increasing clientSeq', () => {
    const tracker = new ActionTracker(sequentialIds());
    const first = tracker.create({ type: 'draw', payload: {} }, 3);
    const second = tracker.create({ type: 'discard', payload: { index: 2 } });
    expect(first.action).toEqual({
      actionId: 'a1',
      type: 'draw',
      payload: {},
      clientSeq: 1,
      knownVersion: 3,
    });
    expect(second.action).toMatchObject({ actionId: 'a2', clientSeq: 2 });
    expect(second.action).not.toHaveProperty('knownVersion');
  });

  it('settles each action once, by its id, and keeps unsettled ones for resending', async () => {
    const tracker = new ActionTracker(sequentialIds());
    const first = tracker.create({ type: 'draw', payload: {} });
    const second = tracker.create({ type: 'flip', payload: { index: 0 } });
    expect(tracker.settle({ ok: true, actionId: 'a2', version: 7 })).toBe(true);
    expect(tracker.settle({ ok: true, actionId: 'a2', version: 7 })).toBe(false);
    await expect(second.result).resolves.toEqual({ ok: true, actionId: 'a2', version: 7 });
    expect(tracker.unsettled()).toEqual([first.action]);
    tracker.failAll({ code: 'CONNECTION_CLOSED', message: 'closed' });
    await expect(first.result).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_CLOSED' },
    });
    expect(tracker.inFlight).toBe(0);
  });
});
