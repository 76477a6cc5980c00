import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { luaCommand } from '../src/commands/lua.ts';

const dir = mkdtempSync(join(tmpdir(), 'cardtable-lua-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation(
    (...args: unknown[]) => void out.push(args.join(' ')),
  );
  vi.spyOn(console, 'error').mockImplementation(
    (...args: unknown[]) => void err.push(args.join(' ')),
  );
});
afterEach(() => vi.restoreAllMocks());
const json = () => JSON.parse(out.join('\n')) as Record<string, unknown>;

describe('cardtable lua', () => {
  it('run --json prints effects, instructions and memory', async () => {
    const script = file(
      'strike.lua',
      'for _, u in ipairs(state.units) do damage(u, random(1, 3)) end',
    );
    const state = file('state.json', JSON.stringify({ units: [{ id: 'u1' }, { id: 'u2' }] }));
    expect(await luaCommand(['run', script, '--state', state, '--seed', 's1', '--json'])).toBe(0);
    const result = json();
    expect(result).toMatchObject({ ok: true, effects: [{ type: 'damage' }, { type: 'damage' }] });
    expect(Object.keys(result).sort()).toEqual([
      'effects',
      'engineEffects',
      'instructions',
      'memoryBytes',
      'ok',
    ]);
    const first = out.join('\n');
    out = [];
    await luaCommand(['run', script, '--state', state, '--seed', 's1', '--json']);
    expect(out.join('\n')).toBe(first);
  });

  it.each([
    ['SYNTAX', 'local = 1', [], 1],
    ['RUNTIME', 'log(1)\nlocal x = nil .. "a"', [], 2],
    ['BUDGET_EXCEEDED', 'while true do end', ['--budget', '5000'], 1],
    [
      'MEMORY_EXCEEDED',
      'local t = {}\nfor i = 1, 1e9 do t[i] = { i } end',
      ['--memory', '300000', '--budget', '10000000'],
      undefined,
    ],
    ['FORBIDDEN', 'os.exit(3)', [], 1],
    ['INVALID_EFFECT', 'damage("u1", 0.5)', [], 1],
  ])('run reports %s as {ok:false, error} and still exits 0', async (code, source, flags, line) => {
    const script = file(`${code}.lua`, source);
    expect(await luaCommand(['run', script, ...flags, '--json'])).toBe(0);
    const result = json();
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (line !== undefined) expect((result.error as { line: number }).line).toBe(line);
    expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  });

  it('run without --json prints a readable summary', async () => {
    const script = file('heal.lua', 'heal(self, 2)\nlog("healed")');
    expect(await luaCommand(['run', script, '--self', '{"id":"c1"}'])).toBe(0);
    expect(out.join('\n')).toMatch(
      /heal\.lua: ok, 2 effect\(s\), \d+ instructions, [\d.]+ KiB peak memory/,
    );
    expect(out.join('\n')).toContain('heal(target="c1", amount=2)');
    out = [];
    await luaCommand([
      'run',
      file('loop.lua', 'local a = 1\nwhile true do end'),
      '--budget',
      '1000',
    ]);
    expect(out.join('\n')).toMatch(/loop\.lua:2: BUDGET_EXCEEDED: instruction budget exceeded/);
  });

  it('check prints syntax and lint results with lines and columns', async () => {
    const script = file('lint.lua', 'local total = 0\ntotal = totl + 1\nlocal t = os.time()');
    expect(await luaCommand(['check', script])).toBe(0);
    expect(out.join('\n')).toContain(
      "lint.lua:2:9: warning UNDECLARED_GLOBAL: undeclared global 'totl'",
    );
    expect(out.join('\n')).toContain('lint.lua:3:11: error FORBIDDEN_API');
    out = [];
    expect(await luaCommand(['check', file('bad.lua', 'if x then'), '--json'])).toBe(0);
    expect(json()).toMatchObject({
      ok: false,
      syntax: { ok: false, error: { code: 'SYNTAX', line: 1 } },
    });
  });

  it.each([
    [['run', join(dir, 'missing.lua')]],
    [['run', join(dir, 'x.lua'), '--budget', 'lots']],
    [['run', join(dir, 'x.lua'), '--frobnicate']],
    [['check']],
    [['walk', 'x.lua']],
    [['run', join(dir, 'x.lua'), '--state', join(dir, 'nope.json')]],
    [['run', join(dir, 'x.lua'), '--memory', '10']],
  ])('exits 2 when the command itself cannot run: %j', async (argv) => {
    file('x.lua', 'log(1)');
    expect(await luaCommand(argv)).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
  });
});
