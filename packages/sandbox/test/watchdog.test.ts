import { describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../src/index.ts';
import { expectFailure, expectHealthy, run } from './helpers.ts';

describe('wall-clock watchdog', () => {
  it('stops a call whose clock runs past the deadline, as WATCHDOG, and the VM goes on', async () => {
    // A clock that jumps 50 ms each time it is read: deterministic, and no real waiting.
    let now = 0;
    const runtime = new SandboxRuntime({
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
});
