import { expect } from 'vitest';
import type { CallInput, CallResult, SandboxErrorCode, SandboxVm } from '../src/index.ts';

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

export { sampleState } from './fixtures/sample-state.ts';
