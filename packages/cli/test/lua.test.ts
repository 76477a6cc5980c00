import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureConsole } from './capture-console.ts';
import { TCG_SCRIPT_EFFECTS, validateContentPackage, type Diagnostic } from '@cardtable/tcg';
import { luaCommand } from '../src/commands/lua.ts';
import { readContentFolder } from '../src/content-folder.ts';

const REEF = join(import.meta.dirname, '../../../games/tcg/test/packages/reef');

const dir = mkdtempSync(join(tmpdir(), 'cardtable-lua-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = captureConsole();

describe('cardtable lua', () => {
  it('run --json prints effects, instructions and memory', async () => {
    const script = file(
      'strike.lua',
      'for _, u in ipairs(state.units) do damage(u, random(1, 3)) end',
    );
    const state = file('state.json', JSON.stringify({ units: [{ id: 'u1' }, { id: 'u2' }] }));
    expect(await luaCommand(['run', script, '--state', state, '--seed', 's1', '--json'])).toBe(0);
    const result = io.json();
    expect(result).toMatchObject({ ok: true, effects: [{ type: 'damage' }, { type: 'damage' }] });
    expect(Object.keys(result).sort()).toEqual([
      'effects',
      'engineEffects',
      'instructions',
      'memoryBytes',
      'ok',
    ]);
    const first = io.out.join('\n');
    io.clear();
    await luaCommand(['run', script, '--state', state, '--seed', 's1', '--json']);
    expect(io.out.join('\n')).toBe(first);
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
  ])('run reports %s as {ok:false, error} and exits 1', async (code, source, flags, line) => {
    const script = file(`${code}.lua`, source);
    expect(await luaCommand(['run', script, ...flags, '--json'])).toBe(1);
    const result = io.json();
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (line !== undefined) expect((result.error as { line: number }).line).toBe(line);
    expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  });

  it('run without --json prints a readable summary', async () => {
    const script = file('heal.lua', 'heal(self, 2)\nlog("healed")');
    expect(await luaCommand(['run', script, '--self', '{"id":"c1"}'])).toBe(0);
    expect(io.out.join('\n')).toMatch(
      /heal\.lua: ok, 2 effect\(s\), \d+ instructions, [\d.]+ KiB peak memory/,
    );
    expect(io.out.join('\n')).toContain('heal(target="c1", amount=2)');
    io.clear();
    expect(
      await luaCommand([
        'run',
        file('loop.lua', 'local a = 1\nwhile true do end'),
        '--budget',
        '1000',
      ]),
    ).toBe(1);
    expect(io.out.join('\n')).toMatch(/loop\.lua:2: BUDGET_EXCEEDED: instruction budget exceeded/);
  });

  it("run FILE of a content folder says it ran the demo's sample and how to run it as its card's", async () => {
    const lanternfall = join(REEF, '../lanternfall');
    expect(
      await luaCommand(['run', join(lanternfall, 'lua/exchange.lua'), '--entry', 'swap']),
    ).toBe(1);
    expect(io.err.join('\n')).toContain(
      `To run it as the ability of lan/moon-exchange in a match of ${lanternfall} (its targets bound, its event set): npx cardtable lua run --content ${lanternfall} --card lan/moon-exchange`,
    );
    io.clear();
    expect(await luaCommand(['run', file('loose.lua', 'log(1)')])).toBe(0);
    expect(io.err.join('\n')).not.toContain('--content');
  });

  it('check prints syntax and lint results with lines and columns, exit 1 on an error', async () => {
    const script = file('lint.lua', 'local total = 0\ntotal = totl + 1\nlocal t = os.time()');
    expect(await luaCommand(['check', script])).toBe(1);
    expect(io.out.join('\n')).toContain(
      `${script}:2:9: warning LUA_UNDECLARED_GLOBAL: undeclared global 'totl'`,
    );
    expect(io.out.join('\n')).toContain(`${script}:3:11: error LUA_FORBIDDEN_API`);
    io.clear();
    expect(await luaCommand(['check', file('bad.lua', 'if x then'), '--json'])).toBe(1);
    expect(io.json()).toMatchObject({
      ok: false,
      errors: [{ code: 'LUA_SYNTAX', line: 1 }],
      warnings: [],
    });
    io.clear();
    const warned = file('warned.lua', 'damage(state.enemy.hero, totl)');
    expect(await luaCommand(['check', warned])).toBe(0);
    expect(io.out.join('\n')).toContain('0 error(s), 1 warning(s)');
  });

  it('check names a problem with the code and words content validate uses (one definition)', async () => {
    const source =
      'function dive()\n  damage(state.enemy.hero)\n  local x = state.friendly.bord\nend\n';
    expect(await luaCommand(['check', file('same.lua', source), '--json'])).toBe(1);
    const checked = io.json() as { errors: Diagnostic[]; warnings: Diagnostic[] };
    const files = new Map(await readContentFolder(REEF));
    files.set('lua/pearl_diver.lua', source);
    const validated = await validateContentPackage(files);
    const pick = (ds: Diagnostic[]) =>
      ds.map(({ code, line, column, message }) => ({ code, line, column, message }));
    const inModule = (ds: Diagnostic[]) => pick(ds.filter((d) => d.file === 'lua/pearl_diver.lua'));
    expect(pick(checked.errors)).toEqual(inModule(validated.errors));
    expect(pick(checked.warnings)).toEqual(inModule(validated.warnings));
    expect(pick(checked.errors).map((d) => d.code)).toEqual(['LUA_EFFECT_ARGUMENTS']);
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
    expect(io.err.join('\n')).toContain('Usage:');
  });
});

describe('cardtable lua check/run read the ability API the engine reads', () => {
  it.each(TCG_SCRIPT_EFFECTS.map((spec) => [spec.name, spec.example!]))(
    '%s: the documented example passes check and runs into engine effects',
    async (name, example) => {
      const script = file(`${name}-ok.lua`, example);
      expect(await luaCommand(['check', script, '--json'])).toBe(0);
      expect(io.json()).toMatchObject({ ok: true, errors: [] });
      io.clear();
      expect(await luaCommand(['run', script, '--json'])).toBe(0);
      const run = io.json() as { ok: boolean; engineEffects: { effects: unknown[] } };
      expect(run.ok).toBe(true);
      expect(run.engineEffects.effects.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['grant', 'grant(state.friendly.hero)'],
    ['gain', 'gain(state.friendly.hero, "mana", 2)'],
    ['buff', 'buff(state.friendly.hero, 1, 1, 2)'],
  ])(
    '%s: the calls the old, looser list allowed are refused by check and run',
    async (name, call) => {
      const script = file(`${name}-bad.lua`, call);
      expect(await luaCommand(['check', script, '--json'])).toBe(1);
      expect(io.json()).toMatchObject({
        ok: false,
        errors: expect.arrayContaining([
          expect.objectContaining({ code: 'LUA_EFFECT_ARGUMENTS', line: 1 }),
        ]),
      });
      io.clear();
      expect(await luaCommand(['run', script, '--json'])).toBe(1);
      expect(io.json()).toMatchObject({ ok: false, error: { code: 'INVALID_EFFECT', line: 1 } });
    },
  );
});
