import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkAbility,
  dryRunAbility,
  LOG_EFFECT,
  lintScript,
  SandboxRuntime,
  type LintDiagnostic,
} from '../src/index.ts';
import { sampleState } from './helpers.ts';

const runtime = new SandboxRuntime({ effects: TEST_EFFECTS, heaps: 1 });
afterAll(() => runtime.dispose());
const effects = [LOG_EFFECT, ...TEST_EFFECTS];
const lint = (source: string) => lintScript(source, { effects });
const brief = (d: LintDiagnostic) => `${d.code}@${d.line}:${d.column}`;

describe('syntax check', () => {
  it('uses Lua 5.4 itself and reports the line, without running anything', async () => {
    expect(await checkAbility(runtime, 'local x <const> = 1\nlog(x // 2)')).toMatchObject({
      ok: true,
    });
    expect(await checkAbility(runtime, 'local a = 1\nif a then\n  log(a)\n')).toMatchObject({
      ok: false,
      syntax: { ok: false, error: { code: 'SYNTAX', line: 4 } },
    });
    expect(await checkAbility(runtime, 'while true do end')).toMatchObject({ ok: true });
    expect(await checkAbility(runtime, '\x1bLua')).toMatchObject({
      ok: false,
      syntax: { error: { code: 'FORBIDDEN' } },
    });
  });
});

describe('lint', () => {
  it('flags undeclared globals with line and column, but not globals the script declares', () => {
    const diagnostics = lint(
      'local total = 0\nfunction helper() return 1 end\ncount = 1\ntotal = totl + helper() + count',
    );
    expect(diagnostics.map(brief)).toEqual(['UNDECLARED_GLOBAL@4:9']);
    expect(diagnostics[0]?.message).toBe("undeclared global 'totl'");
  });

  it('flags names the sandbox does not offer, and unknown API members', () => {
    const diagnostics = lint(
      'local t = os.time()\nlocal r = math.random(6)\nlocal s = string.gsub("a", "a", "b")\nlocal u = string.upcase("x")\nlocal v = unpack({})',
    );
    expect(diagnostics.map((d) => `${d.severity}:${brief(d)}`)).toEqual([
      'error:FORBIDDEN_API@1:11',
      'error:FORBIDDEN_API@2:11',
      'error:FORBIDDEN_API@3:11',
      'error:UNKNOWN_API@4:11',
      'warning:UNDECLARED_GLOBAL@5:11',
    ]);
    expect(diagnostics[1]?.message).toContain('random(a, b)');
    expect(diagnostics[4]?.message).toContain('table.unpack');
  });

  it('names the function, global or library member a slip of the keyboard meant', () => {
    const diagnostics = lint(
      'function mend() end\nheall(state.friendly.hero, 1)\nmnd()\nlocal s = string.uper("x")\nlocal t = sate\nexplode()',
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      `'heall' is not a function scripts can call (not an effect of the ability API, a library or defined by the script): did you mean "heal"?`,
      `'mnd' is not a function scripts can call (not an effect of the ability API, a library or defined by the script): did you mean "mend"?`,
      `unknown API name 'string.uper': did you mean "upper"?`,
      `undeclared global 'sate': did you mean "state"?`,
      // Nothing close: no guess.
      `'explode' is not a function scripts can call (not an effect of the ability API, a library or defined by the script)`,
    ]);
  });

  it("warns at a read of a field the host's state does not have, through lists too", () => {
    const state = {
      turn: { doc: 'the turn' },
      side: { doc: 'a side', fields: { units: { doc: 'units', items: { power: { doc: 'p' } } } } },
      event: { doc: 'open: not looked into' },
    };
    const source =
      'local a = state.side.units[1].powr\nlocal b = state.sid\nlocal c = state.event.anything\nlocal d = state.side.units[1].power + state.turn';
    const diagnostics = lintScript(source, { effects, state });
    expect(diagnostics.map((d) => `${d.severity}:${brief(d)}`)).toEqual([
      'warning:UNKNOWN_STATE_FIELD@1:11',
      'warning:UNKNOWN_STATE_FIELD@2:11',
    ]);
    expect(diagnostics[0]?.message).toBe(
      `state.side.units[...] has no field 'powr' (it has: power), so this is nil: did you mean "power"?`,
    );
    expect(diagnostics[1]?.message).toMatch(/so this is nil: did you mean "side"\?$/);
    expect(lint(source)).toEqual([]);
  });

  it('flags unreachable code after return-like statements', () => {
    const diagnostics = lint(
      [
        'for i = 1, 3 do',
        '  break',
        '  log(i)',
        'end',
        'local function f(x)',
        '  if x then return 1 else error("no") end',
        '  log("never")',
        'end',
        'do goto done\nlog("skipped") ::done:: end',
        'while true do log("spin") end',
        'log("after the loop")',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.code === 'UNREACHABLE_CODE').map(brief)).toEqual([
      'UNREACHABLE_CODE@3:3',
      'UNREACHABLE_CODE@7:3',
      'UNREACHABLE_CODE@10:1',
      'UNREACHABLE_CODE@12:1',
    ]);
  });

  it('checks effect arity, writes to read-only data, shadowed API names and plain find', () => {
    const diagnostics = lint(
      'damage("u1")\ndestroy("a", "b")\nstate.turn = 2\nstring.upper = nil\nheal = 1\nlocal i = string.find("a1", "%d")\ndamage(table.unpack({ "u1", 2 }))',
    );
    expect(diagnostics.map(brief)).toEqual([
      'EFFECT_ARGUMENTS@1:1',
      'EFFECT_ARGUMENTS@2:1',
      'READ_ONLY@3:1',
      'READ_ONLY@4:1',
      'SHADOWED_API@5:1',
      'PLAIN_FIND@6:29',
    ]);
  });

  it('knows Lua 5.4 attributes and the whole script API', () => {
    const clean = `local limit <const> = 3
local picked = {}
for _, u in ipairs(state.units) do
  if #picked < limit and u.owner ~= self.owner then picked[#picked + 1] = u end
end
table.sort(picked, function(a, b) return a.id < b.id end)
for k, v in pairs(args or {}) do print(k, tostring(v), math.max(1, 2), select("#", 1)) end
if #picked > 0 then choose(self.owner, picked, 1) end
damage(picked[1] or self, random(1, 3))
log(_ENV.state ~= nil)`;
    expect(lint(clean)).toEqual([]);
  });
});

describe('dry run', () => {
  it('returns effects, instructions and memory for a sample state', async () => {
    const result = await dryRunAbility(
      runtime,
      'for _, u in ipairs(state.units) do if u.exhausted then destroy(u) end end\nlog(random(1, 100))',
      {
        state: sampleState(8),
        seed: 'abc',
      },
    );
    expect(result).toMatchObject({
      ok: true,
      effects: [
        { type: 'destroy', args: { target: 'u1' } },
        { type: 'destroy', args: { target: 'u5' } },
        { type: 'log' },
      ],
    });
    expect(result.instructions).toBeGreaterThan(20);
    expect(result.memoryBytes).toBeGreaterThan(10_000);
    const again = await dryRunAbility(runtime, 'log(random(1, 100))', { seed: 'abc' });
    const other = await dryRunAbility(runtime, 'log(random(1, 100))', { seed: 'abd' });
    expect(again).toEqual(await dryRunAbility(runtime, 'log(random(1, 100))', { seed: 'abc' }));
    expect(again).not.toEqual(other);
  });

  it('returns syntax and runtime errors with their lines, and honours limits', async () => {
    expect(await dryRunAbility(runtime, 'log(1)\nlog(')).toMatchObject({
      ok: false,
      error: { code: 'SYNTAX', line: 2 },
    });
    expect(await dryRunAbility(runtime, 'log(1)\nlocal x = nil + 1')).toMatchObject({
      ok: false,
      error: { code: 'RUNTIME', line: 2 },
    });
    expect(
      await dryRunAbility(runtime, 'while true do end', { limits: { instructionsPerCall: 1000 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BUDGET_EXCEEDED', line: 1 },
      instructions: 1000,
    });
  });
});
