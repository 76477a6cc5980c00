import { TEST_EFFECTS } from './fixtures/effects.ts';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSeededRandom, SandboxRuntime } from '../src/index.ts';
import { runDeterminismSuite } from './fixtures/determinism-suite.ts';
import { logs, run } from './helpers.ts';

const runtime = new SandboxRuntime({ effects: TEST_EFFECTS });
afterAll(() => runtime.dispose());

const child = fileURLToPath(new URL('./fixtures/determinism-child.ts', import.meta.url));

function runChild(warmups: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, String(warmups)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe('determinism', () => {
  it('gives byte-identical instruction counts, effects and errors in separate processes', async () => {
    const [first, second] = await Promise.all([runChild(0), runChild(3)]);
    const here = await runDeterminismSuite(1);
    expect(first.length).toBeGreaterThan(1000);
    expect(second).toBe(first);
    expect(here).toBe(first);
    const results = first
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { name: string; result: { ok: boolean; error?: { code: string } } },
      );
    const codes = Object.fromEntries(
      results.map(({ name, result }) => [name, result.ok ? 'ok' : result.error?.code]),
    );
    expect(codes).toEqual({
      pairsOrder: 'ok',
      stateWalk: 'ok',
      randomDraws: 'ok',
      stableSort: 'ok',
      floats: 'ok',
      budget: 'BUDGET_EXCEEDED',
      memory: 'MEMORY_EXCEEDED',
      runtimeError: 'RUNTIME',
      invalidEffect: 'INVALID_EFFECT',
      forbidden: 'FORBIDDEN',
    });
  }, 60_000);

  it('iterates pairs in sorted key order: numbers first, then strings', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({ b: 1, a: 2, c: { z: 1, y: 2 } });
    const result = run(
      vm,
      'local t = { zeta = 1, alpha = 2, [10] = 3, [2] = 4, [-1] = 5, beta = 6 }\nlocal out = {}\nfor k in pairs(t) do out[#out + 1] = tostring(k) end\nfor k in pairs(state) do out[#out + 1] = k end\nlog(table.concat(out, " "))',
    );
    expect(logs(result)).toEqual(['-1 2 10 alpha beta zeta a b c']);
    expect(run(vm, 'for k in pairs({ [{}] = 1 }) do end').ok).toBe(false);
    vm.dispose();
  });

  it('sorts stably: ties keep their order', async () => {
    const vm = await runtime.createVm();
    vm.beginAction({});
    const result = run(
      vm,
      'local t = {}\nfor i = 1, 40 do t[i] = { key = i % 3, id = i } end\ntable.sort(t, function(a, b) return a.key < b.key end)\nlocal ids = {}\nfor i, v in ipairs(t) do ids[i] = v.id end\nlog(table.concat(ids, ","))',
    );
    const expected = [0, 1, 2].flatMap((key) =>
      Array.from({ length: 40 }, (_, i) => i + 1).filter((i) => i % 3 === key),
    );
    expect(logs(result)).toEqual([expected.join(',')]);
    vm.dispose();
  });

  it('draws random(a, b) from the host RNG only, in call order', async () => {
    const draws: [number, number][] = [];
    const rng = createSeededRandom('seed');
    const vm = await runtime.createVm({
      random: (min, max) => {
        draws.push([min, max]);
        return rng(min, max);
      },
    });
    vm.beginAction({});
    const result = run(vm, 'log(random(1, 6), random(10, 20), random(-5, -5))');
    expect(draws).toEqual([
      [1, 6],
      [10, 20],
      [-5, -5],
    ]);
    const replay = createSeededRandom('seed');
    expect(logs(result)).toEqual([`${replay(1, 6)} ${replay(10, 20)} -5`]);
    expect(run(vm, 'random(5, 1)').ok).toBe(false);
    expect(run(vm, 'random(1, 2^40)').ok).toBe(false);
    vm.dispose();
  });

  it('turns a throwing or lying host RNG into HOST_ERROR, not a crash', async () => {
    const throwing = await runtime.createVm({
      random: () => {
        throw new Error('rng down');
      },
    });
    throwing.beginAction({});
    expect(run(throwing, 'local ok = pcall(random, 1, 6)\nlog(ok)')).toMatchObject({
      ok: false,
      error: { code: 'HOST_ERROR' },
    });
    const lying = await runtime.createVm({ random: () => 99 });
    lying.beginAction({});
    expect(run(lying, 'log(random(1, 6))')).toMatchObject({
      ok: false,
      error: { code: 'HOST_ERROR' },
    });
    const none = await runtime.createVm();
    none.beginAction({});
    expect(run(none, 'log(random(1, 6))')).toMatchObject({
      ok: false,
      error: { code: 'RUNTIME', line: 1 },
    });
    for (const vm of [throwing, lying, none]) vm.dispose();
  });
});
