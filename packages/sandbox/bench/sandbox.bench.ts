import { TEST_EFFECTS } from '../test/fixtures/effects.ts';
import { pathToFileURL } from 'node:url';
import { LUA_REGISTRYINDEX } from '../src/lua/lua-constants.ts';
import { SandboxRuntime, type SandboxVm } from '../src/index.ts';
import type { VmCore } from '../src/vm-core.ts';
import { sampleState } from '../test/fixtures/sample-state.ts';

/** A typical ability: scan the board, pick targets, emit a few effects. */
const ABILITY = `local hits = 0
for _, u in ipairs(state.units) do
  if u.owner ~= self.owner and u.health <= 3 then
    damage(u, 1)
    hits = hits + 1
  end
end
if hits == 0 then draw(self.owner, 1) end`;

const LOOP = 'local n = 0\nfor i = 1, 200000 do n = n + i % 7 end';

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const ms = (value: number) => `${value.toFixed(4)} ms`;

/** Runs the same chunk with and without the count hook: the cost of an exact budget. */
function hookOverhead(vm: SandboxVm): { withHook: number; withoutHook: number } {
  vm.load('loop', LOOP);
  vm.beginAction({});
  const core = (vm as unknown as { core: VmCore }).core;
  const ref = (vm as unknown as { abilities: Map<string, number> }).abilities.get('loop') ?? 0;
  const { api } = core.heap;
  const bare = () =>
    core.runProtected((L) => {
      api.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(ref));
      api.lua_callk(L, 0, 0, 0, 0);
      return 0;
    });
  const hooked: number[] = [];
  const unhooked: number[] = [];
  for (let i = 0; i < 12; i++) {
    hooked.push(time(() => vm.call('loop')));
    unhooked.push(time(bare));
    vm.beginAction({});
  }
  // the fastest run of each: the least disturbed by other work on the machine
  return { withHook: Math.min(...hooked), withoutHook: Math.min(...unhooked) };
}

export async function run(): Promise<void> {
  const runtime = new SandboxRuntime({
    effects: TEST_EFFECTS,
    heaps: 2,
    limits: { instructionsPerCall: 2_000_000, instructionsPerAction: 20_000_000 },
  });
  // Both heaps exist before VM creation is timed (a heap takes tens of ms to instantiate).
  const heapWarmup = await Promise.all([runtime.createVm(), runtime.createVm()]);
  for (const vm of heapWarmup) vm.dispose();

  const creation: number[] = [];
  const vms: SandboxVm[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    vms.push(await runtime.createVm({ random: (min) => min }));
    creation.push(performance.now() - start);
  }
  const vmBytes = vms.map((vm) => vm.memoryBytes);
  const heapBytes = runtime.stats().heaps.reduce((sum, h) => sum + h.wasmBytes, 0);
  for (const vm of vms.slice(1)) vm.dispose();

  const vm = vms[0] as SandboxVm;
  const state = sampleState(20);
  const self = { id: 'c1', owner: 'p1' };
  vm.load('ability', ABILITY);
  vm.beginAction(state);
  const call = vm.call('ability', { self });
  if (!call.ok) throw new Error(`bench ability failed: ${call.error.message}`);

  for (let i = 0; i < 500; i++) {
    vm.beginAction(state);
    vm.call('ability', { self });
  }
  const calls: number[] = [];
  const loads: number[] = [];
  const actions: number[] = [];
  for (let i = 0; i < 2000; i++) {
    loads.push(time(() => vm.beginAction(state)));
    calls.push(time(() => vm.call('ability', { self })));
  }
  for (let i = 0; i < 1000; i++) {
    actions.push(
      time(() => {
        vm.beginAction(state);
        for (let c = 0; c < 10; c++) vm.call('ability', { self });
      }),
    );
  }
  const hook = hookOverhead(vm);
  vm.dispose();
  runtime.dispose();

  const created = percentiles(creation);
  const perCall = percentiles(calls);
  const perLoad = percentiles(loads);
  const perAction = percentiles(actions);
  console.log(
    `sandbox bench (ability: ${call.instructions} instructions, ${call.effects.length} effects)`,
  );
  console.table([
    { measure: 'VM creation', p50: ms(created.p50), p99: ms(created.p99) },
    { measure: 'state load (20 units)', p50: ms(perLoad.p50), p99: ms(perLoad.p99) },
    { measure: 'ability call', p50: ms(perCall.p50), p99: ms(perCall.p99) },
    { measure: 'action: state + 10 calls', p50: ms(perAction.p50), p99: ms(perAction.p99) },
  ]);
  console.table([
    {
      'Lua bytes per VM': Math.round(vmBytes.reduce((a, b) => a + b, 0) / vmBytes.length),
      'WASM bytes (all heaps)': heapBytes,
      'loop with hook': ms(hook.withHook),
      'loop without hook': ms(hook.withoutHook),
      'hook overhead': `${((hook.withHook / hook.withoutHook - 1) * 100).toFixed(1)} %`,
    },
  ]);
  const target = 0.2;
  console.log(
    `action p50 ${ms(perAction.p50)} ${perAction.p50 < target ? '<' : '>='} target ${target} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
