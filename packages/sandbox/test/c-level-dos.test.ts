import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SandboxRuntime, type SandboxVm } from '../src/index.ts';
import { expectFailure, expectHealthy, logs, run } from './helpers.ts';

// C functions run inside one instruction, where the count hook cannot see them. Each test
// shows such a sink is closed: refused, capped, or charged so that the budget ends it.
const runtime = new SandboxRuntime({
  effects: TEST_EFFECTS,
  limits: { instructionsPerCall: 100_000 },
});
let vm: SandboxVm;
beforeEach(async () => {
  vm?.dispose();
  vm = await runtime.createVm();
  vm.beginAction({});
});
afterAll(() => {
  vm.dispose();
  runtime.dispose();
});

describe('C-level denial of service', () => {
  it('offers no pattern matching (a backtracking pattern runs for minutes in one call)', () => {
    const evil = 'local s = ("a"):rep(1000)\n';
    expectFailure(run(vm, evil + 's:match(("a?"):rep(1000) .. ("a"):rep(1000))'), 'FORBIDDEN', 2);
    expectFailure(run(vm, evil + 'string.gsub(s, "(a*)*b", "")'), 'FORBIDDEN', 2);
    expectFailure(run(vm, evil + 'string.find(s, "(a*)*b", 1, false)'), 'RUNTIME', 2);
    // find searches plain text: pattern characters are literal, the work is charged
    expect(logs(run(vm, 'log(string.find("a.b%d", ".", 1), ("x%d"):find("%d"))'))).toEqual([
      '2 2 3',
    ]);
    const long = run(vm, evil + 'for i = 1, 1e9 do s:find(("a"):rep(500) .. "b") end');
    expectFailure(long, 'BUDGET_EXCEEDED', 2);
    expectHealthy(vm);
  });

  it('caps string.rep by length and by count (even for the empty string)', () => {
    expectFailure(run(vm, 'local s = ("x"):rep(1e9)'), 'RUNTIME', 1);
    expectFailure(run(vm, 'local s = (""):rep(1e15)'), 'RUNTIME', 1);
    expectFailure(run(vm, 'local s = ("x"):rep(3, ("y"):rep(4000))'), 'RUNTIME', 1);
    expect(logs(run(vm, 'log(#("ab"):rep(1000, ","))'))).toEqual(['2999']);
    expectHealthy(vm);
  });

  it('caps concatenation: a doubling string hits the string cap with the line', () => {
    const result = run(vm, 'local s = "x"\nfor i = 1, 64 do\n  s = s .. s\nend');
    expectFailure(result, 'MEMORY_EXCEEDED', 3);
    if (!result.ok) expect(result.error.message).toContain('string');
    expectHealthy(vm);
  });

  it('charges table.concat per element and caps its result', () => {
    expectFailure(
      run(vm, 'local t = {}\nfor i = 1, 5000 do t[i] = "xy" end\nlocal s = table.concat(t)'),
      'MEMORY_EXCEEDED',
      3,
    );
    const result = run(
      vm,
      'local t = setmetatable({}, { __index = function() return "" end })\nlocal s = table.concat(t, "", 1, 1e12)',
    );
    expectFailure(result, 'BUDGET_EXCEEDED', 2);
    expectHealthy(vm);
  });

  it('sorts in Lua (counted, stable, no random pivot), whatever the comparator', () => {
    expect(
      logs(
        run(
          vm,
          'local t = {}\nfor i = 1, 300 do t[i] = i % 5 end\ntable.sort(t, function() return true end)\nlog(#t)',
        ),
      ),
    ).toEqual(['300']);
    const big = run(
      vm,
      'local t = {}\nfor i = 1, 20000 do t[i] = (i * 7919) % 20011 end\ntable.sort(t)',
    );
    expectFailure(big, 'BUDGET_EXCEEDED', 3);
    expectHealthy(vm);
  });

  it('counts table.insert/remove shifting instead of doing it in C', () => {
    expectFailure(
      run(vm, 'local t = {}\nfor i = 1, 1e6 do table.insert(t, 1, i) end'),
      'BUDGET_EXCEEDED',
      2,
    );
    expect(
      logs(
        run(
          vm,
          'local t = {1, 2, 3}\ntable.insert(t, 2, 9)\nlog(table.remove(t, 1), table.concat(t, ","))',
        ),
      ),
    ).toEqual(['1 9,2,3']);
  });

  it('caps values spread in one go (table.unpack, string.byte)', () => {
    expectFailure(
      run(
        vm,
        'local t = {}\nfor i = 1, 1000 do t[i] = i end\nlocal n = select("#", table.unpack(t))',
      ),
      'RUNTIME',
      3,
    );
    expectFailure(
      run(vm, 'local s = ("x"):rep(2000)\nlocal n = select("#", s:byte(1, -1))'),
      'RUNTIME',
      2,
    );
    // (a call cannot spell out more than ~250 arguments: Lua's register limit)
    expectFailure(run(vm, `local s = string.char(${'65,'.repeat(299)}65)`), 'SYNTAX', 1);
    expect(logs(run(vm, `log(string.char(${'65,'.repeat(199)}65):len())`))).toEqual(['200']);
  });

  it('never converts strings to numbers implicitly (strtod takes ~100 us in one instruction)', () => {
    expectFailure(run(vm, 'local x = "1e308" + 1'), 'RUNTIME', 1);
    expectFailure(run(vm, 'local s = "1e308"\nfor i = 1, s do end'), 'RUNTIME', 2);
    expectFailure(run(vm, 'local s = "123"\nlocal x = s & 1'), 'RUNTIME', 2);
    expectFailure(run(vm, 'local s = "1e308"\nlocal x = ~s'), 'RUNTIME', 2);
    expectFailure(run(vm, 'local x = math.floor("1e308")'), 'RUNTIME', 1);
    expectFailure(run(vm, 'local x = ("ab"):sub("1e308")'), 'RUNTIME', 1);
    expectFailure(run(vm, 'local x = select("1e308", 1)'), 'RUNTIME', 1);
    expectFailure(run(vm, 'error("x", "1e308")'), 'RUNTIME', 1);
    // explicit tonumber is allowed but charged, and refuses absurd lengths
    const parse = run(vm, 'local n = 0\nfor i = 1, 1e9 do n = tonumber("1e308") end');
    expectFailure(parse, 'BUDGET_EXCEEDED', 2);
    expect(
      logs(
        run(vm, 'log(tonumber("42"), tonumber("0x10"), tonumber("2.5"), tonumber(("1"):rep(100)))'),
      ),
    ).toEqual(['42 16 2.5 nil']);
    // loops and bitwise operators on numbers still work
    expect(
      logs(
        run(
          vm,
          'local n = 0\nlocal hi = 10\nfor i = 1, hi, 2 do n = n + (i & 3) end\nlog(n, ~0, 1 << 4)',
        ),
      ),
    ).toEqual(['9 -1 16']);
  });

  it('charges float formatting (musl prints floats with bignum arithmetic)', () => {
    const ints = run(vm, 'for i = 1, 100 do local s = tostring(i) end');
    const floats = run(vm, 'for i = 1, 100 do local s = tostring(i + 0.5) end');
    expect(floats.instructions - ints.instructions).toBeGreaterThanOrEqual(100 * 100);
  });

  it('survives deep recursion, in Lua and through C calls', () => {
    expectFailure(run(vm, 'local function f(n) return 1 + f(n + 1) end\nf(1)'), 'BUDGET_EXCEEDED');
    const viaC = run(vm, 'local function f() return pcall(f) end\nlog(select("#", f()))');
    expect(viaC.ok).toBe(true);
    const metamethods = run(
      vm,
      'local t = setmetatable({}, { __index = function(t, k) return t[k + 1] end })\nlocal x = t[1]',
    );
    expectFailure(metamethods, 'RUNTIME', 1);
    expectHealthy(vm);
  });
});
