import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../src/index.ts';
import { expectFailure, expectHealthy, logs, run } from './helpers.ts';

const runtime = new SandboxRuntime({
  effects: TEST_EFFECTS,
  limits: { instructionsPerCall: 50_000, instructionsPerAction: 120_000 },
});
afterAll(() => runtime.dispose());

describe('instruction budget', () => {
  it('stops an endless loop at exactly the budget and names the line', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(vm, 'local n = 0\nwhile true do\n  n = n + 1\nend');
    expectFailure(result, 'BUDGET_EXCEEDED');
    expect(result.instructions).toBe(50_000);
    if (!result.ok) expect([2, 3]).toContain(result.error.line);
    expectHealthy(vm);
    vm.dispose();
  });

  it('counts the same instructions for the same script and input, run after run', async () => {
    const vm = await runtime.createVm();
    const source =
      'local t = {}\nfor i = 1, 200 do t[#t + 1] = i * 2 end\ntable.sort(t, function(a, b) return a > b end)\nlog(t[1])';
    const counts = new Set<number>();
    for (let i = 0; i < 5; i++) {
      vm.beginAction({});
      const result = run(vm, source);
      expect(logs(result)).toEqual(['400']);
      counts.add(result.instructions);
    }
    expect(counts.size).toBe(1);
    const other = await runtime.createVm();
    other.beginAction({});
    expect(run(other, source).instructions).toBe([...counts][0]);
    vm.dispose();
    other.dispose();
  });

  it('stops at the same instruction in every run: the cut-off depends only on the budget', async () => {
    const stops = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const vm = await runtime.createVm();
      vm.beginAction({});
      const result = run(
        vm,
        'x = 0\nwhile true do\n  x = x + 1\n  if x % 7 == 0 then log(x) end\nend',
      );
      stops.add(JSON.stringify(result));
      vm.dispose();
    }
    expect(stops.size).toBe(1);
  });

  it('cannot be caught by pcall, nested pcall, or an xpcall handler', async () => {
    const vm = await runtime.createVm();
    for (const source of [
      'while true do pcall(function() while true do end end) end',
      'local function f() pcall(f) while true do end end\nf()',
      'xpcall(function() while true do end end, function() while true do end end)\nlog("escaped")',
      'local ok = pcall(error, "x")\nwhile true do local ok2 = pcall(function() for i = 1, 1e9 do end end) end',
    ]) {
      vm.beginAction({});
      const result = run(vm, source);
      expectFailure(result, 'BUDGET_EXCEEDED');
      expect(result.instructions).toBe(50_000);
      expectHealthy(vm);
    }
    vm.dispose();
  });

  it('keeps running __close handlers under the budget', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(
      vm,
      'do\n  local guard <close> = setmetatable({}, { __close = function() while true do end end })\n  while true do end\nend',
    );
    expectFailure(result, 'BUDGET_EXCEEDED');
    expectHealthy(vm);
    vm.dispose();
  });

  it('has no coroutines to multiply the budget with', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    expectFailure(
      run(vm, 'local co = coroutine.wrap(function() while true do end end)\nco()'),
      'FORBIDDEN',
      1,
    );
    expectHealthy(vm);
    vm.dispose();
  });

  it('caps the action: calls share its budget until the next beginAction', async () => {
    const vm = await runtime.createVm();
    vm.load('spin', 'while true do end');
    vm.load('small', 'log("small")');
    vm.beginAction({});
    expect(vm.call('spin').instructions).toBe(50_000);
    expect(vm.call('spin').instructions).toBe(50_000);
    const third = vm.call('spin');
    expectFailure(third, 'BUDGET_EXCEEDED');
    expect(third.instructions).toBe(20_000);
    if (!third.ok) expect(third.error.message).toContain('per action');
    expect(vm.instructionsThisAction).toBe(120_000);
    expectFailure(vm.call('small'), 'BUDGET_EXCEEDED');
    vm.beginAction({});
    expect(logs(vm.call('small'))).toEqual(['small']);
    vm.dispose();
  });

  it('charges C work the hook cannot see: long strings and large tables', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const cheap = run(vm, 'local s = ("ab"):rep(10)');
    const dear = run(vm, 'local s = ("ab"):rep(2000)');
    expect(dear.instructions - cheap.instructions).toBeGreaterThanOrEqual(60);
    const fill = 'local t = {}\nfor i = 1, 500 do t[i] = "x" end\n';
    const without = run(vm, fill + 'local s = #t');
    const withConcat = run(vm, fill + 'local s = table.concat(t, ",")');
    expect(withConcat.instructions - without.instructions).toBeGreaterThanOrEqual(500);
    vm.dispose();
  });

  it('makes the budget error name the creator line even inside library code', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(
      vm,
      'local t = {}\nfor i = 1, 3000 do t[i] = (i * 7919) % 3001 end\n\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)\ntable.sort(t)',
    );
    expectFailure(result, 'BUDGET_EXCEEDED');
    if (!result.ok) expect(result.error.line).toBeGreaterThanOrEqual(4);
    vm.dispose();
  });
});
