import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../src/index.ts';
import { expectFailure, expectHealthy, logs, run } from './helpers.ts';

const runtime = new SandboxRuntime({
  effects: TEST_EFFECTS,
  limits: {
    memoryBytes: 2 * 1024 * 1024,
    instructionsPerCall: 2_000_000,
    instructionsPerAction: 20_000_000,
  },
});
afterAll(() => runtime.dispose());

describe('memory cap', () => {
  it.each([
    ['tables', 'local t = {}\nfor i = 1, 1e9 do t[i] = { i, i, i } end'],
    ['strings', 'local t = {}\nfor i = 1, 1e9 do t[i] = ("x"):rep(1000) .. i end'],
    ['closures', 'local t = {}\nfor i = 1, 1e9 do t[i] = function() return i end end'],
    ['one big array', 'local t = {}\nfor i = 1, 1e9 do t[i] = i end'],
    ['hash keys', 'local t = {}\nfor i = 1, 1e9 do t["k" .. i] = true end'],
  ])('stops a memory bomb of %s with MEMORY_EXCEEDED and the line', async (_kind, source) => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(vm, source);
    expectFailure(result, 'MEMORY_EXCEEDED');
    if (!result.ok) expect([undefined, 2]).toContain(result.error.line);
    expect(result.memoryBytes).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
    expectHealthy(vm);
    vm.dispose();
  });

  it('cannot be caught by pcall', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(
      vm,
      'local t = {}\nlocal ok = pcall(function() for i = 1, 1e9 do t[i] = { i } end end)\nt = nil\nlog("caught", ok)',
    );
    expectFailure(result, 'MEMORY_EXCEEDED');
    expectHealthy(vm);
    vm.dispose();
  });

  it('gives the memory back: the VM keeps working call after call', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    for (let i = 0; i < 3; i++) {
      expectFailure(run(vm, 'local t = {}\nfor i = 1, 1e9 do t[i] = { i } end'), 'MEMORY_EXCEEDED');
      expect(logs(run(vm, 'local t = {}\nfor i = 1, 1000 do t[i] = { i } end\nlog(#t)'))).toEqual([
        '1000',
      ]);
    }
    vm.dispose();
  });

  it('refuses a state larger than the cap, and a fresh VM works after', async () => {
    const vm = await runtime.createVm();
    const huge = { units: Array.from({ length: 20_000 }, (_, i) => ({ id: `u${i}`, hp: i })) };
    expect(vm.beginAction(huge)).toMatchObject({ ok: false, error: { code: 'MEMORY_EXCEEDED' } });
    expect(vm.beginAction({ units: [] })).toMatchObject({ ok: true });
    expectHealthy(vm);
    vm.dispose();
    const fresh = await runtime.createVm();
    expectHealthy(fresh);
    fresh.dispose();
  });

  it('caps one VM without touching its neighbours on the same heap', async () => {
    const heavy = await runtime.createVm();
    const light = await runtime.createVm();
    light.load('count', 'local n = 0\nfor _, u in ipairs(state.units) do n = n + u end\nlog(n)');
    light.beginAction({ units: [1, 2, 3] });
    heavy.beginAction({});
    expectFailure(
      run(heavy, 'local t = {}\nfor i = 1, 1e9 do t[i] = { i } end'),
      'MEMORY_EXCEEDED',
    );
    expect(logs(light.call('count'))).toEqual(['6']);
    heavy.dispose();
    light.dispose();
  });
});
