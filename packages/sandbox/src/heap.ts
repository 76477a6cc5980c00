import { calibrate, type Calibration } from './calibrate.ts';
import type { LuaApi } from './lua/lua-api.ts';
import { LUA_DEBUG_SIZE } from './lua/lua-constants.ts';
import { loadLuaModule, type LoadedLuaModule } from './lua/load-module.ts';
import { WasmMemory } from './lua/wasm-memory.ts';
import type { MemoryMeter } from './memory-meter.ts';
import { registerNatives, type NativePointers, type NativeTarget } from './natives.ts';

let nextHeapId = 1;

/**
 * One wasmoon module instance: one WASM memory shared by the VMs placed on it. WASM memory never
 * shrinks, so the pool retires heaps and lets them go once their last VM is gone.
 */
export class LuaHeap {
  readonly id = nextHeapId++;
  readonly api: LuaApi;
  readonly memory: WasmMemory;
  readonly natives: NativePointers;
  readonly calibration: Calibration;
  /** A `lua_Debug` for stack walks. */
  readonly debugPtr: number;
  liveVms = 0;
  createdVms = 0;
  retired = false;
  /** Set when a JS exception crossed the wasm boundary: no new VM is placed here. */
  poisoned: string | undefined;

  private readonly meters = new Map<number, MemoryMeter>();
  private readonly targets = new Map<number, NativeTarget>();
  private nextMeterId = 1;

  static async create(wasmUrl?: string): Promise<LuaHeap> {
    return new LuaHeap(await loadLuaModule(wasmUrl));
  }

  private constructor(private readonly module: LoadedLuaModule) {
    this.api = module.api;
    this.memory = new WasmMemory(module.memory, module.api);
    this.natives = registerNatives(module, {
      meter: (ud) => this.meters.get(ud),
      target: (L) => this.targets.get(L),
    });
    this.debugPtr = this.api.malloc(LUA_DEBUG_SIZE);
    this.calibration = calibrate(this);
  }

  /** Bytes of WASM memory this heap holds (it only grows). */
  get wasmBytes(): number {
    return this.module.memory.buffer.byteLength;
  }

  get rawExports(): boolean {
    return this.module.rawExports;
  }

  addMeter(meter: MemoryMeter): number {
    const id = this.nextMeterId++;
    this.meters.set(id, meter);
    return id;
  }

  removeMeter(id: number): void {
    this.meters.delete(id);
  }

  attach(L: number, target: NativeTarget): void {
    this.targets.set(L, target);
  }

  detach(L: number): void {
    this.targets.delete(L);
  }

  poison(reason: string): void {
    this.poisoned ??= reason;
    this.retired = true;
  }

  /** Frees the heap's own allocations; the module goes when nothing references it. */
  release(): void {
    this.memory.release();
    this.api.free(this.debugPtr);
  }
}
