import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SandboxRuntime, type SandboxVm } from '../src/index.ts';
import { expectFailure, expectHealthy, logs, run } from './helpers.ts';

const runtime = new SandboxRuntime({ effects: TEST_EFFECTS });
let vm: SandboxVm;
beforeEach(async () => {
  vm?.dispose();
  vm = await runtime.createVm();
  vm.beginAction({ units: [{ id: 'u1' }] });
});
afterAll(() => {
  vm.dispose();
  runtime.dispose();
  // Nothing a script did ended or flagged this process.
  expect(process.exitCode).toBeUndefined();
});

describe('escapes to the host', () => {
  it.each([
    ['os.exit', 'os.exit(1)'],
    ['os.time', 'local t = os.time()'],
    ['io.open', 'io.open("/etc/passwd")'],
    ['require', 'local fs = require("fs")'],
    ['package', 'log(package.path)'],
    ['debug', 'debug.sethook()'],
    ['load', 'load("return 1")()'],
    ['loadstring', 'loadstring("return 1")()'],
    ['dofile', 'dofile("/etc/passwd")'],
    ['loadfile', 'loadfile("/etc/passwd")'],
    ['collectgarbage', 'collectgarbage("stop")'],
    ['next', 'local k = next({ a = 1 })'],
    ['rawset', 'rawset(state, "units", nil)'],
    ['coroutine', 'coroutine.create(print)'],
    ['math.random', 'log(math.random(6))'],
    ['math.randomseed', 'math.randomseed(1)'],
    ['string.dump', 'log(string.dump(print))'],
  ])('%s is forbidden (FORBIDDEN, with the line)', (_name, source) => {
    const result = run(vm, `local a = 1\n${source}`);
    expectFailure(result, 'FORBIDDEN', 2);
    expectHealthy(vm);
  });

  it('cannot catch a forbidden access with pcall', () => {
    const result = run(vm, 'local ok = pcall(function() return os end)\nlog("caught", ok)');
    expectFailure(result, 'FORBIDDEN', 1);
  });

  it('reaches no library through the metatable of strings', () => {
    expect(logs(run(vm, 'log(getmetatable(""), getmetatable("abc"))'))).toEqual(['nil nil']);
    expectFailure(run(vm, 'local s = "x"\nlog(s.dump)'), 'FORBIDDEN', 2);
    expectFailure(run(vm, 'local s = "x"\nlog(s:gsub("x", "y"))'), 'FORBIDDEN', 2);
    expectFailure(run(vm, 'local s = "x"\nfor w in s:gmatch(".") do end'), 'FORBIDDEN', 2);
    expectFailure(run(vm, '("x").upper = nil'), 'RUNTIME', 1);
    // the string library stays intact for the next call
    expect(logs(run(vm, 'log(("abc"):upper(), ("abc"):sub(2, 3), ("abc"):len())'))).toEqual([
      'ABC bc 3',
    ]);
  });

  it('has no _G, no _ENV escape and no host objects', () => {
    expect(
      logs(
        run(vm, 'log(type(_G), type(getmetatable(_ENV)), type(js), type(window), type(process))'),
      ),
    ).toEqual(['nil string nil nil nil']);
    expectFailure(run(vm, 'setmetatable(_ENV, nil)'), 'RUNTIME', 1);
    expectFailure(run(vm, 'getmetatable(_ENV).__index = {}'), 'RUNTIME', 1);
  });

  it('cannot reach host prototypes: libraries and the API are read-only and shared state is never written', () => {
    expectFailure(run(vm, 'string.upper = function() return "pwned" end'), 'RUNTIME', 1);
    expectFailure(run(vm, 'table.insert = nil'), 'RUNTIME', 1);
    expectFailure(run(vm, 'math.pi = 3'), 'RUNTIME', 1);
    run(vm, 'damage = function() end\nprint = nil\npairs = nil');
    expect(
      logs(run(vm, 'log(type(damage), type(print), type(pairs), math.pi > 3.14, ("a"):upper())')),
    ).toEqual(['function function function true A']);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'pwned')).toBe(false);
  });

  it('refuses metatables with __gc (finalizers run with hooks off) and weak tables', () => {
    expectFailure(
      run(vm, 'setmetatable({}, { __gc = function() while true do end end })'),
      'FORBIDDEN',
      1,
    );
    expectFailure(run(vm, 'local weak = setmetatable({}, { __mode = "k" })'), 'FORBIDDEN', 1);
    expectHealthy(vm);
  });

  it('loads source text only: bytecode is refused before and inside Lua', () => {
    expect(vm.load('bc', '\x1bLua')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectFailure(run(vm, 'local f = load("\\27Lua")'), 'FORBIDDEN', 1);
  });

  it('shows no addresses and one spelling of NaN', () => {
    expect(
      logs(
        run(
          vm,
          'log(tostring({}), tostring(print), tostring(state), tostring(0/0), tostring(-(0/0)), tostring(1/0))',
        ),
      ),
    ).toEqual(['table function table nan nan inf']);
    expect(logs(run(vm, 'log(string.format("%s|%5.1f|%g", {}, 0/0, -1/0))'))).toEqual([
      'table|nan|-inf',
    ]);
    expectFailure(run(vm, 'log(string.format("%p", {}))'), 'RUNTIME', 1);
  });
});
