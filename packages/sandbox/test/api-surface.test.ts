import { TEST_EFFECTS } from './fixtures/effects.ts';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BASE_GLOBALS,
  CONTEXT_GLOBALS,
  FORBIDDEN_GLOBALS,
  LIBRARY_MEMBERS,
  SandboxRuntime,
} from '../src/index.ts';
import { logs, run } from './helpers.ts';

const runtime = new SandboxRuntime({ effects: TEST_EFFECTS, heaps: 1 });
afterAll(() => runtime.dispose());

// Everything Lua 5.4 defines globally, by library.
const LUA_54_GLOBALS = [
  'assert',
  'collectgarbage',
  'dofile',
  'error',
  'getmetatable',
  'ipairs',
  'load',
  'loadfile',
  'next',
  'pairs',
  'pcall',
  'print',
  'rawequal',
  'rawget',
  'rawlen',
  'rawset',
  'require',
  'select',
  'setmetatable',
  'tonumber',
  'tostring',
  'type',
  'warn',
  'xpcall',
  '_G',
  '_VERSION',
  'coroutine',
  'debug',
  'io',
  'math',
  'os',
  'package',
  'string',
  'table',
  'utf8',
];

describe('script API surface', () => {
  it('offers exactly the documented names (the linter reads the same list)', async () => {
    const vm = await runtime.createVm({ random: (a) => a });
    vm.beginAction({});
    const documented = [
      ...BASE_GLOBALS,
      ...Object.keys(LIBRARY_MEMBERS),
      ...TEST_EFFECTS.map((e) => e.name),
    ];
    const present = run(
      vm,
      `local out = {}\nfor _, name in ipairs({ ${documented.map((n) => `"${n}"`).join(', ')} }) do\n  if _ENV[name] == nil then out[#out + 1] = name end\nend\nlog("missing:", table.concat(out, ","))`,
    );
    expect(logs(present)).toEqual(['missing: ']);
    for (const name of LUA_54_GLOBALS.filter((n) => !documented.includes(n))) {
      const result = run(vm, `local x = ${name}\nlog(type(x))`);
      if (name in FORBIDDEN_GLOBALS)
        expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      else expect(logs(result), name).toEqual(['nil']);
    }
    for (const [library, members] of Object.entries(LIBRARY_MEMBERS)) {
      const listed = run(
        vm,
        `local out = {}\nfor k in pairs(${library}) do out[#out + 1] = k end\nlog(table.concat(out, ","))`,
      );
      expect(logs(listed), library).toEqual([[...members].sort().join(',')]);
    }
    expect(CONTEXT_GLOBALS).toEqual(['state', 'self', 'args']);
    vm.dispose();
  });
});
