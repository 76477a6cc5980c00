import { expect } from 'vitest';
import type {
  CallInput,
  CallResult,
  JsonValue,
  SandboxErrorCode,
  SandboxVm,
} from '../src/index.ts';

let counter = 0;

/** Loads `source` as a fresh ability and calls it once. */
export function run(vm: SandboxVm, source: string, input: CallInput = {}): CallResult {
  const id = `ability-${++counter}`;
  const loaded = vm.load(id, source);
  if (!loaded.ok) return { ...loaded, instructions: 0, memoryBytes: 0 };
  return vm.call(id, input);
}

/** The log lines a successful call emitted. */
export function logs(result: CallResult): string[] {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  if (!result.ok) return [];
  return result.effects.filter((e) => e.type === 'log').map((e) => String(e.args.message));
}

export function expectFailure(result: CallResult, code: SandboxErrorCode, line?: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  expect(result.error.code, JSON.stringify(result.error)).toBe(code);
  if (line !== undefined) expect(result.error.line, JSON.stringify(result.error)).toBe(line);
}

/** After a hazard, the same VM still runs an ordinary script. */
export function expectHealthy(vm: SandboxVm) {
  const result = run(vm, 'local n = 0\nfor i = 1, 10 do n = n + i end\nlog(n)');
  expect(logs(result)).toEqual(['55']);
}

/** A match state of `units` units, two players, a few nested tables. */
export function sampleState(units = 20): JsonValue {
  return {
    turn: 3,
    active: 'p1',
    players: [
      { id: 'p1', life: 20, mana: 5, hand: 4 },
      { id: 'p2', life: 18, mana: 3, hand: 6 },
    ],
    units: Array.from({ length: units }, (_, i) => ({
      id: `u${i + 1}`,
      owner: i % 2 === 0 ? 'p1' : 'p2',
      name: `Unit ${i + 1}`,
      attack: (i * 7) % 9,
      health: 1 + ((i * 5) % 8),
      tags: i % 3 === 0 ? ['flying', 'undead'] : ['ground'],
      exhausted: i % 4 === 0,
    })),
  };
}
