import { fail, ok, type Result } from '@cardtable/engine';
import type { GolfAction } from './types.ts';

type ActionType = GolfAction['type'];
type PayloadShape = 'none' | 'slot' | 'slots';

const SHAPES: Record<ActionType, PayloadShape> = {
  initialFlip: 'slots',
  drawDeck: 'none',
  takeDiscard: 'none',
  returnDiscard: 'none',
  swap: 'slot',
  discard: 'none',
  flip: 'slot',
  skipFlip: 'none',
  knock: 'none',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidPayload = (type: string, expected: string) =>
  fail('INVALID_PAYLOAD', `A "${type}" action takes ${expected}.`, { type });

/**
 * Checks an untrusted action's shape (not whether it is legal now). A missing payload counts
 * as `{}`. Initial-flip slots are a set, so they come back in ascending order; duplicates and
 * out-of-range slots are left for the rules to reject.
 */
export function parseAction(raw: unknown): Result<GolfAction> {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    return fail('INVALID_PAYLOAD', 'An action is an object {type, payload}.');
  }
  const type = raw.type;
  if (!Object.hasOwn(SHAPES, type)) {
    return fail('UNKNOWN_ACTION', `Golf has no action "${type}".`, { type });
  }
  const payload = raw.payload ?? {};
  if (!isRecord(payload)) return fail('INVALID_PAYLOAD', 'An action payload is an object.');
  const keys = Object.keys(payload);
  switch (SHAPES[type as ActionType]) {
    case 'none':
      if (keys.length > 0) return invalidPayload(type, 'an empty payload {}');
      return ok({ type, payload: {} } as GolfAction);
    case 'slot': {
      const { slot } = payload;
      if (keys.length !== 1 || !Number.isInteger(slot)) {
        return invalidPayload(type, 'a payload {slot} with a whole-number slot');
      }
      return ok({ type, payload: { slot } } as GolfAction);
    }
    case 'slots': {
      const { slots } = payload;
      if (keys.length !== 1 || !Array.isArray(slots) || !slots.every(Number.isInteger)) {
        return invalidPayload(type, 'a payload {slots} with a list of whole-number slots');
      }
      const ordered = (slots as number[]).slice().sort((a, b) => a - b);
      return ok({ type: 'initialFlip', payload: { slots: ordered } });
    }
  }
}
