import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_INFO, SandboxRuntime, type CallResult } from '../src/index.ts';
import { expectFailure, logs, run, sampleState } from './helpers.ts';

const runtime = new SandboxRuntime({ effects: TEST_EFFECTS });
afterAll(() => runtime.dispose());

describe('SandboxVm', () => {
  it('loads an ability, loads the state once per action, and collects effects', async () => {
    const vm = await runtime.createVm();
    expect(
      vm.load(
        'strike',
        'for _, u in ipairs(state.units) do\n  if u.owner ~= self.owner then damage(u, 1) end\nend',
      ),
    ).toEqual({ ok: true });
    expect(vm.beginAction(sampleState(4))).toMatchObject({ ok: true });
    const result = vm.call('strike', { self: { id: 'c1', owner: 'p1' } });
    expect(result).toMatchObject({
      ok: true,
      effects: [
        { type: 'damage', args: { target: 'u2', amount: 1 } },
        { type: 'damage', args: { target: 'u4', amount: 1 } },
      ],
    });
    expect(result.instructions).toBeGreaterThan(0);
    expect(result.memoryBytes).toBeGreaterThan(0);
    vm.dispose();
  });

  it('passes self and args read-only, and gives each call fresh globals', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    vm.load('count', 'seen = (seen or 0) + 1\nlog(seen, self.id, args.amount)');
    expect(logs(vm.call('count', { self: { id: 'c9' }, args: { amount: 3 } }))).toEqual(['1 c9 3']);
    expect(logs(vm.call('count', { self: { id: 'c9' }, args: { amount: 4 } }))).toEqual(['1 c9 4']);
    expectFailure(run(vm, 'self.id = "x"', { self: { id: 'c1' } }), 'RUNTIME', 1);
    expectFailure(run(vm, 'args[1] = 2', { args: [1] }), 'RUNTIME', 1);
    vm.dispose();
  });

  it('keeps the state read-only at every depth, through every write path', async () => {
    const vm = await runtime.createVm();
    vm.beginAction(sampleState(2));
    for (const write of [
      'state.turn = 1',
      'state.units[1].attack = 99',
      'table.insert(state.units, {})',
      'table.sort(state.units, function(a, b) return a.id > b.id end)',
      'state.units[1].tags[1] = "x"',
    ]) {
      const result = run(vm, write);
      expectFailure(result, 'RUNTIME', 1);
      if (!result.ok) expect(result.error.message).toContain('read-only');
    }
    expectFailure(run(vm, 'setmetatable(state, nil)'), 'RUNTIME', 1);
    expect(
      logs(run(vm, 'log(state.turn, #state.units, state.units[2].tags[1], getmetatable(state))')),
    ).toEqual(['3 2 ground read-only']);
    vm.dispose();
  });

  it('replaces the state on the next action', async () => {
    const vm = await runtime.createVm();
    vm.load('turn', 'log(state.turn)');
    vm.beginAction({ turn: 1 });
    expect(logs(vm.call('turn'))).toEqual(['1']);
    vm.beginAction({ turn: 2 });
    expect(logs(vm.call('turn'))).toEqual(['2']);
    vm.dispose();
  });

  it('rejects host values that Lua cannot represent faithfully', async () => {
    const vm = await runtime.createVm();
    expect(vm.beginAction({ a: NaN } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(vm.beginAction({ a: [1, null, 2] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(vm.beginAction({ a: new Date() } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    vm.load('x', 'log(1)');
    expect(vm.call('x', { self: { f: () => 1 } as never })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    vm.dispose();
  });

  it('reports unknown abilities and disposed VMs as values', async () => {
    const vm = await runtime.createVm();
    expect(vm.call('nope')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ABILITY' } });
    vm.dispose();
    vm.dispose();
    expect(vm.call('nope')).toMatchObject({ ok: false, error: { code: 'VM_UNAVAILABLE' } });
    expect(vm.load('a', 'log(1)')).toMatchObject({ ok: false, error: { code: 'VM_UNAVAILABLE' } });
  });

  it('refuses re-entry from a host callback, and other VMs stay usable from it', async () => {
    let inner: unknown;
    let other: unknown;
    const neighbour = await runtime.createVm();
    neighbour.load('n', 'log("neighbour")');
    neighbour.beginAction({});
    const vm = await runtime.createVm({
      random: (min) => {
        inner = vm.call('roll');
        other = neighbour.call('n');
        return min;
      },
    });
    vm.load('roll', 'log(random(1, 6))');
    vm.beginAction({});
    expect(logs(vm.call('roll'))).toEqual(['1']);
    expect(inner).toMatchObject({ ok: false, error: { code: 'VM_UNAVAILABLE' } });
    expect(logs(other as CallResult)).toEqual(['neighbour']);
    vm.dispose();
    neighbour.dispose();
  });

  it('reports syntax errors with the line, and refuses bytecode', async () => {
    const vm = await runtime.createVm();
    expect(vm.load('bad', 'local x = 1\nlocal y = = 2')).toMatchObject({
      ok: false,
      error: { code: 'SYNTAX', line: 2 },
    });
    expect(vm.load('bytecode', '\x1bLuaT\x00\x19\x93')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    vm.dispose();
  });

  it('records the engine version and the prelude hash', () => {
    expect(runtime.engine).toBe(ENGINE_INFO);
    expect(ENGINE_INFO.id).toMatch(
      /^lua5\.4\+wasmoon\d+\.\d+\.\d+\+rules\d+\+prelude\.[0-9a-f]{16}$/,
    );
  });
});

describe('heap pool', () => {
  it('spreads VMs over several WASM heaps', async () => {
    const pool = new SandboxRuntime({ effects: TEST_EFFECTS, heaps: 3 });
    const vms = await Promise.all([1, 2, 3, 4, 5, 6].map(() => pool.createVm()));
    const { heaps, liveVms } = pool.stats();
    expect(liveVms).toBe(6);
    expect(heaps).toHaveLength(3);
    expect(heaps.map((h) => h.liveVms)).toEqual([2, 2, 2]);
    for (const vm of vms) expect(logs(run(vm, 'log("ok")'))).toEqual(['ok']);
    pool.dispose();
  });

  it('retires a heap after enough VMs and releases it once empty', async () => {
    const pool = new SandboxRuntime({ effects: TEST_EFFECTS, heaps: 1, retireAfterVms: 2 });
    const first = await pool.createVm();
    const second = await pool.createVm();
    const [firstHeap] = pool.stats().heaps;
    expect(firstHeap?.createdVms).toBe(2);
    const third = await pool.createVm(); // the first heap is worn: a new one takes it
    const ids = pool.stats().heaps.map((h) => h.id);
    expect(ids).toHaveLength(2);
    first.dispose();
    second.dispose();
    expect(pool.stats().heaps.map((h) => h.id)).not.toContain(firstHeap?.id);
    expect(logs(run(third, 'log(1)'))).toEqual(['1']);
    pool.dispose();
    expect(pool.stats()).toEqual({ liveVms: 0, heaps: [] });
  });

  it('frees every byte of a VM when it is disposed', async () => {
    const vm = await runtime.createVm();
    vm.beginAction(sampleState(20));
    run(vm, 'local t = {} for i = 1, 1000 do t[i] = {i} end');
    expect(vm.memoryBytes).toBeGreaterThan(50_000);
    vm.dispose();
    expect(vm.memoryBytes).toBe(0);
  });
});
