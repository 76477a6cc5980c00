import { TEST_EFFECTS } from './fixtures/effects.ts';
import { describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../src/index.ts';
import { expectFailure, expectHealthy, run } from './helpers.ts';

describe('wall-clock watchdog', () => {
  it('stops a call whose clock runs past the deadline, as WATCHDOG, and the VM goes on', async () => {
    // A clock that jumps 50 ms each time it is read: deterministic, and no real waiting.
    let now = 0;
    const runtime = new SandboxRuntime({
      effects: TEST_EFFECTS,
      heaps: 1,
      now: () => (now += 50),
      limits: {
        watchdogMs: 1_000,
        instructionsPerCall: 5_000_000,
        instructionsPerAction: 50_000_000,
      },
    });
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(vm, 'local n = 0\nwhile true do\n  n = n + 1\nend');
    expectFailure(result, 'WATCHDOG');
    if (!result.ok) expect(result.error.message).toContain('wall-clock');
    expect(result.instructions).toBeLessThan(5_000_000);
    expectHealthy(vm);
    runtime.dispose();
  });

  it('also looks from the allocator, for C work that allocates without instructions', async () => {
    // The hook looks 11 times in a 100k-instruction call (too few to pass 15 ms on this clock);
    // only the allocator's looks can add up to a WATCHDOG.
    let now = 0;
    const runtime = new SandboxRuntime({
      effects: TEST_EFFECTS,
      heaps: 1,
      now: () => (now += 1),
      limits: { watchdogMs: 15 },
    });
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(vm, 'local t = {}\nfor i = 1, 1e9 do t[i] = { i } end');
    expectFailure(result, 'WATCHDOG');
    runtime.dispose();
  });

  it('contains a host fault that crosses into wasm: the VM and its heap are retired, the process goes on', async () => {
    // A host callback that throws from inside Lua (here the clock, read by the count hook)
    // leaves Lua's state unknown; the sandbox must not touch that heap again.
    let reads = 0;
    const runtime = new SandboxRuntime({
      effects: TEST_EFFECTS,
      heaps: 1,
      now: () => {
        if (++reads === 3) throw new Error('clock broke');
        return 0;
      },
    });
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(vm, 'while true do end');
    expectFailure(result, 'VM_UNAVAILABLE');
    expectFailure(run(vm, 'log(1)'), 'VM_UNAVAILABLE');
    const [poisoned] = runtime.stats().heaps;
    expect(poisoned?.retired).toBe(true);
    const fresh = await runtime.createVm();
    const open = runtime.stats().heaps.filter((h) => !h.retired);
    expect(open.map((h) => h.liveVms)).toEqual([1]);
    expect(open[0]?.id).not.toBe(poisoned?.id);
    expectHealthy(fresh);
    vm.dispose();
    expect(runtime.stats().heaps.map((h) => h.id)).not.toContain(poisoned?.id);
    runtime.dispose();
  });
});
