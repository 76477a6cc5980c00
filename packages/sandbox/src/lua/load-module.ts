import { LuaWasm } from 'wasmoon';
import { LUA_API_NAMES, type LuaApi } from './lua-api.ts';

/** What the sandbox needs from one wasmoon module instance: one WebAssembly heap. */
export interface LoadedLuaModule {
  api: LuaApi;
  memory: WebAssembly.Memory;
  /** Registers a JS function in the wasm function table; returns its pointer. */
  addFunction(fn: (...args: number[]) => number | void, signature: string): number;
  /** Whether `api` calls the raw wasm exports (fast) or wasmoon's wrappers (a fallback). */
  rawExports: boolean;
}

type Exports = Record<string, unknown>;
type Instantiate = typeof WebAssembly.instantiate;
type InstantiateStreaming = typeof WebAssembly.instantiateStreaming;

// Module instances are created one at a time, so the capture below sees only its own.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Creates one wasmoon module instance (its own WASM memory). wasmoon keeps the instance's raw
 * exports private and hands out wrappers that cost about 85 ns a call against 7 ns raw; so while
 * the module instantiates we observe WebAssembly.instantiate* to pick up its exports, then match
 * them to the module by their memory. If that ever fails we fall back to the wrappers.
 */
export function loadLuaModule(wasmUrl?: string): Promise<LoadedLuaModule> {
  const next = queue.then(() => loadOne(wasmUrl));
  queue = next.catch(() => undefined);
  return next;
}

async function loadOne(wasmUrl: string | undefined): Promise<LoadedLuaModule> {
  const seen: Exports[] = [];
  const wasm = WebAssembly as unknown as {
    instantiate: Instantiate;
    instantiateStreaming?: InstantiateStreaming;
  };
  const originalInstantiate = wasm.instantiate;
  const originalStreaming = wasm.instantiateStreaming;
  const remember = (result: unknown): void => {
    const instance =
      result instanceof WebAssembly.Instance
        ? result
        : (result as { instance?: WebAssembly.Instance }).instance;
    if (instance) seen.push(instance.exports as Exports);
  };
  wasm.instantiate = (async (...args: Parameters<Instantiate>) => {
    const result = await (originalInstantiate as (...a: unknown[]) => Promise<unknown>)(...args);
    remember(result);
    return result;
  }) as Instantiate;
  if (originalStreaming) {
    wasm.instantiateStreaming = (async (...args: Parameters<InstantiateStreaming>) => {
      const result = await originalStreaming(...args);
      remember(result);
      return result;
    }) as InstantiateStreaming;
  }
  let luaWasm: LuaWasm;
  try {
    luaWasm = await LuaWasm.initialize(wasmUrl);
  } finally {
    wasm.instantiate = originalInstantiate;
    if (originalStreaming) wasm.instantiateStreaming = originalStreaming;
  }
  const module = luaWasm.module;
  const heapBuffer = module.HEAPU8.buffer;
  const raw = seen.find(
    (e) => e.memory instanceof WebAssembly.Memory && e.memory.buffer === heapBuffer,
  );
  const addFunction = (fn: (...args: number[]) => number | void, signature: string): number =>
    module.addFunction(fn as (...args: unknown[]) => unknown, signature);

  if (raw && LUA_API_NAMES.every((name) => typeof raw[name] === 'function')) {
    return {
      api: pickApi((name) => raw[name]),
      memory: raw.memory as WebAssembly.Memory,
      addFunction,
      rawExports: true,
    };
  }
  const wrapped = module as unknown as Exports;
  const memory = {
    get buffer() {
      return module.HEAPU8.buffer;
    },
  } as WebAssembly.Memory;
  return { api: pickApi((name) => wrapped[`_${name}`]), memory, addFunction, rawExports: false };
}

function pickApi(lookup: (name: string) => unknown): LuaApi {
  const api: Record<string, unknown> = {};
  for (const name of LUA_API_NAMES) {
    const fn = lookup(name);
    if (typeof fn !== 'function') throw new Error(`wasmoon module lacks the export ${name}`);
    api[name] = fn;
  }
  return api as unknown as LuaApi;
}
