import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxRuntime, type EffectSpec } from '../src/index.ts';
import { expectFailure, run } from './helpers.ts';

const runtime = new SandboxRuntime({ effects: TEST_EFFECTS, limits: { maxEffectsPerCall: 20 } });
afterAll(() => runtime.dispose());

async function vmWithState() {
  const vm = await runtime.createVm();
  vm.beginAction({ units: [{ id: 'u1' }, { id: 7 }], players: [{ id: 'p1' }] });
  return vm;
}

describe('effect functions', () => {
  it('emits every default effect with validated, named arguments', async () => {
    const vm = await vmWithState();
    const result = run(
      vm,
      [
        'local u, p = state.units[1], state.players[1]',
        'damage(u, 3)',
        'heal(state.units[2], 2)',
        'draw(p, 1)',
        'discard("p1", 2)',
        'summon(p, "goblin", 2)',
        'buff(u, 1, -1)',
        'destroy(7)',
        'move(u, "graveyard")',
        'gain(p, "mana", 4 // 2)',
        'shuffle(p)',
        'reveal(u, p)',
        'choose(p, state.units, 1, "Pick a unit")',
        'log("done", 1, true, nil)',
      ].join('\n'),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.effects).toEqual([
      { type: 'damage', args: { target: 'u1', amount: 3 } },
      { type: 'heal', args: { target: 7, amount: 2 } },
      { type: 'draw', args: { player: 'p1', count: 1 } },
      { type: 'discard', args: { player: 'p1', count: 2 } },
      { type: 'summon', args: { player: 'p1', card: 'goblin', count: 2 } },
      { type: 'buff', args: { target: 'u1', attack: 1, health: -1 } },
      { type: 'destroy', args: { target: 7 } },
      { type: 'move', args: { card: 'u1', zone: 'graveyard' } },
      { type: 'gain', args: { player: 'p1', resource: 'mana', amount: 2 } },
      { type: 'shuffle', args: { player: 'p1' } },
      { type: 'reveal', args: { card: 'u1', to: 'p1' } },
      {
        type: 'choose',
        args: { player: 'p1', options: ['u1', 7], count: 1, prompt: 'Pick a unit' },
      },
      { type: 'log', args: { message: 'done 1 true nil' } },
    ]);
    vm.dispose();
  });

  it.each([
    ['a float amount', 'damage("u1", 1.5)', 'must be an integer, got 1.5'],
    ['NaN', 'damage("u1", 0/0)', 'must be an integer, got nan'],
    ['infinity', 'heal("u1", 1/0)', 'must be an integer, got inf'],
    ['a string amount', 'damage("u1", "3")', 'must be an integer, got string'],
    ['a negative amount', 'damage("u1", -1)', 'must be at least 0'],
    ['a missing argument', 'draw("p1")', 'argument #2 (count) is missing'],
    ['too many arguments', 'destroy("u1", 2)', 'takes at most 1 arguments'],
    ['a table without id', 'destroy({ name = "x" })', 'without an id'],
    ['a function target', 'destroy(print)', 'got function'],
    ['an empty choice', 'choose("p1", {})', 'fewer than 1'],
    ['a non-list choice', 'choose("p1", "u1")', 'must be a list'],
    ['count above options', 'choose("p1", { "a", "b" }, 3)', 'larger than the number of options'],
    ['a huge integer', 'damage("u1", math.maxinteger)', 'is out of range'],
    ['an amount over the cap', 'damage("u1", 10 ^ 7)', 'must be at most'],
  ])('rejects %s with INVALID_EFFECT and the line', async (_what, call, message) => {
    const vm = await vmWithState();
    const result = run(vm, `local x = 1\n\n${call}`);
    expectFailure(result, 'INVALID_EFFECT', 3);
    if (!result.ok) expect(result.error.message).toContain(message);
    vm.dispose();
  });

  it('lets a script catch a wrong argument with pcall (the command is not recorded)', async () => {
    const vm = await vmWithState();
    const result = run(vm, 'local ok, err = pcall(damage, "u1", 0.5)\nlog(ok, err)');
    expect(result).toMatchObject({ ok: true, effects: [{ type: 'log' }] });
    if (result.ok)
      expect(result.effects[0]?.args.message).toMatch(/^false ability:1: damage: argument #2/);
    vm.dispose();
  });

  it('drops all effects of a failed call', async () => {
    const vm = await vmWithState();
    const result = run(vm, 'damage("u1", 1)\nerror("nope")');
    expectFailure(result, 'RUNTIME', 2);
    expect(result).not.toHaveProperty('effects');
    vm.dispose();
  });

  it('caps effects per call and log message length', async () => {
    const vm = await vmWithState();
    expectFailure(run(vm, 'for i = 1, 100 do damage("u1", 1) end'), 'LIMIT_EXCEEDED', 1);
    expectFailure(run(vm, 'log(("x"):rep(2000))'), 'INVALID_EFFECT', 1);
    vm.dispose();
  });

  it('takes effects registered by the host, with their validators', async () => {
    const freeze: EffectSpec = {
      name: 'freeze',
      params: [
        { name: 'target', type: 'ref' },
        { name: 'turns', type: 'integer', min: 1, max: 3 },
        { name: 'mode', type: 'string', oneOf: ['hard', 'soft'], optional: true },
      ],
      check: (args) =>
        args.mode === 'hard' && args.turns === 3
          ? 'a hard freeze lasts at most 2 turns'
          : undefined,
    };
    const custom = new SandboxRuntime({ heaps: 1, effects: [...TEST_EFFECTS, freeze] });
    const vm = await custom.createVm();
    vm.beginAction({});
    expect(run(vm, 'freeze("u1", 2, "soft")')).toMatchObject({
      ok: true,
      effects: [{ type: 'freeze', args: { target: 'u1', turns: 2, mode: 'soft' } }],
    });
    expectFailure(run(vm, 'freeze("u1", 3, "hard")'), 'INVALID_EFFECT', 1);
    expectFailure(run(vm, 'freeze("u1", 2, "warm")'), 'INVALID_EFFECT', 1);
    custom.dispose();
    expect(() => new SandboxRuntime({ effects: [{ name: 'pairs', params: [] }] })).toThrow(
      /reserved/,
    );
    expect(() => new SandboxRuntime({ effects: [{ name: 'no-dash', params: [] }] })).toThrow(
      /identifier/,
    );
  });

  it('turns a throwing host validator into HOST_ERROR', async () => {
    const custom = new SandboxRuntime({
      heaps: 1,
      effects: [
        {
          name: 'explode',
          params: [],
          check: () => {
            throw new Error('validator bug');
          },
        },
      ],
    });
    const vm = await custom.createVm();
    vm.beginAction({});
    expectFailure(run(vm, 'pcall(explode)\nlog("continued")'), 'HOST_ERROR');
    expect(run(vm, 'log("still fine")')).toMatchObject({ ok: true });
    custom.dispose();
  });
});
