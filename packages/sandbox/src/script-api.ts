/**
 * The names a script can reach, mirrored from the prelude for the linter. A test checks this
 * list against the API table of a live VM, so the two cannot drift apart.
 */
export const BASE_GLOBALS: readonly string[] = [
  '_VERSION',
  'assert',
  'error',
  'getmetatable',
  'ipairs',
  'log',
  'pairs',
  'pcall',
  'print',
  'random',
  'rawequal',
  'rawget',
  'rawlen',
  'select',
  'setmetatable',
  'tonumber',
  'tostring',
  'type',
  'xpcall',
];

/**
 * One field of the read-only `state` a host shows scripts: what it holds, and for a table its
 * fields (`fields`) or, for a list, the fields of each item (`items`). A field with neither is
 * a value (or a table whose keys vary, such as an event) that the lint does not look inside.
 */
export interface StateField {
  doc: string;
  fields?: Readonly<Record<string, StateField>>;
  items?: Readonly<Record<string, StateField>>;
}

/** Per-call and per-action values: the state of the match, the card, the trigger's arguments. */
export const CONTEXT_GLOBALS: readonly string[] = ['state', 'self', 'args'];

export const LIBRARY_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  string: ['byte', 'char', 'find', 'format', 'len', 'lower', 'rep', 'reverse', 'sub', 'upper'],
  table: ['concat', 'insert', 'move', 'pack', 'remove', 'sort', 'unpack'],
  math: [
    'abs',
    'acos',
    'asin',
    'atan',
    'ceil',
    'cos',
    'exp',
    'floor',
    'fmod',
    'huge',
    'log',
    'max',
    'maxinteger',
    'min',
    'mininteger',
    'modf',
    'pi',
    'sin',
    'sqrt',
    'tan',
    'tointeger',
    'type',
    'ult',
  ],
};

/** Globals whose use ends a call with FORBIDDEN, and why they are gone. */
export const FORBIDDEN_GLOBALS: Readonly<Record<string, string>> = {
  collectgarbage: 'the sandbox manages memory',
  coroutine: 'coroutines would escape the instruction budget',
  debug: 'the debug library reaches into the host',
  dofile: 'scripts cannot read files',
  io: 'scripts cannot do I/O',
  load: 'scripts cannot compile code at run time',
  loadfile: 'scripts cannot read files',
  loadstring: 'scripts cannot compile code at run time',
  next: 'its order depends on hashing; use pairs (sorted order)',
  os: 'scripts have no clock, process or environment',
  package: 'scripts cannot load modules',
  rawset: 'it would write through read-only tables',
  require: 'scripts cannot load modules',
};

/** Library members whose use ends a call with FORBIDDEN, and why they are gone. */
export const FORBIDDEN_MEMBERS: Readonly<Record<string, string>> = {
  'string.dump': 'bytecode is never loaded',
  'string.gmatch': 'patterns run unbounded inside one instruction; use string.find (plain)',
  'string.gsub': 'patterns run unbounded inside one instruction; use string.find (plain)',
  'string.match': 'patterns run unbounded inside one instruction; use string.find (plain)',
  'string.pack': 'binary packing is not offered',
  'string.packsize': 'binary packing is not offered',
  'string.unpack': 'binary packing is not offered',
  'math.random': 'use random(a, b), drawn from the match RNG',
  'math.randomseed': 'the match RNG is seeded by the game',
};

/** Names a Lua 5.1 script might use that are simply absent (nil) here, with the 5.4 way. */
export const ABSENT_GLOBALS: Readonly<Record<string, string>> = {
  _G: 'globals are per call; use a local table',
  unpack: 'use table.unpack',
  setfenv: 'not in Lua 5.4',
  getfenv: 'not in Lua 5.4',
  module: 'not in Lua 5.4',
  utf8: 'the utf8 library is not offered',
};
