import type { LuaApi } from './lua/lua-api.ts';
import { LUA_MASKCOUNT } from './lua/lua-constants.ts';
import type { WasmMemory } from './lua/wasm-memory.ts';

/**
 * Lua's count hook, used as an exact instruction counter. The hook fires every `period`
 * instructions (so the watchdog gets a look), and the exact count in between is read from the
 * VM's own countdown, `lua_State.hookcount`, whose offset is calibrated when a heap starts.
 * Explicit charges (C work the hook cannot see) are taken from the same countdown.
 */
export class InstructionMeter {
  private budget = 0;
  private counted = 0;
  private period = 0;
  private running = false;
  private frozen = false;

  constructor(
    private readonly api: LuaApi,
    private readonly memory: WasmMemory,
    private readonly L: number,
    private readonly hookcountPtr: number,
    private readonly hookFn: number,
    private readonly maxPeriod: number,
  ) {}

  start(budget: number): void {
    this.budget = budget;
    this.counted = 0;
    this.running = true;
    this.frozen = false;
    this.arm(Math.min(this.maxPeriod, budget));
  }

  /** Instructions run so far in this call, never more than the budget. */
  used(): number {
    if (!this.running || this.frozen) return this.counted;
    const remaining = this.memory.readI32(this.hookcountPtr);
    return Math.min(this.budget, this.counted + this.period - remaining);
  }

  /** Removes the hook and returns the instructions the call used. */
  stop(): number {
    const used = this.used();
    this.api.lua_sethook(this.L, 0, 0, 0);
    this.running = false;
    this.counted = used;
    return used;
  }

  /** The hook fired: a period has run. Returns false when the budget is spent. */
  periodElapsed(): boolean {
    if (!this.running) return true;
    this.counted += this.period;
    if (this.counted >= this.budget) {
      this.counted = this.budget;
      return false;
    }
    this.arm(Math.min(this.maxPeriod, this.budget - this.counted));
    return true;
  }

  /** Takes `n` instructions at once. Returns false when that spends the budget. */
  charge(n: number): boolean {
    if (!this.running || this.frozen || n <= 0) return true;
    const remaining = this.memory.readI32(this.hookcountPtr);
    if (n < remaining) {
      this.memory.writeI32(this.hookcountPtr, remaining - n);
      return true;
    }
    this.counted += this.period - remaining + n;
    if (this.counted >= this.budget) {
      this.counted = this.budget;
      return false;
    }
    this.arm(Math.min(this.maxPeriod, this.budget - this.counted));
    return true;
  }

  /**
   * Stops counting (the call is ending with a fatal error) and makes the hook fire at every
   * instruction, so nothing the script does, pcall included, runs another instruction.
   */
  stopAtEveryInstruction(): void {
    if (this.running && !this.frozen) this.counted = this.used();
    this.frozen = true;
    this.api.lua_sethook(this.L, this.hookFn, LUA_MASKCOUNT, 1);
  }

  private arm(period: number): void {
    this.period = period;
    this.api.lua_sethook(this.L, this.hookFn, LUA_MASKCOUNT, period);
  }
}
